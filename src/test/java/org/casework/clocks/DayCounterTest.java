package org.casework.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Due dates on the national calendar shipped in V20 (2025, 2026 loaded) plus a few test-only
 * regional rows. Every expected date was worked out by hand from cn-public-holidays.csv.
 */
class DayCounterTest {

  /** Test-only local days (not real ones): 厦门市 3505, 思明区 350502, 江西省 36. */
  private static final List<CalendarDay> LOCAL_DAYS =
      List.of(
          CalendarDay.of("350502", LocalDate.parse("2025-03-05"), DayKind.HOLIDAY, "县庆（测试）"),
          CalendarDay.of("3505", LocalDate.parse("2025-03-08"), DayKind.WORKDAY, "市调休（测试）"),
          CalendarDay.of("36", LocalDate.parse("2025-03-06"), DayKind.HOLIDAY, "省节日（测试）"),
          CalendarDay.of("350502", LocalDate.parse("2027-01-05"), DayKind.HOLIDAY, "县庆（测试）"));

  private static CalendarSnapshot calendar(String region) {
    List<CalendarDay> rows = new ArrayList<>(NationalCalendar.days());
    rows.addAll(LOCAL_DAYS);
    return CalendarSnapshot.resolve(region, rows, NationalCalendar.years());
  }

  private static DueDate due(String region, String start, int amount, PeriodUnit unit) {
    return DayCounter.due(calendar(region), LocalDate.parse(start), amount, unit);
  }

