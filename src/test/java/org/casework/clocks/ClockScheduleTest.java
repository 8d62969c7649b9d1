package org.casework.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Warning points and due days of legal clocks on the national calendar shipped in V20, with pauses
 * and extensions. Every date worked out by hand from cn-public-holidays.csv; pause days are what
 * {@link DayCounter#counted} returns for the span (checked in the second table).
 */
class ClockScheduleTest {

  private static CalendarSnapshot national() {
    return CalendarSnapshot.resolve("350502", NationalCalendar.days(), NationalCalendar.years());
  }

  @ParameterizedTest(name = "{0} + {1} {2}, paused {3}, extended {4} → {5} / {6} / {7}")
  @CsvSource({
    // hardship township review over National Day 2025: 调休 Sun 9-28 and Sat 10-11 count
    "2025-09-26, 10, WORKING_DAYS, 0, 0, 2025-10-10, 2025-10-14, 2025-10-16",
    // the same clock paused 9-30 → 10-09: only 10-09 was a working day it stood still
    "2025-09-26, 10, WORKING_DAYS, 1, 0, 2025-10-11, 2025-10-15, 2025-10-17",
    // calendar days: 9-20 + 15 = 10-05 (holiday) → next working day 10-09
    "2025-09-20, 15, CALENDAR_DAYS, 0, 0, 2025-09-28, 2025-10-09, 2025-10-09",
    // paused 9-30 → 10-09 = 9 calendar days: 10-14; the 21st day is the 调休 Saturday 10-11
    "2025-09-20, 15, CALENDAR_DAYS, 9, 0, 2025-10-09, 2025-10-11, 2025-10-14",
    // Spring Festival 2026: 调休 Sat 2-14 and 2-28 count
    "2026-02-10, 10, WORKING_DAYS, 0, 0, 2026-02-24, 2026-02-27, 2026-03-02",
    // + one extension of 5 working days: allowed 15, warnings at 8 and 12
    "2026-02-10, 10, WORKING_DAYS, 0, 5, 2026-02-27, 2026-03-04, 2026-03-09",
    // petition 60 calendar days + 30 extension: 4-05 Qingming → 4-07; 45th day 2-19 → 2-24
    "2026-01-05, 60, CALENDAR_DAYS, 0, 30, 2026-02-24, 2026-03-16, 2026-04-07",
    // petition without extension: 3-06 is a Friday
    "2026-01-05, 60, CALENDAR_DAYS, 0, 0, 2026-02-04, 2026-02-24, 2026-03-06",
    // whole hardship case 15 working days from New Year's Eve 2025, 1-04 (Sun) is 调休
    "2025-12-31, 15, WORKING_DAYS, 0, 0, 2026-01-13, 2026-01-19, 2026-01-22",
    // 2027 has no notice loaded: plain Monday–Friday weeks
    "2027-01-04, 10, WORKING_DAYS, 0, 0, 2027-01-11, 2027-01-14, 2027-01-18",
    // paused and extended together
    "2026-02-10, 10, WORKING_DAYS, 2, 5, 2026-03-02, 2026-03-06, 2026-03-11"
  })
  void shouldPlaceWarningsAndDueDayAfterPausesAndExtensions(
      LocalDate start,
      int amount,
      PeriodUnit unit,
      int paused,
      int extended,
      LocalDate warnFirst,
      LocalDate warnSecond,
      LocalDate due) {
    ClockSchedule s = ClockSchedule.of(national(), start, amount, unit, paused, extended, 50, 75);
    assertThat(s).isEqualTo(new ClockSchedule(warnFirst, warnSecond, due));
  }

  @ParameterizedTest(name = "paused {0} → resumed {1} in {2}: {3} days")
  @CsvSource({
    // pause across the whole National Day holiday: only the resume day 10-09 is a working day
    "2025-09-30, 2025-10-09, WORKING_DAYS, 1",
    "2025-09-30, 2025-10-09, CALENDAR_DAYS, 9",
    // across Spring Festival 2026 incl. the 调休 Saturday 2-14
    "2026-02-13, 2026-02-25, WORKING_DAYS, 3",
    // same day: nothing lost
    "2026-03-02, 2026-03-02, WORKING_DAYS, 0",
    // over a plain weekend
    "2026-03-06, 2026-03-09, WORKING_DAYS, 1"
  })
  void shouldCountOnlyTheDaysAPausedClockStoodStill(
      LocalDate paused, LocalDate resumed, PeriodUnit unit, int days) {
    assertThat(DayCounter.counted(national(), paused, resumed, unit)).isEqualTo(days);
  }
}
