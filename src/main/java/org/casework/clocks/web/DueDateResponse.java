package org.casework.clocks.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casework.clocks.DueDate;
import org.casework.clocks.PeriodUnit;
import org.casework.common.Formats;

/**
 * The JSON of {@code GET /api/calendar/due} and the model of the due-date page.
 *
 * @param dueAt the last second of the due day (23:59:59 Asia/Shanghai) as an instant
 * @param notice a Chinese warning when plain weekends were assumed, else null
 */
public record DueDateResponse(
    String region,
    LocalDate start,
    String startText,
    int amount,
    PeriodUnit unit,
    String unitLabel,
    LocalDate due,
    String dueText,
    Instant dueAt,
    List<DayRow> skipped,
    List<DayRow> makeupWorkdaysCounted,
    boolean fellBackToPlainWeekends,
    List<Integer> yearsWithoutCalendar,
    String notice) {

  static DueDateResponse of(String region, DueDate due) {
    String notice = null;
    if (due.fellBackToPlainWeekends()) {
      String years =
          due.yearsWithoutCalendar().stream()
              .map(year -> year + "年")
              .collect(Collectors.joining("、"));
      notice = years + "的节假日安排尚未录入，已按普通周末计算，结果可能与实际放假安排不同";
    }
    return new DueDateResponse(
        region,
        due.start(),
        Formats.date(due.start()),
        due.amount(),
        due.unit(),
        due.unit().label(),
        due.due(),
        Formats.date(due.due()),
        due.dueInstant(),
        due.skipped().stream().map(DayRow::of).toList(),
        due.makeupWorkdaysCounted().stream().map(DayRow::of).toList(),
        due.fellBackToPlainWeekends(),
        due.yearsWithoutCalendar(),
        notice);
  }

  /** Skipped and make-up days together in date order, for one table. */
  public List<DayRow> days() {
    return Stream.concat(skipped.stream(), makeupWorkdaysCounted.stream())
        .sorted(Comparator.comparing(DayRow::day))
        .toList();
  }
}
