package org.casework.legalaid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.casework.casefile.CaseFiles;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.Clocks;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.legalaid.ConsultationCount;
import org.casework.legalaid.MatterType;
import org.casework.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The legal-aid tables on the real MariaDB with the real migrations: consultation statistics by
 * region and topic (scoped by region prefix, bounded by time, counting conversions), and the rules
 * as data (most specific region row wins). Uses 惠安县 (350521) and 漳州 (3506) which no other test
 * touches; the other modules are stand-ins (the embedded engine runs, its job executor off in the
 * test profile).
 */
@ApplicationModuleTest(extraIncludes = "common")
@ActiveProfiles("test")
class LegalAidStoreIT {

  static final String COUNTY = "350521";
  static final String T1 = "350521100";
  static final String T2 = "350521101";
  static final String VILLAGE = "350521100201";

  @MockitoBean Jurisdiction jurisdiction;
  @MockitoBean Registry registry;
  @MockitoBean CaseFiles caseFiles;
  @MockitoBean Clocks clocks;
  @MockitoBean BusinessCalendar calendar;
  @MockitoBean ScopeGuard scopeGuard;

  @Autowired LegalAidStore store;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void regions() {
    region(COUNTY, "COUNTY", "惠安县", null);
    region(T1, "TOWNSHIP", "螺城镇", COUNTY);
    region(T2, "TOWNSHIP", "螺阳镇", COUNTY);
    region(VILLAGE, "VILLAGE", "南关社区", T1);
    jdbc.update("DELETE FROM legalaid_consultation WHERE county_code = ?", COUNTY);
  }

  @Test
  void shouldCountConsultationsByTownshipAndTopicInsideTheRegionAndPeriod() {
    Instant may = at(2026, 5, 10);
    long a = consult(T1, VILLAGE, MatterType.LABOUR, may);
    consult(T1, T1, MatterType.LABOUR, may.plusSeconds(3600));
    consult(T1, T1, MatterType.PENSION, may);
    consult(T2, T2, MatterType.LABOUR, may);
    consult(T2, T2, MatterType.LABOUR, at(2026, 6, 1)); // outside the period
    assertThat(store.linkConsultation(a, "FY-" + COUNTY + "-2026-000001")).isTrue();
    assertThat(store.linkConsultation(a, "FY-" + COUNTY + "-2026-000002"))
        .as("a consultation becomes one application only")
        .isFalse();

    Instant from = at(2026, 5, 1);
    Instant to = at(2026, 6, 1);
    assertThat(store.consultationCounts(COUNTY, from, to))
        .containsExactly(
            new ConsultationCount(T1, MatterType.LABOUR, MatterType.LABOUR.label(), 2, 1),
            new ConsultationCount(T1, MatterType.PENSION, MatterType.PENSION.label(), 1, 0),
            new ConsultationCount(T2, MatterType.LABOUR, MatterType.LABOUR.label(), 1, 0));
    assertThat(store.consultationCounts(VILLAGE, from, to))
        .as("a village station sees its own consultations")
        .containsExactly(
            new ConsultationCount(T1, MatterType.LABOUR, MatterType.LABOUR.label(), 1, 1));
    assertThat(store.consultationCounts("350502", from, to))
        .as("another county's officers do not see them")
        .noneMatch(c -> c.townshipCode().startsWith(COUNTY));
    assertThat(store.consultations(T2, 10))
        .extracting(c -> c.regionCode())
        .containsOnly(T2)
        .hasSize(2);
    assertThat(store.consultation(a).orElseThrow().caseNumber())
        .isEqualTo("FY-" + COUNTY + "-2026-000001");
  }

  @Test
  void shouldTakeTheMostSpecificRegionRuleAndFallBackToTheNationalOnes() {
    store.upsertHardshipRule("3506", "CATEGORY", "VETERAN", "漳州市：退役军人免予核查");
    store.upsertHardshipRule("350681", "CATEGORY", "VETERAN", "龙海区：退役军人免予核查");
    assertThat(store.hardshipRule("350681001", "CATEGORY", "VETERAN")).contains("龙海区：退役军人免予核查");
    assertThat(store.hardshipRule("350602001", "CATEGORY", "VETERAN")).contains("漳州市：退役军人免予核查");
    assertThat(store.hardshipRule("350502001", "CATEGORY", "VETERAN"))
        .as("no national waiver for veterans as such")
        .isEmpty();
    assertThat(store.hardshipRule("350502001", "CATEGORY", "MARTYR_FAMILY").orElseThrow())
        .contains("优抚对象");
    assertThat(store.hardshipRule("350502001", "MATTER", "MARTYR_REPUTATION").orElseThrow())
        .contains("第三十二条");
    assertThat(store.hardshipRule("350502001", "MATTER", "LABOUR")).isEmpty();

    jdbc.update(
        "INSERT INTO legalaid_region_policy (region_code, urgent_days, materials_days,"
            + " objection_window_days) VALUES ('350681', 10, 15, 30)"
            + " ON DUPLICATE KEY UPDATE urgent_days = 10, materials_days = 15");
    assertThat(store.regionPolicy("350681001"))
        .isEqualTo(new LegalAidStore.RegionPolicy(10, 15, 30));
    assertThat(store.regionPolicy("350502001"))
        .isEqualTo(new LegalAidStore.RegionPolicy(7, 30, 60));
  }

  @Test
  void shouldKeepOnlyTheDeadlinePoliciesOfTheLaw() {
    List<String> rows =
        jdbc.queryForList(
            "SELECT CONCAT(stage, '=', period_amount, ' ', period_unit) FROM sla_deadline_policy"
                + " WHERE case_type = 'LEGAL_AID' AND region_code = '' ORDER BY stage",
            String.class);
    assertThat(rows)
        .contains(
            "CASE=7 CALENDAR_DAYS",
            "Task_Decide=7 CALENDAR_DAYS",
            "Task_AssignLawyer=3 CALENDAR_DAYS",
            "Task_DecideObjection=5 CALENDAR_DAYS",
            "Task_CloseAndArchive=30 CALENDAR_DAYS");
  }

  private long consult(String township, String place, MatterType topic, Instant at) {
    return store.insertConsultation(township, place, "咨询人", null, topic, "问题", "解答", "officer", at);
  }

  private void region(String code, String level, String name, String parent) {
    jdbc.update(
        "INSERT IGNORE INTO jurisdiction_region (code, level, name, parent_code) VALUES (?, ?, ?, ?)",
        code,
        level,
        name,
        parent);
  }

  private static Instant at(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 10, 0).atZone(Formats.CHINA).toInstant();
  }
}
