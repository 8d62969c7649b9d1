package org.casework.clocks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A holiday or make-up working day to add. Only rows that change the count are accepted: a make-up
 * working day is a Saturday or Sunday, a holiday is a Monday–Friday (a weekend is off anyway).
 *
 * @param regionCode "" for national, else a 2-, 4- or 6-digit division-code prefix
 * @param source where the day comes from (notice number); optional
 */
public record NewCalendarDay(
    @NotNull(message = "请填写地区代码（全国留空）")
        @Pattern(regexp = CalendarRegion.OWNER_PATTERN, message = "地区代码须为空（全国）或2位（省）、4位（市）、6位（县）数字")
        String regionCode,
    @NotNull(message = "请填写日期") LocalDate day,
    @NotNull(message = "请选择类型：节假日（HOLIDAY）或调休上班（WORKDAY）") DayKind kind,
    @NotBlank(message = "请填写名称，例如：春节") @Size(max = 64, message = "名称不能超过64个字") String name,
    @Size(max = 64, message = "来源不能超过64个字") String source) {

  /** Make-up working days exist only on weekends. */
  @JsonIgnore
  @AssertTrue(message = "调休上班日须为星期六或星期日")
  public boolean isWorkdayOnWeekend() {
    return kind != DayKind.WORKDAY || day == null || isWeekend(day);
  }

  /** A holiday on a weekend changes nothing, so it is refused. */
  @JsonIgnore
  @AssertTrue(message = "节假日须为星期一至星期五（周末本来就休息）")
  public boolean isHolidayOnWeekday() {
    return kind != DayKind.HOLIDAY || day == null || !isWeekend(day);
  }

  static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }
}
