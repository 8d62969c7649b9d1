package org.casework.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.casefile.CaseFiles;
import org.casework.clocks.Clocks;
import org.casework.clocks.DeadlinePolicy;
import org.casework.clocks.PeriodUnit;
import org.casework.clocks.StartClock;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The supervisors' cockpit on the real MariaDB: what a county supervisor, a township supervisor and
 * a supervisor of another county see, the views, counts, sorting, paging, the Excel export, and
 * that the queries run on the region indexes. Uses two counties no other test touches (南安市 350583,
 * 晋江市 350582) and clears their clocks first.
 */
@ApplicationModuleTest(extraIncludes = {"common", "clocks", "jurisdiction"})
@ActiveProfiles("test")
@TestPropertySource(properties = {"casework.sla.watch-initial-delay=PT24H"})
class CockpitIT {

  static final String COUNTY = "350583";
  static final String T1 = "350583001";
  static final String T2 = "350583002";
  static final String OTHER_COUNTY = "350582";
  static final String T3 = "350582001";

  /** The clocks here have no cases behind them: the case file is not started. */
  @MockitoBean CaseFiles caseFiles;

  // the cockpit page lists late station statements (stations is not part of this module test)
  @MockitoBean org.casework.stations.StationAcceptance stationAcceptance;

  @Autowired Cockpit cockpit;
  @Autowired Clocks clocks;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;

  String dueSoon;
  String breached;
  String extended;
  String paused;
  String otherCounty;

  @BeforeEach
  void seed() {
    for (String table : List.of("sla_clock_pause", "sla_clock_extension", "sla_clock_alert")) {
      jdbc.update(
          "delete from "
              + table
              + " where clock_id in (select id from sla_clock where county_code in (?, ?))",
          COUNTY,
          OTHER_COUNTY);
    }
    jdbc.update("delete from sla_clock where county_code in (?, ?)", COUNTY, OTHER_COUNTY);
    region(COUNTY, "南安市");
    region(T1, "溪美街道");
    region(T2, "柳城街道");
    region(OTHER_COUNTY, "晋江市");
    region(T3, "青阳街道");
    jurisdiction.addStaff("it-sup-nanan", "督办甲", Role.SUPERVISOR, new RegionCode(COUNTY), "x");
    jurisdiction.addStaff("it-sup-ximei", "督办乙", Role.SUPERVISOR, new RegionCode(T1), "x");
    jurisdiction.addStaff(
        "it-sup-jinjiang", "督办丙", Role.SUPERVISOR, new RegionCode(OTHER_COUNTY), "x");
    jurisdiction.addStaff(
        "it-worker-ximei", "经办丁", Role.TOWNSHIP_CASEWORKER, new RegionCode(T1), "x");

    Instant now = Instant.now();
    Instant monthAgo = now.minus(Duration.ofDays(30));
    dueSoon = stage(T1, "it-wang", 1, now);
    breached = stage(T1, "it-wang", 5, monthAgo);
    extended = number();
    clocks.start(
        new StartClock(
            extended,
            Clocks.CASE_CLOCK,
            "HARDSHIP",
            T2,
            DeadlinePolicy.CASE,
            "全案办理",
            now,
            "system",
            "it-li",
            null,
            null));
    clocks.extend(extended, Clocks.CASE_CLOCK, 5, "需外地协查", "it-head");
    paused = stage(T2, "it-li", 30, now);
    clocks.pause(paused, "stage:1", "等待申请人补正材料", "system");
    otherCounty = stage(T3, "it-zhao", 5, monthAgo);
  }

  @Test
  void shouldShowACountySupervisorEveryOpenClockOfTheCountyByView() {
    assertThat(numbers("it-sup-nanan", CockpitQuery.View.ALL))
        .containsExactlyInAnyOrder(dueSoon, breached, extended, paused);
    assertThat(numbers("it-sup-nanan", CockpitQuery.View.BREACHED)).containsExactly(breached);
    assertThat(numbers("it-sup-nanan", CockpitQuery.View.DUE_SOON)).containsExactly(dueSoon);
    assertThat(numbers("it-sup-nanan", CockpitQuery.View.PAUSED)).containsExactly(paused);
    assertThat(numbers("it-sup-nanan", CockpitQuery.View.EXTENDED)).containsExactly(extended);

    CockpitRow late =
        cockpit.rows("it-sup-nanan", query(CockpitQuery.View.BREACHED)).rows().getFirst();
    assertThat(late.breached()).isTrue();
    assertThat(late.remainingDays()).isNegative();
    assertThat(late.townshipName()).isEqualTo("溪美街道");
    assertThat(late.link()).isEqualTo("/cases/" + breached);
  }

