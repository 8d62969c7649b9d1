package org.casework.clocks.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.CalendarDay;
import org.casework.clocks.CalendarRegion;
import org.casework.clocks.CalendarYear;
import org.casework.clocks.NewCalendarDay;
import org.casework.clocks.PeriodUnit;
import org.casework.jurisdiction.RegionScope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Due-date calculation and calendar administration (节假日/调休 rows, loaded years). */
@RestController
@RequestMapping("/api/calendar")
class CalendarApiController {

  private final BusinessCalendar calendar;

  CalendarApiController(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/due")
  DueDateResponse due(
      @RequestParam(defaultValue = "") String region,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
      @RequestParam int amount,
      @RequestParam PeriodUnit unit) {
    return DueDateResponse.of(region, calendar.due(region, start, amount, unit));
  }

  @PostMapping("/days")
  @ResponseStatus(HttpStatus.CREATED)
  CalendarDay addDay(@Valid @RequestBody NewCalendarDay day, RegionScope scope) {
    CalendarAccessRules.requireCalendarEditor(scope, day.regionCode());
    return calendar.addDay(day);
  }

  @GetMapping("/days")
  List<CalendarDay> days(@RequestParam(defaultValue = "") String region, @RequestParam int year) {
    return calendar.days(region, year);
  }

  @PostMapping("/years")
  CalendarYear markYearLoaded(@Valid @RequestBody LoadedYear year, RegionScope scope) {
    CalendarAccessRules.requireCalendarEditor(scope, year.regionCode());
    return calendar.markYearLoaded(year.regionCode(), year.year());
  }

  @GetMapping("/years")
  List<CalendarYear> years(@RequestParam(defaultValue = "") String region) {
    return calendar.years(region);
  }

  /** The holiday notice of {@code year} is now in the calendar of {@code regionCode}. */
  record LoadedYear(
      @NotNull(message = "请填写地区代码（全国留空）")
          @Pattern(
              regexp = CalendarRegion.OWNER_PATTERN,
              message = "地区代码须为空（全国）或2位（省）、4位（市）、6位（县）数字")
          String regionCode,
      @NotNull(message = "请填写年份")
          @Min(value = 2000, message = "年份须在2000到2100之间")
          @Max(value = 2100, message = "年份须在2000到2100之间")
          Integer year) {}
}
