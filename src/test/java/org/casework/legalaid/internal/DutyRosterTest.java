package org.casework.legalaid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.casework.clocks.BusinessCalendar;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.legalaid.ConsultationView;
import org.casework.legalaid.DutyGap;
import org.casework.legalaid.DutyRoster;
import org.casework.legalaid.DutyView;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.LogConsultation;
import org.casework.legalaid.MatterType;
import org.casework.legalaid.PlanDuty;
import org.casework.support.DemoRegion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The legal-aid duty roster: working days from the business calendar, gaps per week (a holiday week
 * included), consultations linked to the duty they came from, region scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(DemoRegion.class)
class DutyRosterTest {

  static final String COUNTY = DemoRegion.COUNTY;
  static final String OTHER_COUNTY = "350503";

  @Autowired DutyRoster roster;
  @Autowired LegalAid legalAid;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired BusinessCalendar calendar;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  RegionScope officer;
  RegionScope otherOfficer;
  RegionScope supervisor;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addRegion(new RegionCode(OTHER_COUNTY), "丰泽区");
    LegalAidTestSupport.staff(jurisdiction, legalAid);
    jurisdiction.addStaff("dutysup", "督办甲", Role.SUPERVISOR, new RegionCode(COUNTY), "demo123");
    jurisdiction.addStaff(
        "dutyother", "外县法援", Role.LEGAL_AID_OFFICER, new RegionCode(OTHER_COUNTY), "demo123");
    officer = new RegionScope("wuhua", Role.LEGAL_AID_OFFICER, new RegionCode(COUNTY));
    otherOfficer =
        new RegionScope("dutyother", Role.LEGAL_AID_OFFICER, new RegionCode(OTHER_COUNTY));
    supervisor = new RegionScope("dutysup", Role.SUPERVISOR, new RegionCode(COUNTY));
    // the test database keeps earlier runs: the weeks this test plans start empty
    clear(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 25));
  }

  @Test
  void shouldShowTheWeekWhoseDutyDayIsAHolidayAsAGapUntilAnotherWorkingDayIsPlanned()
      throws Exception {
    // every Thursday from 24 September 2026: 1 October is National Day, skipped
    DutyRoster.Planned planned =
        roster.plan(new PlanDuty(COUNTY, LocalDate.of(2026, 9, 24), "xuming", 4, null), officer);
    assertThat(planned.added())
        .extracting(DutyView::date)
        .containsExactly(
            LocalDate.of(2026, 9, 24), LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 15));
    assertThat(planned.skipped()).containsExactly("2026-10-01（非工作日）");

    List<DutyGap> gaps =
        roster.gaps(supervisor, LocalDate.of(2026, 9, 21), LocalDate.of(2026, 10, 18));
    assertThat(gaps)
        .extracting(DutyGap::weekStart)
        .as("Mon 28 Sep – Sun 4 Oct has three working days and no duty")
        .containsExactly(LocalDate.of(2026, 9, 28));
    assertThat(gaps.getFirst().workingDays()).isEqualTo(3);

    // a duty on a holiday is refused by the calendar
    assertThatThrownBy(
            () ->
                roster.plan(
                    new PlanDuty(COUNTY, LocalDate.of(2026, 10, 2), "heli", 1, null), officer))
        .isInstanceOf(BusinessRuleException.class)
        .hasMessageContaining("DUTY_NOT_WORKING_DAY");

    // the supervisor's page (linked from the cockpit) shows the gap
    String page =
        mvc.perform(
                get("/legal-aid/roster")
                    .param("from", "2026-09-21")
                    .with(user(users.loadUserByUsername("dutysup"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("值班缺口").contains("2026年9月28日 — 10月4日");

    // the officer adds Wednesday 30 September: no gap left
    roster.plan(new PlanDuty(COUNTY, LocalDate.of(2026, 9, 30), "heli", 1, null), officer);
    assertThat(roster.gaps(supervisor, LocalDate.of(2026, 9, 21), LocalDate.of(2026, 10, 18)))
        .isEmpty();
  }

  @Test
  void shouldRecordWhichDutyAConsultationCameFromAndPickTodaysDutyOnTheForm() throws Exception {
    LocalDate day = Formats.chinaDate(java.time.Instant.now());
    while (!calendar.isWorkingDay(COUNTY, day)) {
      day = day.minusDays(1);
    }
    clear(day, day);
    DutyView duty =
        roster.plan(new PlanDuty(COUNTY, day, "xuming", 1, null), officer).added().getFirst();

    ConsultationView c =
        legalAid.logConsultation(
            new LogConsultation(
                "值班来访人",
                null,
                DemoRegion.TOWNSHIP,
                null,
                MatterType.LABOUR,
                "工资被拖欠怎么办",
                "可申请劳动仲裁，并可申请法律援助",
                "wuhua"),
            duty.id());
    assertThat(c.dutyId()).isEqualTo(duty.id());
    assertThat(c.dutyDate()).isEqualTo(day);
    assertThat(c.dutyLawyer()).isEqualTo("xuming");
    assertThat(
            jdbc.queryForObject(
                "SELECT duty_id FROM legalaid_consultation WHERE id = ?", Long.class, c.id()))
        .isEqualTo(duty.id());

    // a duty that names consultations cannot be removed
    assertThatThrownBy(() -> roster.remove(duty.id(), officer))
        .hasMessageContaining("DUTY_HAS_CONSULTATIONS");

    if (day.equals(Formats.chinaDate(java.time.Instant.now()))) {
      String form =
          mvc.perform(get("/legal-aid/consultations").with(user(users.loadUserByUsername("wuhua"))))
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(form).containsPattern("<option value=\"" + duty.id() + "\"\\s+selected");
    }
  }

  @Test
  void shouldKeepEachCountysRosterToItsOwnOfficersAndSupervisors() throws Exception {
    LocalDate thursday = LocalDate.of(2026, 9, 17);
    // another county's officer may not plan here (403, recorded), nor remove a duty here
    assertThatThrownBy(
            () -> roster.plan(new PlanDuty(COUNTY, thursday, "xuming", 1, null), otherOfficer))
        .isInstanceOf(BusinessRuleException.class)
        .satisfies(
            e -> assertThat(((BusinessRuleException) e).kind().name()).isEqualTo("FORBIDDEN"));
    DutyView here =
        roster.plan(new PlanDuty(COUNTY, thursday, "xuming", 1, null), officer).added().getFirst();
    assertThatThrownBy(() -> roster.remove(here.id(), otherOfficer))
        .isInstanceOf(BusinessRuleException.class);
    assertThat(roster.duties(otherOfficer, thursday, thursday)).isEmpty();
    assertThat(roster.duties(supervisor, thursday, thursday))
        .extracting(DutyView::id)
        .contains(here.id());
    // the other county's gaps are its own: this county's duty does not fill them
    assertThat(roster.gaps(otherOfficer, thursday, thursday))
        .extracting(DutyGap::countyCode)
        .containsOnly(OTHER_COUNTY);
    assertThat(roster.gaps(supervisor, thursday, thursday)).isEmpty();
    // a consultation in this county cannot name the other county's duty
    DutyView there =
        roster
            .plan(new PlanDuty(OTHER_COUNTY, thursday, "heli", 1, null), otherOfficer)
            .added()
            .getFirst();
    assertThatThrownBy(
            () ->
                legalAid.logConsultation(
                    new LogConsultation(
                        "来访人",
                        null,
                        DemoRegion.TOWNSHIP,
                        null,
                        MatterType.LABOUR,
                        "问题",
                        "解答",
                        "wuhua"),
                    there.id()))
        .hasMessageContaining("DUTY_MISMATCH");
    // the page: a supervisor reads, only the officer plans
    assertThat(
            mvc.perform(
                    post("/legal-aid/roster")
                        .with(csrf())
                        .with(user(users.loadUserByUsername("dutysup")))
                        .param("countyCode", COUNTY)
                        .param("date", "2026-09-18")
                        .param("lawyer", "heli")
                        .param("weeks", "1"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(
                    post("/legal-aid/roster")
                        .with(csrf())
                        .with(user(users.loadUserByUsername("wuhua")))
                        .param("countyCode", COUNTY)
                        .param("date", "2026-09-18")
                        .param("lawyer", "heli")
                        .param("weeks", "1"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/legal-aid/roster");
    assertThat(roster.duties(officer, LocalDate.of(2026, 9, 18), LocalDate.of(2026, 9, 18)))
        .extracting(DutyView::lawyer)
        .containsExactly("heli");
  }

  private void clear(LocalDate from, LocalDate to) {
    String ids =
        "SELECT id FROM legalaid_duty WHERE county_code IN (?, ?) AND duty_date BETWEEN ? AND ?";
    Object[] args = {COUNTY, OTHER_COUNTY, from, to};
    jdbc.update(
        "UPDATE legalaid_consultation SET duty_id = NULL WHERE duty_id IN (SELECT id FROM ("
            + ids
            + ") x)",
        args);
    jdbc.update(
        "DELETE FROM legalaid_duty WHERE county_code IN (?, ?) AND duty_date BETWEEN ? AND ?",
        args);
  }
}
