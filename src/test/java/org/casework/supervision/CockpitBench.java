package org.casework.supervision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.casework.casefile.CaseFiles;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Benchmark, not a test (profile {@code -Pbench-cockpit}, own database {@code casework_bench}):
 * seeds 1,000,000 whole-case clocks across 20 counties × 20 townships with bulk SQL (MariaDB's
 * sequence engine), then times the cockpit's queries through the facade and prints p50/p99, the
 * query plans and the index sizes.
 */
@ApplicationModuleTest(extraIncludes = {"common", "clocks", "jurisdiction"})
@ActiveProfiles("test")
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:mysql://${CASEWORK_DB_HOST:127.0.0.1}:${CASEWORK_DB_PORT:3306}/"
          + "${CASEWORK_BENCH_DB_NAME:casework_bench}?createDatabaseIfNotExist=true"
          + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&serverTimezone=UTC"
          + "&useSSL=false&allowPublicKeyRetrieval=true",
      "casework.sla.watch-initial-delay=PT240H"
    })
class CockpitBench {

  static final int CASES = 1_000_000;
  static final int RUNS = 300;

  /** The clocks here have no cases behind them: the case file is not started. */
  @MockitoBean CaseFiles caseFiles;

  @Autowired Cockpit cockpit;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;

  @Test
  void measureCockpitQueriesAtOneMillionCases() {
    seed();
    jurisdiction.addRegion(new RegionCode("350601"), "基准县01");
    jurisdiction.addRegion(new RegionCode("350601001"), "基准乡镇01");
    jurisdiction.addStaff("bench-county", "县督办", Role.SUPERVISOR, new RegionCode("350601"), "x");
    jurisdiction.addStaff(
        "bench-township", "乡督办", Role.SUPERVISOR, new RegionCode("350601001"), "x");
    CockpitQuery breach =
        new CockpitQuery(
            CockpitQuery.View.BREACHED, null, null, null, null, null, null, "due", "asc", 0, 20);
    CockpitQuery dueSoon =
        new CockpitQuery(
            CockpitQuery.View.DUE_SOON, null, null, null, null, null, 3, "due", "asc", 0, 20);
    List<String> report = new ArrayList<>();
    report.add(
        time("county breach list (page 1, 20 rows)", () -> cockpit.rows("bench-county", breach)));
    report.add(
        time(
            "county township counts",
            () -> cockpit.byTownship("bench-county", CockpitQuery.all())));
    report.add(
        time("county due-soon list (3 working days)", () -> cockpit.rows("bench-county", dueSoon)));
    report.add(
        time("county officer counts", () -> cockpit.byOfficer("bench-county", CockpitQuery.all())));
    report.add(time("township breach list", () -> cockpit.rows("bench-township", breach)));
    System.out.println("\n=== cockpit benchmark: " + count() + " clocks ===");
    report.forEach(System.out::println);
    explain(
        "breach list",
        "select * from sla_clock where county_code = '350601' and state = 'RUNNING' and due_at < now() order by due_at limit 20");
    explain(
        "township counts",
        "select township_code, count(*) from sla_clock where county_code = '350601' and state in ('RUNNING','PAUSED') group by township_code");
    for (Map<String, Object> row :
        jdbc.queryForList(
            "select index_name, round(stat_value * @@innodb_page_size / 1048576, 1) mb"
                + " from mysql.innodb_index_stats where database_name = database()"
                + " and table_name = 'sla_clock' and stat_name = 'size'")) {
      System.out.println("index " + row.get("index_name") + ": " + row.get("mb") + " MB");
    }
  }

  private void seed() {
    Long have = count();
    if (have != null && have >= CASES) {
      return;
    }
    jdbc.execute("delete from sla_clock where case_number like 'BENCH-%'");
    // 20 counties 350601..350620 × 20 townships; 70 % closed, 25 % running, 5 % paused; due dates
    // spread over −30..+40 days; 3 % extended; 8 officers per township
    jdbc.execute(
        """
        insert into sla_clock (case_number, clock_key, case_type, region_code, county_code,
          township_code, stage, stage_label, work_level, officer, policy_version, period_amount,
          period_unit, warn_first_pct, warn_second_pct, state, started_at, start_day, paused_days,
          extended_days, extensions, warn_first_at, warn_second_at, due_at, alert_level, stopped_at)
        select concat('BENCH-', seq), 'CASE', 'HARDSHIP',
          concat('3506', lpad(seq % 20 + 1, 2, '0'), lpad((seq div 20) % 20 + 1, 3, '0')),
          concat('3506', lpad(seq % 20 + 1, 2, '0')),
          concat('3506', lpad(seq % 20 + 1, 2, '0'), lpad((seq div 20) % 20 + 1, 3, '0')),
          'CASE', '全案办理', 'TOWNSHIP', concat('officer', (seq div 400) % 8), 1, 15, 'WORKING_DAYS',
          50, 75,
          case when seq % 100 < 70 then 'STOPPED' when seq % 100 < 95 then 'RUNNING' else 'PAUSED' end,
          now() - interval (seq % 70) day, curdate() - interval (seq % 70) day, 0,
          if(seq % 33 = 0, 5, 0), if(seq % 33 = 0, 1, 0),
          now() + interval (40 - seq % 70 - 10) day, now() + interval (40 - seq % 70 - 5) day,
          now() + interval (40 - seq % 70) day, 'NONE',
          if(seq % 100 < 70, now() - interval (seq % 50) day, null)
        from (select cast(seq as signed) seq from seq_1_to_1000000) s
        """);
    jdbc.execute("analyze table sla_clock");
  }

  private Long count() {
    return jdbc.queryForObject("select count(*) from sla_clock", Long.class);
  }

  private void explain(String name, String sql) {
    System.out.println("EXPLAIN " + name + ": " + jdbc.queryForList("explain " + sql));
  }

  private static String time(String name, Supplier<?> query) {
    for (int i = 0; i < 20; i++) {
      query.get();
    }
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      query.get();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return String.format(
        "%-42s p50 %6.1f ms   p99 %6.1f ms",
        name, nanos[RUNS / 2] / 1e6, nanos[(int) Math.ceil(RUNS * 0.99) - 1] / 1e6);
  }
}
