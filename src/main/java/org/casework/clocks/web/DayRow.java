package org.casework.clocks.web;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import org.casework.clocks.MakeupWorkday;
import org.casework.clocks.SkippedDay;
import org.casework.common.Formats;

/**
 * A day that mattered to a due date, as people read it.
 *
 * @param reason WEEKEND, HOLIDAY or MAKEUP_WORKDAY
 * @param reasonLabel 周末, 节假日 or 调休上班
 * @param name the holiday's name, 周末, or the make-up day's name (e.g. 春节调休)
 */
public record DayRow(
    LocalDate day, String dayText, String weekday, String reason, String reasonLabel, String name) {

  public static final String MAKEUP_WORKDAY = "MAKEUP_WORKDAY";

  static DayRow of(SkippedDay skipped) {
    return new DayRow(
        skipped.day(),
        Formats.date(skipped.day()),
        weekday(skipped.day()),
        skipped.reason().name(),
        skipped.reason().label(),
        skipped.name());
  }

  static DayRow of(MakeupWorkday makeup) {
    return new DayRow(
        makeup.day(),
        Formats.date(makeup.day()),
        weekday(makeup.day()),
        MAKEUP_WORKDAY,
        MakeupWorkday.LABEL,
        makeup.name());
  }

  private static String weekday(LocalDate day) {
    return day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA);
  }
}
