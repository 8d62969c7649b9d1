package org.casework.clocks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The end of a period and how it was reached.
 *
 * @param skipped days that did not count, in date order (see {@link SkippedDay})
 * @param makeupWorkdaysCounted make-up Saturdays/Sundays (调休) that counted as working days; for
 *     {@link PeriodUnit#CALENDAR_DAYS} only the due day itself can be one (it then stays due)
 * @param fellBackToPlainWeekends some day that decided the result lies in a year whose holiday
 *     notice is not loaded for the region, so plain Monday–Friday weeks were assumed there
 * @param yearsWithoutCalendar those years, ascending
 */
public record DueDate(
    LocalDate start,
    int amount,
    PeriodUnit unit,
    LocalDate due,
    List<SkippedDay> skipped,
    List<MakeupWorkday> makeupWorkdaysCounted,
    boolean fellBackToPlainWeekends,
    List<Integer> yearsWithoutCalendar) {

  public DueDate {
    skipped = List.copyOf(skipped);
    makeupWorkdaysCounted = List.copyOf(makeupWorkdaysCounted);
    yearsWithoutCalendar = List.copyOf(yearsWithoutCalendar);
  }

  /** The last moment of the due day, 23:59:59 in Asia/Shanghai (for Camunda due dates). */
  public Instant dueInstant() {
    return BusinessCalendar.endOfDay(due);
  }
}
