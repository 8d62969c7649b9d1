package org.casework.clocks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.casework.common.BusinessRuleException;

/**
 * Counts legal periods on a {@link CalendarSnapshot} (Civil Code art. 201, 203): the start day is
 * not counted; calendar days end on start + amount, moved to the next working day when that is a
 * day off; working days count only working days, 调休 Saturdays/Sundays included. Pure: no clock, no
 * database.
 */
public final class DayCounter {

  public static final int MIN_AMOUNT = 1;
  public static final int MAX_AMOUNT = 3650;

  /** More consecutive days off than any real calendar has: the data is broken. */
  private static final int MAX_DAYS_OFF_IN_A_ROW = 366;

  private DayCounter() {}

  public static DueDate due(
      CalendarSnapshot calendar, LocalDate start, int amount, PeriodUnit unit) {
    check(start, amount, unit);
    return switch (unit) {
      case CALENDAR_DAYS -> calendarDays(calendar, start, amount);
      case WORKING_DAYS -> workingDays(calendar, start, amount);
    };
  }

  /**
   * How many days of {@code unit} lie after {@code after} up to and including {@code through}: the
   * days a paused clock did not run (the day of the pause counted, the day it resumed did not, as
   * with the start day). Zero when {@code through} is not after {@code after}.
   */
  public static int counted(
      CalendarSnapshot calendar, LocalDate after, LocalDate through, PeriodUnit unit) {
    if (!through.isAfter(after)) {
      return 0;
    }
    if (unit == PeriodUnit.CALENDAR_DAYS) {
      return (int) java.time.temporal.ChronoUnit.DAYS.between(after, through);
    }
    int counted = 0;
    for (LocalDate day = after.plusDays(1); !day.isAfter(through); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return counted;
  }

  private static DueDate calendarDays(CalendarSnapshot calendar, LocalDate start, int amount) {
    List<SkippedDay> skipped = new ArrayList<>();
    SortedSet<Integer> unloaded = new TreeSet<>();
    LocalDate day = start.plusDays(amount);
    note(calendar, day, unloaded);
    while (!calendar.isWorkingDay(day)) {
      skipped.add(skipped(calendar, day));
      if (skipped.size() > MAX_DAYS_OFF_IN_A_ROW) {
        throw new IllegalStateException(
            "calendar of region '" + calendar.regionCode() + "' has no working day after " + start);
      }
      day = day.plusDays(1);
      note(calendar, day, unloaded);
    }
    LocalDate due = day;
    List<MakeupWorkday> makeup =
        calendar
            .entry(due)
            .filter(e -> e.kind() == DayKind.WORKDAY)
            .map(e -> List.of(new MakeupWorkday(due, e.name())))
            .orElse(List.of());
    return result(start, amount, PeriodUnit.CALENDAR_DAYS, due, skipped, makeup, unloaded);
  }

  private static DueDate workingDays(CalendarSnapshot calendar, LocalDate start, int amount) {
    List<SkippedDay> skipped = new ArrayList<>();
    List<MakeupWorkday> makeup = new ArrayList<>();
    SortedSet<Integer> unloaded = new TreeSet<>();
    LocalDate day = start;
    int counted = 0;
    while (counted < amount) {
      day = day.plusDays(1);
      note(calendar, day, unloaded);
      if (calendar.isWorkingDay(day)) {
        counted++;
        LocalDate counting = day;
        calendar
            .entry(day)
            .filter(e -> e.kind() == DayKind.WORKDAY)
            .ifPresent(e -> makeup.add(new MakeupWorkday(counting, e.name())));
      } else {
        skipped.add(skipped(calendar, day));
      }
    }
    return result(start, amount, PeriodUnit.WORKING_DAYS, day, skipped, makeup, unloaded);
  }

  private static SkippedDay skipped(CalendarSnapshot calendar, LocalDate day) {
    return calendar
        .entry(day)
        .filter(e -> e.kind() == DayKind.HOLIDAY)
        .map(e -> new SkippedDay(day, SkippedDay.Reason.HOLIDAY, e.name()))
        .orElseGet(
            () ->
                new SkippedDay(day, SkippedDay.Reason.WEEKEND, SkippedDay.Reason.WEEKEND.label()));
  }

  /** Remembers a year whose notice is missing, for a day that decided the result. */
  private static void note(CalendarSnapshot calendar, LocalDate day, SortedSet<Integer> unloaded) {
    if (!calendar.isLoaded(day.getYear())) {
      unloaded.add(day.getYear());
    }
  }

  private static DueDate result(
      LocalDate start,
      int amount,
      PeriodUnit unit,
      LocalDate due,
      List<SkippedDay> skipped,
      List<MakeupWorkday> makeup,
      SortedSet<Integer> unloaded) {
    return new DueDate(
        start, amount, unit, due, skipped, makeup, !unloaded.isEmpty(), List.copyOf(unloaded));
  }

  private static void check(LocalDate start, int amount, PeriodUnit unit) {
    if (start == null) {
      throw BusinessRuleException.invalid(
          "SLA_PERIOD_START_MISSING", "请填写起算日期", "period start is null");
    }
    if (unit == null) {
      throw BusinessRuleException.invalid(
          "SLA_PERIOD_UNIT_MISSING", "请选择计算方式：自然日或工作日", "period unit is null");
    }
    if (amount < MIN_AMOUNT || amount > MAX_AMOUNT) {
      throw BusinessRuleException.invalid(
          "SLA_PERIOD_AMOUNT_OUT_OF_RANGE",
          "期限天数须在" + MIN_AMOUNT + "到" + MAX_AMOUNT + "之间",
          "period amount " + amount + " outside " + MIN_AMOUNT + ".." + MAX_AMOUNT);
    }
  }
}
