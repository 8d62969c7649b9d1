package org.casework.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a test (profile {@code -Pbench-reports}, own database {@code
 * casework_bench_reports}): seeds {@code bench.cases} cases (default 1,000,000) over 20 counties of
 * one city (3599xx, 10 townships each) with bulk SQL (MariaDB's sequence engine) — a whole-case
 * clock per case, ledger payments for the paying programmes, legal-aid applications, petitions,
 * consultations, ratings — and {@code bench.history} case-history rows (default 10,000,000), then
 * times a county's year report and the city roll-up of the 20 counties through the facade (best of
 * three, after one warm-up), plain queries and daily summaries side by side, and prints the
 * figures.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:mysql://${CASEWORK_DB_HOST:127.0.0.1}:${CASEWORK_DB_PORT:3306}/"
          + "${CASEWORK_BENCH_DB_NAME:casework_bench_reports}?createDatabaseIfNotExist=true"
          + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&serverTimezone=UTC"
          + "&useSSL=false&allowPublicKeyRetrieval=true",
      "spring.datasource.username=root",
      "spring.datasource.password=",
      "spring.flyway.user=root",
      "spring.flyway.password=",
      "casework.sla.watch-initial-delay=PT240H",
      "casework.contact.initial-delay=PT240H",
      "casework.reports.rebuild-initial-delay=PT240H"
    })
class ReportBench {

  static final String CITY = "3599";
  static final int COUNTIES = 20;
  static final int YEAR = 2025;

  @Autowired Reports reports;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.casework.registry.Registry registry;

  @Test
  void measureCountyYearAndCityRollUp() {
    int cases = Integer.getInteger("bench.cases", 1_000_000);
    long history = Long.getLong("bench.history", 10_000_000L);
    long t0 = System.nanoTime();
    seed(cases, history);
    double seedS = (System.nanoTime() - t0) / 1e9;
    String county = CITY + "01";
    RegionScope head = new RegionScope("bench-head", Role.COUNTY_HEAD, new RegionCode(county));
    RegionScope city = new RegionScope("bench-supervisor", Role.SUPERVISOR, new RegionCode(county));
    ReportPeriod year = ReportPeriod.of("YEAR", String.valueOf(YEAR), null, null);

    // the daily summaries: the seed's triggers marked every (county, day) dirty; the first report
    // of each county rebuilds them (timed here as the initial build)
    long b0 = System.nanoTime();
    reports.report("city", year, city);
    double buildS = (System.nanoTime() - b0) / 1e9;

    String loadBefore = loadAverage();
    long[] countyPlain = time(() -> reports.plainReport(county, year, head));
    long[] countyPre = time(() -> reports.report(county, year, head));
    long[] cityPlain = time(() -> reports.plainReport("city", year, city));
    long[] cityPre = time(() -> reports.report("city", year, city));
    String loadAfter = loadAverage();
    Report countyReport = reports.report(county, year, head);
    Report cityReport = reports.report("city", year, city);
    assertThat(countyReport)
        .usingRecursiveComparison()
        .ignoringFields("producedAt")
        .isEqualTo(reports.plainReport(county, year, head));
    assertThat(cityReport)
        .usingRecursiveComparison()
        .ignoringFields("producedAt")
        .isEqualTo(reports.plainReport("city", year, city));
    // an odd range (whole months in the middle, odd days at both ends) and a month, equal too
    for (ReportPeriod other :
        java.util.List.of(
            ReportPeriod.of(
                "RANGE",
                null,
                java.time.LocalDate.of(YEAR, 2, 17),
                java.time.LocalDate.of(YEAR, 11, 3)),
            ReportPeriod.of("MONTH", YEAR + "-06", null, null))) {
      assertThat(reports.report(county, other, head))
          .usingRecursiveComparison()
          .ignoringFields("producedAt")
          .isEqualTo(reports.plainReport(county, other, head));
    }
    // incremental: one more case closed today-in-2025 marks one day; the next report rebuilds it
    jdbc.update(
        "update casefile_case set closed_at = filed_at + interval 1 day, status = 'CLOSED'"
            + " where county_code = ? and closed_at is null order by id limit 1",
        county);
    long i0 = System.nanoTime();
    reports.report(county, year, head);
    long incrementalMs = (System.nanoTime() - i0) / 1_000_000;
    System.out.println("\n=== report benchmark ===");
    System.out.printf(
        "cases %,d (20 counties), history rows %,d, clocks %,d, ledger %,d (seed %.1f s)%n",
        count("select count(*) from casefile_case where county_code like '" + CITY + "%'"),
        count("select count(*) from casefile_history"),
        count("select count(*) from sla_clock where county_code like '" + CITY + "%'"),
        count("select count(*) from ledger_disbursement where region_code like '" + CITY + "%'"),
        seedS);
    System.out.printf(
        "summaries: initial build of the city's dirty days %.1f s; rows: daily %,d, counts %,d,"
            + " person sets %,d%n",
        buildS,
        count("select count(*) from report_daily where county_code like '" + CITY + "%'"),
        count("select count(*) from report_daily_count where county_code like '" + CITY + "%'"),
        count("select count(*) from report_daily_persons where county_code like '" + CITY + "%'"));
    System.out.printf(
        "load average (1, 5, 15 min) before the timed runs: %s; after: %s; at the end: %s%n",
        loadBefore, loadAfter, loadAverage());
    System.out.println(
        "| report | target | plain (best / worst of 3) | pre-aggregated (best / worst of 3) |"
            + " target met |");
    System.out.println("|---|---|---|---|---|");
    System.out.printf(
        "| county %s year (received %,d) | < 2,000 ms | %,d / %,d ms | %,d / %,d ms | %s |%n",
        county,
        countyReport.totalReceived(),
        countyPlain[0],
        countyPlain[1],
        countyPre[0],
        countyPre[1],
        countyPre[0] < 2_000 ? "yes (best)" : "NO");
    System.out.printf(
        "| city %s roll-up of %d counties (received %,d) | < 5,000 ms | %,d / %,d ms |"
            + " %,d / %,d ms | %s |%n",
        CITY,
        COUNTIES,
        cityReport.totalReceived(),
        cityPlain[0],
        cityPlain[1],
        cityPre[0],
        cityPre[1],
        cityPre[0] < 5_000 ? "yes (best)" : "NO");
    System.out.println(
        "(the time of each step of every report is in the log lines 'report ... in N ms [...]')");
    System.out.printf(
        "county year report right after one case changed (one dirty day rebuilt): %,d ms%n",
        incrementalMs);
    assertThat(countyReport.totalReceived()).isPositive();
    assertThat(cityReport.totalReceived()).isGreaterThan(countyReport.totalReceived());
  }