  @ParameterizedTest(name = "[{index}] {0}/{1} + {2} {3} → {4} ({6})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # region     | start      | n  | unit          | due        | fell back | why
          ''           | 2025-01-24 | 1  | WORKING_DAYS  | 2025-01-26 | false | Sat 25 Jan off, Sun 26 Jan is 春节调休 and counts
          ''           | 2025-01-24 | 2  | WORKING_DAYS  | 2025-01-27 | false | 调休 Sunday, then Monday
          ''           | 2025-01-24 | 3  | WORKING_DAYS  | 2025-02-05 | false | 28 Jan–4 Feb 春节 skipped
          ''           | 2025-01-27 | 1  | WORKING_DAYS  | 2025-02-05 | false | first working day after 春节 2025
          ''           | 2025-01-27 | 4  | WORKING_DAYS  | 2025-02-08 | false | Sat 8 Feb 春节调休 is the 4th working day
          ''           | 2025-01-27 | 5  | WORKING_DAYS  | 2025-02-10 | false | Sun 9 Feb is a plain weekend
          ''           | 2025-01-10 | 15 | WORKING_DAYS  | 2025-02-07 | false | 15 working days across 春节 2025 with one 调休
          ''           | 2025-02-03 | 1  | WORKING_DAYS  | 2025-02-05 | false | start on a holiday: start not counted
          ''           | 2025-01-20 | 10 | CALENDAR_DAYS | 2025-02-05 | false | ends on 30 Jan 春节, moves past the holiday
          ''           | 2025-01-16 | 10 | CALENDAR_DAYS | 2025-01-26 | false | ends on 调休 Sunday, which is a working day
          ''           | 2025-01-15 | 10 | CALENDAR_DAYS | 2025-01-26 | false | ends Sat 25 Jan, moves to 调休 Sunday
          ''           | 2025-09-26 | 1  | WORKING_DAYS  | 2025-09-28 | false | Sun 28 Sep 国庆节调休 counts
          ''           | 2025-09-26 | 3  | WORKING_DAYS  | 2025-09-30 | false | 28, 29, 30 Sep
          ''           | 2025-09-30 | 1  | WORKING_DAYS  | 2025-10-09 | false | 1–8 Oct 中秋+国庆 combined break skipped
          ''           | 2025-09-30 | 3  | WORKING_DAYS  | 2025-10-11 | false | Sat 11 Oct 国庆节调休 is the 3rd
          ''           | 2025-09-30 | 4  | WORKING_DAYS  | 2025-10-13 | false | Sun 12 Oct plain weekend
          ''           | 2025-09-29 | 10 | WORKING_DAYS  | 2025-10-20 | false | 10 working days over the 2025 break
          ''           | 2025-09-25 | 7  | CALENDAR_DAYS | 2025-10-09 | false | ends 2 Oct holiday, moves to 9 Oct
          ''           | 2025-09-21 | 7  | CALENDAR_DAYS | 2025-09-28 | false | ends on 调休 Sunday 28 Sep
          ''           | 2025-09-30 | 15 | CALENDAR_DAYS | 2025-10-15 | false | holidays inside a calendar-day period count
          ''           | 2025-12-31 | 1  | WORKING_DAYS  | 2026-01-04 | false | 元旦 1–3 Jan, Sun 4 Jan 元旦调休
          ''           | 2025-12-29 | 3  | CALENDAR_DAYS | 2026-01-04 | false | ends 1 Jan 元旦, next working day is 调休 Sunday
          ''           | 2026-02-13 | 1  | WORKING_DAYS  | 2026-02-14 | false | Sat 14 Feb 春节调休
          ''           | 2026-02-13 | 2  | WORKING_DAYS  | 2026-02-24 | false | 15–23 Feb 春节 skipped
          ''           | 2026-02-14 | 5  | WORKING_DAYS  | 2026-02-28 | false | Sat 28 Feb 春节调休 is the 5th
          ''           | 2026-02-14 | 6  | WORKING_DAYS  | 2026-03-02 | false | Sun 1 Mar plain weekend
          ''           | 2026-02-10 | 10 | CALENDAR_DAYS | 2026-02-24 | false | ends 20 Feb 春节, moves to 24 Feb
          ''           | 2026-02-05 | 9  | CALENDAR_DAYS | 2026-02-14 | false | ends on 调休 Saturday
          ''           | 2026-02-19 | 10 | CALENDAR_DAYS | 2026-03-02 | false | ends Sun 1 Mar, moves to Monday
          ''           | 2026-02-18 | 10 | CALENDAR_DAYS | 2026-02-28 | false | ends on 调休 Saturday 28 Feb
          ''           | 2026-09-18 | 1  | WORKING_DAYS  | 2026-09-20 | false | Sun 20 Sep 国庆节调休
          ''           | 2026-09-24 | 1  | WORKING_DAYS  | 2026-09-28 | false | 25–27 Sep 中秋节 skipped
          ''           | 2026-09-24 | 4  | WORKING_DAYS  | 2026-10-08 | false | 中秋 then 1–7 Oct 国庆 skipped
          ''           | 2026-09-30 | 3  | WORKING_DAYS  | 2026-10-10 | false | Sat 10 Oct 国庆节调休 is the 3rd
          ''           | 2026-09-30 | 4  | WORKING_DAYS  | 2026-10-12 | false | Sun 11 Oct plain weekend
          ''           | 2026-09-21 | 15 | WORKING_DAYS  | 2026-10-19 | false | 15 working days over 中秋 and 国庆 2026
          ''           | 2026-09-22 | 10 | CALENDAR_DAYS | 2026-10-08 | false | ends 2 Oct 国庆节, moves to 8 Oct
          ''           | 2026-09-30 | 10 | CALENDAR_DAYS | 2026-10-10 | false | ends on 调休 Saturday 10 Oct
          ''           | 2025-03-07 | 1  | WORKING_DAYS  | 2025-03-10 | false | plain weekend skipped
          ''           | 2025-03-03 | 5  | CALENDAR_DAYS | 2025-03-10 | false | ends Sat 8 Mar, moves to Monday
          ''           | 2025-03-03 | 10 | WORKING_DAYS  | 2025-03-17 | false | two plain weeks
          ''           | 2026-12-28 | 3  | CALENDAR_DAYS | 2026-12-31 | false | stays inside loaded 2026: no fall-back
          ''           | 2026-12-31 | 1  | WORKING_DAYS  | 2027-01-01 | true  | 2027 not loaded: Fri 1 Jan counts as a plain weekday
          ''           | 2026-12-31 | 2  | CALENDAR_DAYS | 2027-01-04 | true  | 2027 not loaded: ends Sat 2 Jan, moves to Monday
          ''           | 2026-12-30 | 5  | WORKING_DAYS  | 2027-01-06 | true  | plain weekends in 2027
          ''           | 2027-02-05 | 1  | WORKING_DAYS  | 2027-02-08 | true  | 2027 Spring Festival unknown: plain weekend only
          350502       | 2025-03-04 | 1  | WORKING_DAYS  | 2025-03-06 | false | local holiday of the county on 5 Mar
          350502001    | 2025-03-04 | 1  | WORKING_DAYS  | 2025-03-06 | false | township follows its county
          350502001001 | 2025-03-04 | 1  | WORKING_DAYS  | 2025-03-06 | false | village follows its county
          350502       | 2025-03-03 | 2  | CALENDAR_DAYS | 2025-03-06 | false | calendar days end on the local holiday
          350503       | 2025-03-04 | 1  | WORKING_DAYS  | 2025-03-05 | false | sibling county has no such holiday
          3505         | 2025-03-04 | 1  | WORKING_DAYS  | 2025-03-05 | false | the city does not inherit a day of its county
          ''           | 2025-03-04 | 1  | WORKING_DAYS  | 2025-03-05 | false | nor does the nation
          350502       | 2025-03-07 | 1  | WORKING_DAYS  | 2025-03-08 | false | county inherits the 调休 Saturday of its city
          350601       | 2025-03-07 | 1  | WORKING_DAYS  | 2025-03-10 | false | another city in the province does not
          360102       | 2025-03-05 | 1  | WORKING_DAYS  | 2025-03-07 | false | county inherits the holiday of its province
          350502       | 2027-01-04 | 1  | WORKING_DAYS  | 2027-01-06 | true  | local row applies even in a fall-back year
          """)
  void shouldCountPeriodsLikeTheCivilCode(
      String region,
      LocalDate start,
      int amount,
      PeriodUnit unit,
      LocalDate expectedDue,
      boolean fellBack,
      String why) {
    DueDate due = DayCounter.due(calendar(region), start, amount, unit);

    assertThat(due.due()).as(why).isEqualTo(expectedDue);
    assertThat(due.fellBackToPlainWeekends()).as("fell back: " + why).isEqualTo(fellBack);
    assertThat(due.start()).isEqualTo(start);
    assertThat(due.amount()).isEqualTo(amount);
    assertThat(due.unit()).isEqualTo(unit);
  }

  @Test
  void shouldShipEveryNationalRowOfTheCsvAndMark2025And2026Loaded() {
    assertThat(NationalCalendar.days()).hasSize(72);
    assertThat(NationalCalendar.days()).filteredOn(d -> d.kind() == DayKind.WORKDAY).hasSize(11);
    assertThat(NationalCalendar.years()).extracting(CalendarYear::year).containsExactly(2025, 2026);
  }

  @Test
  void shouldListSpringFestival2025AsSkippedHolidays() {
    DueDate due = due("", "2025-01-27", 1, PeriodUnit.WORKING_DAYS);

    assertThat(due.skipped())
        .extracting(SkippedDay::day, SkippedDay::reason, SkippedDay::name)
        .containsExactly(
            tuple(LocalDate.parse("2025-01-28"), SkippedDay.Reason.HOLIDAY, "春节"),
            tuple(LocalDate.parse("2025-01-29"), SkippedDay.Reason.HOLIDAY, "春节"),
            tuple(LocalDate.parse("2025-01-30"), SkippedDay.Reason.HOLIDAY, "春节"),
            tuple(LocalDate.parse("2025-01-31"), SkippedDay.Reason.HOLIDAY, "春节"),
            tuple(LocalDate.parse("2025-02-01"), SkippedDay.Reason.HOLIDAY, "春节"),
            tuple(LocalDate.parse("2025-02-02"), SkippedDay.Reason.HOLIDAY, "春节"),
            tuple(LocalDate.parse("2025-02-03"), SkippedDay.Reason.HOLIDAY, "春节"),
            tuple(LocalDate.parse("2025-02-04"), SkippedDay.Reason.HOLIDAY, "春节"));
    assertThat(due.makeupWorkdaysCounted()).isEmpty();
    assertThat(due.yearsWithoutCalendar()).isEmpty();
  }

  @Test
  void shouldCountMakeupSaturdayButNotTheMakeupStartDay() {
    // 14 Feb 2026 is itself 春节调休, but the start day never counts
    DueDate due = due("", "2026-02-14", 6, PeriodUnit.WORKING_DAYS);

    assertThat(due.due()).isEqualTo(LocalDate.parse("2026-03-02"));
    assertThat(due.makeupWorkdaysCounted())
        .containsExactly(new MakeupWorkday(LocalDate.parse("2026-02-28"), "春节调休"));
    assertThat(due.skipped()).hasSize(10);
    assertThat(due.skipped().subList(0, 9))
        .allSatisfy(
            day ->
                assertThat(day)
                    .extracting(SkippedDay::reason, SkippedDay::name)
                    .containsExactly(SkippedDay.Reason.HOLIDAY, "春节"));
    assertThat(due.skipped().get(9))
        .isEqualTo(new SkippedDay(LocalDate.parse("2026-03-01"), SkippedDay.Reason.WEEKEND, "周末"));
  }

  @Test
  void shouldMoveCalendarDayPeriodEndingInTheCombinedBreakToTheNextWorkingDay() {
    DueDate due = due("", "2025-09-25", 7, PeriodUnit.CALENDAR_DAYS);

    assertThat(due.due()).isEqualTo(LocalDate.parse("2025-10-09"));
    assertThat(due.skipped())
        .extracting(SkippedDay::day)
        .containsExactly(
            LocalDate.parse("2025-10-02"),
            LocalDate.parse("2025-10-03"),
            LocalDate.parse("2025-10-04"),
            LocalDate.parse("2025-10-05"),
            LocalDate.parse("2025-10-06"),
            LocalDate.parse("2025-10-07"),
            LocalDate.parse("2025-10-08"));
    assertThat(due.skipped()).extracting(SkippedDay::name).containsOnly("国庆节、中秋节");
    assertThat(due.makeupWorkdaysCounted()).isEmpty();
  }

  @Test
  void shouldReportTheMakeupDayACalendarDayPeriodEndsOn() {
    DueDate due = due("", "2025-01-16", 10, PeriodUnit.CALENDAR_DAYS);

    assertThat(due.skipped()).isEmpty();
    assertThat(due.makeupWorkdaysCounted())
        .containsExactly(new MakeupWorkday(LocalDate.parse("2025-01-26"), "春节调休"));
  }

  @Test
  void shouldFallBackToPlainWeekendsAndNameTheMissingYear() {
    DueDate due = due("", "2026-12-31", 2, PeriodUnit.CALENDAR_DAYS);

    assertThat(due.fellBackToPlainWeekends()).isTrue();
    assertThat(due.yearsWithoutCalendar()).containsExactly(2027);
    assertThat(due.skipped())
        .containsExactly(
            new SkippedDay(LocalDate.parse("2027-01-02"), SkippedDay.Reason.WEEKEND, "周末"),
            new SkippedDay(LocalDate.parse("2027-01-03"), SkippedDay.Reason.WEEKEND, "周末"));
  }

  @Test
  void shouldNameTheCountysOwnHolidayWhenSkippingIt() {
    DueDate due = due("350502", "2025-03-04", 1, PeriodUnit.WORKING_DAYS);

    assertThat(due.skipped())
        .containsExactly(
            new SkippedDay(LocalDate.parse("2025-03-05"), SkippedDay.Reason.HOLIDAY, "县庆（测试）"));
  }

  @Test
  void shouldAcceptTheLongestPeriod() {
    DueDate due = due("", "2025-01-01", DayCounter.MAX_AMOUNT, PeriodUnit.CALENDAR_DAYS);

    // 2025-01-01 + 3650 days = 2034-12-30 (a Saturday) → Monday 2035-01-01
    assertThat(due.due()).isEqualTo(LocalDate.parse("2035-01-01"));
    assertThat(due.yearsWithoutCalendar()).containsExactly(2034, 2035);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 3651})
  void shouldRefuseAmountsOutside1To3650InChinese(int amount) {
    assertThatThrownBy(() -> due("", "2026-03-02", amount, PeriodUnit.WORKING_DAYS))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.INVALID);
              assertThat(e.code()).isEqualTo("SLA_PERIOD_AMOUNT_OUT_OF_RANGE");
              assertThat(e.userMessage()).isEqualTo("期限天数须在1到3650之间");
            });
  }

  @Test
  void shouldRefuseMissingStartOrUnit() {
    assertThatThrownBy(() -> DayCounter.due(calendar(""), null, 1, PeriodUnit.WORKING_DAYS))
        .isInstanceOfSatisfying(
            BusinessRuleException.class, e -> assertThat(e.userMessage()).isEqualTo("请填写起算日期"));
    assertThatThrownBy(() -> DayCounter.due(calendar(""), LocalDate.parse("2026-03-02"), 1, null))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.code()).isEqualTo("SLA_PERIOD_UNIT_MISSING"));
  }

  @Test
  void shouldEndTheDueDayAtOneSecondBeforeMidnightInShanghai() {
    DueDate due = due("", "2026-02-14", 6, PeriodUnit.WORKING_DAYS);

    assertThat(due.dueInstant()).isEqualTo(Instant.parse("2026-03-02T15:59:59Z"));
  }
}
