package org.casework.clocks;

import java.time.LocalDate;

/**
 * Where a legal clock's warning points and due day fall. The clock counts {@code amount} (+
 * approved extension days) of its unit after the start day; every day of that unit it stood paused
 * pushes all points back by one. Warning points are the first day on which {@code pct} % of the
 * allowed days are used up (rounded up). Pure: no clock, no database.
 *
 * @param warnFirst end of this day = first warning (default 50 %)
 * @param warnSecond end of this day = second warning (default 75 %), also the task's follow-up day
 * @param due end of this day = breach after it
 */
public record ClockSchedule(LocalDate warnFirst, LocalDate warnSecond, LocalDate due) {

  public static ClockSchedule of(
      CalendarSnapshot calendar,
      LocalDate startDay,
      int amount,
      PeriodUnit unit,
      int pausedDays,
      int extendedDays,
      int warnFirstPct,
      int warnSecondPct) {
    int allowed = amount + extendedDays;
    return new ClockSchedule(
        point(calendar, startDay, share(allowed, warnFirstPct) + pausedDays, unit),
        point(calendar, startDay, share(allowed, warnSecondPct) + pausedDays, unit),
        point(calendar, startDay, allowed + pausedDays, unit));
  }

  private static int share(int allowed, int pct) {
    return Math.max(1, (allowed * pct + 99) / 100);
  }

  private static LocalDate point(
      CalendarSnapshot calendar, LocalDate startDay, int days, PeriodUnit unit) {
    return DayCounter.due(calendar, startDay, days, unit).due();
  }
}