  @Test
  void shouldCountPerTownshipAndPerOfficer() {
    assertThat(cockpit.byTownship("it-sup-nanan", CockpitQuery.all()))
        .extracting(
            CockpitCount::label,
            CockpitCount::open,
            CockpitCount::dueSoon,
            CockpitCount::breached,
            CockpitCount::paused,
            CockpitCount::extended)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("溪美街道", 2L, 1L, 1L, 0L, 0L),
            org.assertj.core.groups.Tuple.tuple("柳城街道", 2L, 0L, 0L, 1L, 1L));
    assertThat(cockpit.byOfficer("it-sup-nanan", CockpitQuery.all()))
        .extracting(CockpitCount::key, CockpitCount::open)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("it-wang", 2L),
            org.assertj.core.groups.Tuple.tuple("it-li", 2L));
    assertThat(cockpit.byTypeAndStage("it-sup-nanan", CockpitQuery.all()))
        .extracting(CockpitCount::label)
        .contains("困难帮扶 · 全案办理", "困难帮扶 · 审核（测试）");
  }

  @Test
  void shouldShowASupervisorOfAnotherCountyNoneOfIt() {
    assertThat(numbers("it-sup-jinjiang", CockpitQuery.View.ALL)).containsExactly(otherCounty);
    CockpitQuery intoNanan =
        new CockpitQuery(null, null, null, null, T1, null, null, null, null, null, null);
    assertThat(cockpit.rows("it-sup-jinjiang", intoNanan).total()).isZero();
    assertThat(cockpit.byTownship("it-sup-jinjiang", CockpitQuery.all()))
        .extracting(CockpitCount::key)
        .containsExactly(T3);
    assertThat(numbers("it-sup-ximei", CockpitQuery.View.ALL))
        .containsExactlyInAnyOrder(dueSoon, breached);
  }

  @Test
  void shouldRefuseSomeoneWhoIsNotASupervisor() {
    assertThatThrownBy(() -> cockpit.rows("it-worker-ximei", CockpitQuery.all()))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.userMessage()).isEqualTo("只有督办人员可以查看督办看板，请以督办账号进入"));
    assertThatThrownBy(() -> cockpit.rows("nobody", CockpitQuery.all()))
        .isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void shouldSortAndPage() {
    CockpitQuery byDueDesc =
        new CockpitQuery(null, null, null, null, null, null, null, "due", "desc", 0, 1);
    CockpitPage first = cockpit.rows("it-sup-nanan", byDueDesc);
    assertThat(first.total()).isEqualTo(4);
    assertThat(first.totalPages()).isEqualTo(4);
    assertThat(first.rows()).extracting(CockpitRow::caseNumber).containsExactly(paused);
    CockpitQuery last =
        new CockpitQuery(null, null, null, null, null, null, null, "due", "desc", 3, 1);
    assertThat(cockpit.rows("it-sup-nanan", last).rows())
        .extracting(CockpitRow::caseNumber)
        .containsExactly(breached);
  }

  @Test
  void shouldExportTheRowsToExcel() throws Exception {
    byte[] xlsx = cockpit.excel("it-sup-nanan", CockpitQuery.all());
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheet("督办看板");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("案件编号");
      assertThat(sheet.getLastRowNum()).isEqualTo(4);
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(breached);
      assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("已超期");
    }
  }

  @Test
  void shouldAnswerTheCountyBreachListFromTheRegionIndex() {
    List<Map<String, Object>> plan =
        jdbc.queryForList(
            "explain select case_number from sla_clock where county_code = ? and state = 'RUNNING'"
                + " and due_at < now() order by due_at limit 20",
            COUNTY);
    assertThat(plan.getFirst().get("possible_keys").toString()).contains("ix_sla_clock_region_due");
  }

  // --- data ------------------------------------------------------------------------------------

  private String stage(String township, String officer, int workingDays, Instant at) {
    String number = number();
    clocks.start(
        new StartClock(
            number,
            "stage:1",
            "HARDSHIP",
            township,
            "IT_Review",
            "审核（测试）",
            at,
            "system",
            officer,
            workingDays,
            PeriodUnit.WORKING_DAYS));
    return number;
  }

  private static String number() {
    return "IT-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private void region(String code, String name) {
    jurisdiction.addRegion(new RegionCode(code), name);
  }

  private CockpitQuery query(CockpitQuery.View view) {
    return new CockpitQuery(view, null, null, null, null, null, null, null, null, null, null);
  }

  private List<String> numbers(String supervisor, CockpitQuery.View view) {
    return cockpit.rows(supervisor, query(view)).rows().stream()
        .map(CockpitRow::caseNumber)
        .toList();
  }
}
