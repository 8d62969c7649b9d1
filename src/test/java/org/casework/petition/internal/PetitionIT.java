package org.casework.petition.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseLinks;
import org.casework.casefile.CaseStatus;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.DeadlinePolicy;
import org.casework.clocks.PeriodUnit;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.petition.Channel;
import org.casework.petition.NoticeKind;
import org.casework.petition.PetitionRegistered;
import org.casework.petition.Petitioner;
import org.casework.petition.Petitions;
import org.casework.petition.RegisterPetition;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The petition rules that live in MariaDB: deadline policy rows (V73) on the holiday calendar, the
 * per-region representatives rule, repeated notices and links written once, and the first-handler
 * lookup over the matter index.
 */
@SpringBootTest(properties = {"casework.sla.watch-initial-delay=PT24H"})
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class PetitionIT {

  @Autowired Petitions petitions;
  @Autowired PetitionSteps steps;
  @Autowired PetitionDeadlines deadlines;
  @Autowired PetitionRepository rows;
  @Autowired PetitionNoticeRepository notices;
  @Autowired CaseLinks links;
  @Autowired CaseFiles caseFiles;
  @Autowired Registry registry;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserTasks tasks;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff(
        "zhengtao", "郑涛", Role.PETITION_OFFICER, new RegionCode(DemoRegion.COUNTY), "demo123");
  }

  @Test
  void shouldReadThePetitionPeriodsFromThePolicyTableAndCountThemOnTheHolidayCalendar() {
    DeadlinePolicy decision = deadlines.policy(PetitionDeadlines.DECISION, DemoRegion.TOWNSHIP);
    assertThat(decision.periodAmount()).isEqualTo(15);
    assertThat(decision.periodUnit()).isEqualTo(PeriodUnit.CALENDAR_DAYS);
    DeadlinePolicy handling = deadlines.policy(PetitionDeadlines.HANDLING, DemoRegion.TOWNSHIP);
    assertThat(handling.periodAmount()).isEqualTo(60);
    assertThat(handling.maxExtensions()).isEqualTo(1);
    assertThat(handling.maxExtensionDays()).isEqualTo(30);
    assertThat(
            deadlines.policy(PetitionDeadlines.REVIEW_REQUEST, DemoRegion.TOWNSHIP).periodAmount())
        .isEqualTo(30);
    // registered Thu 17 Sep 2026: day 15 is Fri 2 Oct (National Day) → Thu 8 Oct
    assertThat(
            deadlines.due(
                PetitionDeadlines.DECISION,
                DemoRegion.TOWNSHIP,
                Instant.parse("2026-09-17T02:00:00Z")))
        .isEqualTo(BusinessCalendar.endOfDay(LocalDate.of(2026, 10, 8)));
  }

  @Test
  void shouldApplyARegionsOwnRepresentativesRuleOverTheNationalOne() {
    jdbc.update(
        "INSERT INTO petition_policy (region_code, max_representatives) VALUES ('350502', 2)"
            + " ON DUPLICATE KEY UPDATE max_representatives = 2");
    try {
      PersonView lead = person("许𠮷民");
      RegisterPetition three =
          new RegisterPetition(
              Channel.VISIT,
              List.of(
                  new Petitioner(idOf(lead), lead.name()),
                  new Petitioner(null, "代表乙"),
                  new Petitioner(null, "代表丙")),
              40,
              "征地补偿款",
              "请求补发",
              null,
              "zhangwei");
      assertThatThrownBy(() -> petitions.register(three))
          .isInstanceOf(BusinessRuleException.class)
          .satisfies(
              e -> assertThat(((BusinessRuleException) e).userMessage()).contains("代表人数不超过2人"));
      // a letter signed by three is not a visit: no representatives rule
      RegisterPetition letter =
          new RegisterPetition(
              Channel.LETTER, three.petitioners(), 3, "征地补偿款", "请求补发", null, "zhangwei");
      assertThat(petitions.register(letter).outcome()).isEqualTo(PetitionRegistered.REGISTERED);
    } finally {
      jdbc.update("DELETE FROM petition_policy WHERE region_code = '350502'");
    }
  }

  @Test
  void shouldFindTheSameMatterWhateverThePunctuationAndLinkTheHigherLevelsCase() {
    PersonView lead = person("卢𠮷清");
    PetitionRegistered township = petitions.register(petition(lead, "住房 补贴！", "zhangwei"));
    PetitionRegistered again = petitions.register(petition(lead, "住房补贴", "wangfang"));
    assertThat(again.outcome()).isEqualTo(PetitionRegistered.LINKED);
    assertThat(again.caseNumber()).isEqualTo(township.caseNumber());

    PetitionRegistered county = petitions.register(petition(lead, "住房补贴。", "zhengtao"));
    assertThat(county.outcome()).isEqualTo(PetitionRegistered.REGISTERED);
    assertThat(links.links(township.caseNumber()))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.otherCase()).isEqualTo(county.caseNumber());
              assertThat(l.kind()).isEqualTo("SAME_MATTER");
            });
    assertThat(petitions.casesOnMatter(lead.id(), "住房补贴"))
        .containsExactly(township.caseNumber(), county.caseNumber());
    PetitionEntity countyRow = rows.findByCaseNumber(county.caseNumber()).orElseThrow();
    assertThat(steps.lowerLevelInTime(countyRow))
        .hasValueSatisfying(p -> assertThat(p.caseNumber).isEqualTo(township.caseNumber()));
  }

  @Test
  void shouldWriteANoticeAndItsLinkOnlyOnceWhenAStepRunsTwice() {
    PersonView lead = person("邱𠮷山");
    PetitionRegistered r = petitions.register(petition(lead, "医疗救助", "zhangwei"));
    // the case's process reaches its first task first, so the steps below run on a waiting case
    tasks.idle();
    assertThat(caseFiles.get(r.caseNumber()).status()).isEqualTo(CaseStatus.AWAITING_ACCEPTANCE);
    PetitionEntity p = rows.findByCaseNumber(r.caseNumber()).orElseThrow();
    p.phase = PetitionEntity.Phase.NOT_ACCEPTED;
    p.decision = "NOT_ACCEPT";
    p.decisionReason = "已另案处理";
    rows.save(p);
    steps.issueNotice(r.caseNumber(), NoticeKind.NOT_ACCEPTED, "ServiceTask_NotAcceptedNotice:1");
    steps.issueNotice(r.caseNumber(), NoticeKind.NOT_ACCEPTED, "ServiceTask_NotAcceptedNotice:1");
    assertThat(notices.findByCaseNumberOrderByIdAsc(r.caseNumber())).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM casefile_history h JOIN casefile_case c ON c.id = h.case_id"
                    + " WHERE c.case_number = ? AND h.action = '送达不予受理告知书'",
                Long.class,
                r.caseNumber()))
        .isEqualTo(1L);
  }

  private RegisterPetition petition(PersonView lead, String subject, String officer) {
    return new RegisterPetition(
        Channel.LETTER,
        List.of(new Petitioner(idOf(lead), lead.name())),
        1,
        subject,
        "请求处理",
        null,
        officer);
  }

  private PersonView person(String name) {
    return registry.register(TestPeople.veteran(name, DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
  }

  private String idOf(PersonView person) {
    return registry.unmasked(person.id()).idNumber();
  }
}
