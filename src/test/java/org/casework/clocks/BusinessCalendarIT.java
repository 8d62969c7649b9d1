package org.casework.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.casework.clocks.internal.CalendarStore;
import org.casework.common.BusinessRuleException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The calendar against the real MariaDB/MySQL with the real Flyway migrations. Only the sla module
 * (and the shared kernel it uses) is started, with the embedded engine.
 */
@org.springframework.test.context.ActiveProfiles("test")
@ApplicationModuleTest(extraIncludes = "common")
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:mysql://${CASEWORK_DB_HOST:127.0.0.1}:${CASEWORK_DB_PORT:3306}/${CASEWORK_TEST_DB_NAME:casework_test}"
          + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
          + "&serverTimezone=UTC&useSSL=false&allowPublicKeyRetrieval=true",
      // the embedded engine starts too (the clock watch uses it); its job executor stays off
      "operaton.bpm.job-execution.enabled=false"
    })
class BusinessCalendarIT {

  /** Rows this test adds carry this source, so they can be removed again. */
  private static final String TEST_SOURCE = "BusinessCalendarIT";

  private static final String COUNTY = "350502";

  /** The cockpit's dependency (supervisors' regions); this test does not use it. */
  @MockitoBean org.casework.jurisdiction.Jurisdiction jurisdiction;

  @Autowired BusinessCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired CalendarStore store;

  @BeforeEach
  @AfterEach
  void removeTestRows() {
    jdbc.update("DELETE FROM sla_calendar_day WHERE source = ?", TEST_SOURCE);
    jdbc.update("DELETE FROM sla_calendar_year WHERE region_code = ? AND year = 2027", COUNTY);
    store.invalidate();
  }

  @Test
  void shouldCountSixWorkingDaysOverSpringFestival2026FromTheMigratedNationalCalendar() {
    DueDate due =
        calendar.due("350502001", LocalDate.parse("2026-02-14"), 6, PeriodUnit.WORKING_DAYS);

    assertThat(due.due()).isEqualTo(LocalDate.parse("2026-03-02"));
    assertThat(due.makeupWorkdaysCounted())
        .containsExactly(new MakeupWorkday(LocalDate.parse("2026-02-28"), "春节调休"));
    assertThat(due.skipped()).extracting(SkippedDay::name).containsOnly("春节", "周末");
    assertThat(due.fellBackToPlainWeekends()).isFalse();
    assertThat(calendar.dueInstant("", LocalDate.parse("2026-02-14"), 6, PeriodUnit.WORKING_DAYS))
        .isEqualTo(Instant.parse("2026-03-02T15:59:59Z"));
  }

  @Test
  void shouldShipAllNationalRowsOf2025() {
    assertThat(calendar.days("", 2025))
        .hasSize(33)
        .allSatisfy(day -> assertThat(day.source()).contains("2025"));
    assertThat(calendar.years("")).extracting(CalendarYear::year).contains(2025, 2026);
  }

  @Test
  void shouldApplyACountysLocalHolidayToItsTownshipsOnly() {
    LocalDate start = LocalDate.parse("2026-03-03");
    // cached before the row exists: adding it must invalidate the cache
    assertThat(calendar.addWorkingDays(COUNTY, start, 1)).isEqualTo(LocalDate.parse("2026-03-04"));

    calendar.addDay(
        new NewCalendarDay(
            COUNTY, LocalDate.parse("2026-03-04"), DayKind.HOLIDAY, "县庆（测试）", TEST_SOURCE));

    DueDate township = calendar.due("350502001", start, 1, PeriodUnit.WORKING_DAYS);
    assertThat(township.due()).isEqualTo(LocalDate.parse("2026-03-05"));
    assertThat(township.skipped())
        .containsExactly(
            new SkippedDay(LocalDate.parse("2026-03-04"), SkippedDay.Reason.HOLIDAY, "县庆（测试）"));
    assertThat(calendar.isWorkingDay(COUNTY, LocalDate.parse("2026-03-04"))).isFalse();
    assertThat(calendar.addWorkingDays("350503", start, 1))
        .isEqualTo(LocalDate.parse("2026-03-04"));
    assertThat(calendar.addWorkingDays("", start, 1)).isEqualTo(LocalDate.parse("2026-03-04"));
    assertThat(calendar.days(COUNTY, 2026)).extracting(CalendarDay::name).containsExactly("县庆（测试）");
  }

  @Test
  void shouldRefuseASecondRowForTheSameRegionAndDayInChinese() {
    NewCalendarDay day =
        new NewCalendarDay(
            COUNTY, LocalDate.parse("2026-03-04"), DayKind.HOLIDAY, "县庆（测试）", TEST_SOURCE);
    calendar.addDay(day);

    assertThatThrownBy(() -> calendar.addDay(day))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT);
              assertThat(e.userMessage()).isEqualTo("地区350502在2026年3月4日已有日历记录，不能重复添加");
            });
  }

  @Test
  void shouldRefuseAHolidayOnASaturdayEvenWithoutTheWebLayer() {
    assertThatThrownBy(
            () ->
                calendar.addDay(
                    new NewCalendarDay(
                        COUNTY,
                        LocalDate.parse("2026-03-07"),
                        DayKind.HOLIDAY,
                        "县庆（测试）",
                        TEST_SOURCE)))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.INVALID);
              assertThat(e.userMessage()).isEqualTo("节假日须为星期一至星期五（周末本来就休息）");
            });
  }

  @Test
  void shouldFallBackIn2027UntilTheRegionsNoticeIsMarkedLoaded() {
    LocalDate start = LocalDate.parse("2026-12-31");
    assertThat(calendar.due(COUNTY, start, 1, PeriodUnit.WORKING_DAYS).fellBackToPlainWeekends())
        .isTrue();

    calendar.markYearLoaded(COUNTY, 2027);

    assertThat(calendar.due(COUNTY, start, 1, PeriodUnit.WORKING_DAYS).fellBackToPlainWeekends())
        .isFalse();
    assertThat(calendar.due("350502001", start, 1, PeriodUnit.WORKING_DAYS).yearsWithoutCalendar())
        .isEmpty();
    assertThat(calendar.due("350503", start, 1, PeriodUnit.WORKING_DAYS).yearsWithoutCalendar())
        .containsExactly(2027);
  }
}