  private void seed(int cases, long history) {
    long have = count("select count(*) from casefile_case where county_code like '" + CITY + "%'");
    if (have >= cases) {
      return;
    }
    for (int c = 1; c <= COUNTIES; c++) {
      String county = CITY + String.format("%02d", c);
      jurisdiction.addRegion(new RegionCode(county), "基准县" + c);
      for (int t = 1; t <= 10; t++) {
        jurisdiction.addRegion(
            new RegionCode(county + String.format("%03d", t)), "基准乡镇" + c + "-" + t);
      }
    }
    long person =
        registry
            .register(org.casework.support.TestPeople.veteran("基准对象", CITY + "01001", null))
            .id();
    int chunk = 100_000;
    String[] types = {"CONDOLENCE", "HARDSHIP", "LEGAL_AID", "PETITION"};
    for (int from = 1; from <= cases; from += chunk) {
      int to = Math.min(cases, from + chunk - 1);
      // case seq: county = seq % 20, filed on day (seq / 20) % 340 of 2025 (every county has cases
      // on every day), township = (seq / 6800) % 10, type by (seq / 7) % 10 (5 condolence,
      // 3 hardship, 1 legal aid, 1 petition: every county has every programme), closed 20 days
      // later (every 7th open)
      String county = "concat('" + CITY + "', lpad(seq % 20 + 1, 2, '0'))";
      jdbc.execute(
          "insert into casefile_case (case_number, case_type, county_code, township_code,"
              + " applicant_person_id, title, status, filed_by, filed_at, updated_at, closed_at)"
              + " select concat('BN-', seq), elt(1 + ((seq div 7) % 10 >= 5) + ((seq div 7) % 10 >= 8)"
              + " + ((seq div 7) % 10 >= 9), "
              + "'CONDOLENCE', 'HARDSHIP', 'LEGAL_AID', 'PETITION'),"
              + county
              + ", concat("
              + county
              + ", lpad((seq div 6800) % 10 + 1, 3, '0')), "
              + person
              + ", 'bench', if(seq % 7 = 0, 'UNDER_REVIEW', 'CLOSED'), 'bench',"
              + " timestamp '2025-01-01 00:00:00' + interval ((seq div 20) % 340) day"
              + " + interval (seq % 600) minute,"
              + " now(), if(seq % 7 = 0, null,"
              + " timestamp '2025-01-01 00:00:00' + interval ((seq div 20) % 340 + 20) day)"
              + " from seq_"
              + from
              + "_to_"
              + to);
    }
    jdbc.execute(
        "insert into sla_clock (case_number, clock_key, case_type, region_code, county_code,"
            + " township_code, stage, stage_label, work_level, policy_version, period_amount, period_unit,"
            + " warn_first_pct, warn_second_pct, state, started_at, start_day, due_at, stopped_at)"
            + " select case_number, 'CASE', case_type, township_code, county_code, township_code, 'CASE',"
            + " '全案', 'TOWNSHIP', 1, 15, 'WORKING_DAYS', 50, 75, if(closed_at is null, 'RUNNING', 'STOPPED'),"
            + " filed_at, date(filed_at), filed_at + interval 21 day, closed_at"
            + " from casefile_case where county_code like '"
            + CITY
            + "%'");
    jdbc.execute(
        "insert into ledger_disbursement (disbursement_id, entry_type, case_number,"
            + " beneficiary_person_id, programme, purpose, period, revision, amount, region_code,"
            + " created_at, cause, household_id, recorded_by)"
            + " select concat('bn-', id), 'PAYMENT', case_number, applicant_person_id, case_type, 'ILLNESS',"
            + " '2025', 1, 600.00, township_code, closed_at, 'ILLNESS', applicant_person_id, 'bench'"
            + " from casefile_case where county_code like '"
            + CITY
            + "%' and case_type in ('CONDOLENCE', 'HARDSHIP') and closed_at is not null");
    jdbc.execute(
        "insert into legalaid_application (case_id, case_number, applicant_person_id, matter_type,"
            + " matter_summary, opposing_party, hardship_check, hardship_ground, outcome, money_recovered,"
            + " closed_at, filed_at)"
            + " select id, case_number, applicant_person_id, 'LABOUR', 'bench', 'bench', 'EXEMPT', 'bench',"
            + " if(closed_at is null, null, 'WON'), if(closed_at is null, null, 10000), closed_at, filed_at"
            + " from casefile_case where county_code like '"
            + CITY
            + "%' and case_type = 'LEGAL_AID'");
    jdbc.execute(
        "insert into petition (case_id, case_number, channel, lead_person_id, matter_key, subject,"
            + " requests, group_size, unit_level, unit_region, registered_by, registered_at,"
            + " decision_due_at, phase, decision, decided_at)"
            + " select id, case_number, elt(1 + id % 4, 'LETTER', 'VISIT', 'PHONE', 'ONLINE'),"
            + " applicant_person_id, case_number, 'bench', 'bench', 1, 'TOWNSHIP', township_code, 'bench',"
            + " filed_at, filed_at + interval 15 day, 'HANDLING', 'ACCEPT', filed_at + interval 3 day"
            + " from casefile_case where county_code like '"
            + CITY
            + "%' and case_type = 'PETITION'");
    jdbc.execute(
        "insert into legalaid_consultation (county_code, township_code, region_code, visitor_name,"
            + " topic, question, answer, logged_by, logged_at)"
            + " select county_code, township_code, township_code, 'bench', 'LABOUR', 'q', 'a', 'bench',"
            + " filed_at from casefile_case where county_code like '"
            + CITY
            + "%' and id % 5 = 0");
    jdbc.execute(
        "insert into satisfaction_rating (case_number, case_type, county_code, township_code, rating,"
            + " channel, reason, collected_by, collected_at, source_key)"
            + " select case_number, case_type, county_code, township_code,"
            + " if(id % 19 = 0, 'DISSATISFIED', 'SATISFIED'), 'PHONE', if(id % 19 = 0, 'bench', null),"
            + " 'bench', closed_at, 'bench' from casefile_case where county_code like '"
            + CITY
            + "%' and closed_at is not null and id % 2 = 0");
    // case history: bench.history rows spread over the cases (10 per case by default)
    long perCase = Math.max(1, history / Math.max(1, cases));
    long minId = count("select min(id) from casefile_case where county_code like '" + CITY + "%'");
    long maxId = count("select max(id) from casefile_case where county_code like '" + CITY + "%'");
    for (long from = minId; from <= maxId; from += chunk) {
      jdbc.execute(
          "insert into casefile_history (case_id, at, actor, actor_role, action, outcome)"
              + " select c.id, c.filed_at + interval s.seq hour, 'bench', 'TOWNSHIP_CASEWORKER',"
              + " '办理', 'OK' from casefile_case c join seq_1_to_"
              + perCase
              + " s where c.id between "
              + from
              + " and "
              + (from + chunk - 1));
    }
    jdbc.execute(
        "analyze table casefile_case, sla_clock, ledger_disbursement, legalaid_application, petition,"
            + " legalaid_consultation, satisfaction_rating");
  }

  /** Warm-up, then best and worst of three, in ms. */
  private static long[] time(java.util.function.Supplier<Report> run) {
    run.get();
    long best = Long.MAX_VALUE;
    long worst = 0;
    for (int i = 0; i < 3; i++) {
      long s = System.nanoTime();
      run.get();
      long ms = (System.nanoTime() - s) / 1_000_000;
      best = Math.min(best, ms);
      worst = Math.max(worst, ms);
    }
    return new long[] {best, worst};
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }
}
