package org.casework.petition.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseLinks;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryView;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.Clocks;
import org.casework.common.BusinessRuleException;
import org.casework.documents.PdfText;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.ledger.Disbursement;
import org.casework.ledger.Ledger;
import org.casework.petition.Channel;
import org.casework.petition.NoticeKind;
import org.casework.petition.PetitionNotice;
import org.casework.petition.PetitionRegistered;
import org.casework.petition.Petitioner;
import org.casework.petition.Petitions;
import org.casework.petition.RegisterPetition;
import org.casework.registry.PersonView;
import org.casework.registry.PersonalData;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of bpmn/petition.bpmn on the embedded engine with the real database. The app clock
 * starts each test on Thursday 17 September 2026, 10:00 in Shanghai, so the 15-day decision period
 * ends in the National Day week (1–7 October 2026) and moves to Thursday 8 October; the engine
 * clock starts there too and is moved together with the app clock. Nothing runs in the background:
 * {@link UserTasks} runs the due steps and timers in the test's thread.
 */
@SpringBootTest(properties = {"casework.sla.watch-initial-delay=PT24H"})
@ProcessTest
@ActiveProfiles("test")
@Import({PetitionProcessTest.Config.class, DemoRegion.class})
class PetitionProcessTest {

  static final Instant START = Instant.parse("2026-09-17T02:00:00Z");

  /** The app's clock, set back to {@link #START} before each test. */
  static final class TestClock extends Clock {
    private volatile Instant now = START;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void set(Instant at) {
      now = at;
    }
  }

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }

  @Autowired UserTasks tasks;
  @Autowired TaskService taskService;
  @Autowired ScriptedTaskActors actors;
  @Autowired HistoryService history;
  @Autowired Petitions petitions;
  @Autowired PetitionRepository petitionRows;
  @Autowired CaseFiles caseFiles;
  @Autowired CaseLinks caseLinks;
  @Autowired Clocks clocks;
  @Autowired Registry registry;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired TestClock clock;
  @Autowired HardshipAssistance assistance;
  @Autowired Ledger ledger;

  @BeforeEach
  void setUp() {
    clock.set(START);
    ClockUtil.setCurrentTime(Date.from(START));
    region.ensure();
    jurisdiction.addStaff(
        "zhengtao", "郑涛", Role.PETITION_OFFICER, new RegionCode(DemoRegion.COUNTY), "demo123");
    actors.reset();
    actors.completes("Task_AcceptanceDecision", "zhangwei");
    actors.completes("Task_Investigation", "wangfang");
    actors.completes("Task_Meeting", "wangfang");
    actors.completes("Task_Opinion", "wangfang");
    actors.completes("Task_ExtensionApproval", "liuyang");
    actors.completes("Task_ReviewDecision", "zhengtao");
    actors.completes("Task_ReReviewDecision", "zhengtao");
    actors.completes("Task_Satisfaction", "wangfang");
    actors.completes("Task_VillageVerification", "lixiaohong");
    actors.completes("Task_TownshipReview", "zhangwei");
    actors.completes("Task_TownshipHeadApproval", "liuyang");
  }

  @Test
  void shouldAcceptHandleAndIssueTheOpinionThenCloseAsFinalWhenNoReviewIsAsked() {
    Case c = register(person("陈国华"), "zhangwei", "退役安置待遇落实");
    Task decision = tasks.await(c.pid, "Task_AcceptanceDecision");
    // 15 days from 17 Sep end on Fri 2 Oct, inside National Day: moved to Thu 8 Oct
    assertThat(c.registered.decisionDueAt()).isEqualTo(endOf("2026-10-08"));
    assertThat(tasks.candidateGroups(decision)).containsExactly("township-350502001-caseworker");
    assertThat(decision.getDueDate().toInstant()).isEqualTo(endOf("2026-10-08"));
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AWAITING_ACCEPTANCE);

    accept(c, "wangfang");
    Task investigation = tasks.await(c.pid, "Task_Investigation");
    // 60 days from 17 Sep: Mon 16 Nov 2026
    assertThat(investigation.getAssignee()).isEqualTo("wangfang");
    assertThat(investigation.getDueDate().toInstant()).isEqualTo(endOf("2026-11-16"));
    assertThat(caseFiles.get(c.number).assignedOfficer()).isEqualTo("wangfang");
    assertThat(notice(c, NoticeKind.ACCEPTANCE).deadlineDay()).isEqualTo("2026-11-16");
    assertThat(notice(c, NoticeKind.ACCEPTANCE).body()).contains("2026年11月16日");
    assertThat(pdfText(c, NoticeKind.ACCEPTANCE))
        .contains("受理告知书", c.number, "2026年11月16日", "海滨街道");

    handleAndIssueOpinion(c);
    assertStatus(c, CaseStatus.OPINION_ISSUED);
    // 30 days from 17 Sep end on Sat 17 Oct (a day off): Mon 19 Oct
    PetitionNotice opinion = notice(c, NoticeKind.OPINION);
    assertThat(opinion.deadlineDay()).isEqualTo("2026-10-19");
    assertThat(opinion.body()).contains("经查，诉求部分属实", "2026年10月19日");
    assertThat(pdfText(c, NoticeKind.OPINION))
        .contains("信访事项处理意见书", c.number, "诉求部分属实", "2026年10月19日");
    assertThat(clocks.find(c.number, PetitionDeadlines.HANDLING).orElseThrow().stoppedAt())
        .isNotNull();

    passTimer(
        c,
        "Gateway_AwaitReview",
        "Timer_ReviewWindow",
        Duration.between(START, endOf("2026-10-19")).plusHours(1));
    assertStatus(c, CaseStatus.PETITION_FINAL);
    giveSatisfaction(c);
    assertEnded(c, "EndEvent_Final");
    assertThatThrownBy(() -> petitions.requestReview(c.number, "不服", scope("zhangwei")))
        .isInstanceOf(BusinessRuleException.class)
        .hasMessageContaining("PETITION_REQUEST_NOT_OPEN");
    assertThat(actions(c)).contains("受理决定", "送达受理告知书", "调查核实", "约见信访人", "送达处理意见书", "办结");
  }

  @Test
  void shouldTransferToTheCompetentBodyWithAWrittenNotice() {
    Case c = register(person("林建平"), "zhangwei", "医疗保险报销");
    tasks.complete(c.pid, "Task_AcceptanceDecision", Map.of("decision", "TRANSFER"));
    Task again = tasks.await(c.pid, "Task_AcceptanceDecision");
    assertThat(tasks.variables(again)).containsEntry("taskNotice", "转送须写明有权处理的机关（转送至何处）");
    tasks.complete(
        c.pid,
        "Task_AcceptanceDecision",
        Map.of("decision", "TRANSFER", "transferTo", "鲤城区医疗保障局", "decisionReason", "属医保部门职责"));
    assertStatus(c, CaseStatus.TRANSFERRED);
    assertEnded(c, "EndEvent_Transferred");
    assertThat(notice(c, NoticeKind.TRANSFER).body()).contains("已转送鲤城区医疗保障局处理");
    assertThat(clocks.find(c.number, Clocks.CASE_CLOCK).orElseThrow().stoppedAt()).isNotNull();
  }

  @Test
  void shouldNotAcceptOnlyWithAReason() {
    Case c = register(person("黄志明"), "zhangwei", "要求调整门牌号");
    tasks.complete(c.pid, "Task_AcceptanceDecision", Map.of("decision", "NOT_ACCEPT"));
    assertThat(tasks.variables(tasks.await(c.pid, "Task_AcceptanceDecision")))
        .containsEntry("taskNotice", "不予受理须写明理由");
    tasks.complete(
        c.pid,
        "Task_AcceptanceDecision",
        Map.of("decision", "NOT_ACCEPT", "decisionReason", "已通过诉讼程序解决"));
    assertStatus(c, CaseStatus.NOT_ACCEPTED);
    assertEnded(c, "EndEvent_NotAccepted");
    assertThat(notice(c, NoticeKind.NOT_ACCEPTED).body()).contains("不予受理", "已通过诉讼程序解决");
    assertThat(caseFiles.notices(c.number))
        .anySatisfy(n -> assertThat(n.text()).startsWith("不予受理告知书"));
  }

  @Test
  void shouldExtendOnceWithTheHeadsApprovalAndRefuseASecondExtension() {
    Case c = register(person("郑海生"), "zhangwei", "伤残等级评定");
    accept(c, "wangfang");
    investigateAndMeet(c);
    tasks.complete(
        c.pid,
        "Task_Opinion",
        Map.of("opinionAction", "EXTEND", "extensionDays", 30, "extensionReason", "需省厅答复"));
    Task approval = tasks.await(c.pid, "Task_ExtensionApproval");
    assertThat(tasks.candidateGroups(approval)).containsExactly("township-350502001-head");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AWAITING_EXTENSION);
    tasks.complete(c.pid, "Task_ExtensionApproval", Map.of("extensionDecision", "APPROVE"));

    // 16 Nov + 30 days = Wed 16 Dec 2026, shown on the opinion task and in the notice
    Task opinion = tasks.await(c.pid, "Task_Opinion");
    assertThat(opinion.getDueDate().toInstant()).isEqualTo(endOf("2026-12-16"));
    PetitionNotice extension = notice(c, NoticeKind.EXTENSION);
    assertThat(extension.deadlineDay()).isEqualTo("2026-12-16");
    assertThat(extension.body()).contains("需省厅答复", "延期30日", "2026年12月16日");
    assertThat(pdfText(c, NoticeKind.EXTENSION))
        .contains("延期告知书", c.number, "需省厅答复", "2026年12月16日");
    assertThat(clocks.find(c.number, PetitionDeadlines.HANDLING).orElseThrow().dueAt())
        .isEqualTo(endOf("2026-12-16"));

    tasks.complete(
        c.pid,
        "Task_Opinion",
        Map.of("opinionAction", "EXTEND", "extensionDays", 10, "extensionReason", "仍需答复"));
    Task back = tasks.await(c.pid, "Task_Opinion");
    assertThat(tasks.variables(back).get("taskNotice").toString())
        .contains("已延期一次", "只能延期一次", "2026年12月16日");
    // the clock itself refuses too, whoever asks (e.g. the extension API)
    assertThatThrownBy(
            () -> clocks.extend(c.number, PetitionDeadlines.HANDLING, 5, "再次延期", "liuyang"))
        .isInstanceOf(BusinessRuleException.class)
        .hasMessageContaining("SLA_EXTENSION_LIMIT");
    assertThat(actions(c)).containsOnlyOnce("批准延期");

    tasks.complete(
        c.pid, "Task_Opinion", Map.of("opinionAction", "ISSUE", "opinionText", "经查，已按规定评定。"));
    assertStatus(c, CaseStatus.OPINION_ISSUED);
  }

  @Test
  void shouldReviewAtTheCountyReReviewAboveAndAnswerLaterPetitionsNotAcceptedAgain() {
    PersonView person = person("王德福");
    Case c = register(person, "zhangwei", "优抚金发放标准");
    accept(c, "wangfang");
    handleAndIssueOpinion(c);
    assertStatus(c, CaseStatus.OPINION_ISSUED);

    advance(Duration.ofDays(20));
    petitions.requestReview(c.number, "对处理意见不服", scope("zhangwei"));
    Task review = tasks.await(c.pid, "Task_ReviewDecision");
    assertThat(tasks.candidateGroups(review)).containsExactly("county-350502-petition");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.PETITION_REVIEW);
    // the outcome is a code of petition_review_outcome: an unknown one sends the task back
    tasks.complete(
        c.pid, "Task_ReviewDecision", Map.of("reviewOutcome", "维持", "reviewOpinion", "维持原处理意见。"));
    Task back = tasks.await(c.pid, "Task_ReviewDecision");
    assertThat(tasks.variables(back).get("taskNotice").toString()).contains("请选择复查结论");
    tasks.complete(
        c.pid,
        "Task_ReviewDecision",
        Map.of("reviewOutcome", "UPHELD", "reviewOpinion", "维持原处理意见。"));
    assertStatus(c, CaseStatus.REVIEW_ISSUED);
    assertThat(petitionRows.findByCaseNumber(c.number).orElseThrow().reviewOutcome)
        .isEqualTo("UPHELD");
    assertThat(notice(c, NoticeKind.REVIEW).body()).contains("维持原处理意见", "复核");

    petitions.requestReReview(c.number, "请求复核", scope("zhangwei"));
    Task rereview = tasks.await(c.pid, "Task_ReReviewDecision");
    // the city body, which has no staff in this system: the county petition office records its
    // opinion
    assertThat(tasks.candidateGroups(rereview))
        .containsExactly("city-3505-petition", "county-350502-petition");
    tasks.complete(
        c.pid,
        "Task_ReReviewDecision",
        Map.of("rereviewOutcome", "REVOKED", "rereviewOpinion", "撤销复查意见。"));
    assertStatus(c, CaseStatus.PETITION_FINAL);
    assertThat(petitionRows.findByCaseNumber(c.number).orElseThrow().rereviewOutcome)
        .isEqualTo("REVOKED");
    giveSatisfaction(c);
    assertEnded(c, "EndEvent_Final");

    long casesBefore = casesOf(person);
    PetitionRegistered again =
        petitions.register(petition(person, "优抚金 发放标准！", Channel.LETTER, "zhangwei"));
    assertThat(again.outcome()).isEqualTo(PetitionRegistered.NOT_ACCEPTED_AGAIN);
    assertThat(again.caseNumber()).isEqualTo(c.number);
    assertThat(again.message()).contains(c.number, "不再受理");
    assertThat(casesOf(person)).isEqualTo(casesBefore);
    assertThat(notice(c, NoticeKind.NOT_ACCEPTED_AGAIN).body()).contains(c.number);
    assertThat(actions(c)).contains("重复信访（来信）");
  }

  @Test
  void shouldRefuseAReviewRequestTheProcessDoesNotWaitForAndRecordNothing() {
    Case c = register(person("邓志刚"), "zhangwei", "优待证办理");
    accept(c, "wangfang");
    tasks.await(c.pid, "Task_Investigation");
    CaseStatus before = caseFiles.get(c.number).status();
    // the records say the opinion was issued, but the process is still at the investigation
    PetitionEntity p = petitionRows.findByCaseNumber(c.number).orElseThrow();
    p.phase = PetitionEntity.Phase.OPINION_ISSUED;
    p.opinionAt = clock.instant();
    petitionRows.save(p);

    assertThatThrownBy(() -> petitions.requestReview(c.number, "不服", scope("zhangwei")))
        .isInstanceOf(BusinessRuleException.class)
        .hasMessageContaining("CASE_NOT_WAITING")
        .satisfies(e -> assertThat(((BusinessRuleException) e).userMessage()).contains(c.number));
    assertThat(caseFiles.get(c.number).status()).isEqualTo(before);
    assertThat(petitionRows.findByCaseNumber(c.number).orElseThrow().phase)
        .isEqualTo(PetitionEntity.Phase.OPINION_ISSUED);
    assertThat(actions(c)).doesNotContain("请求复查");
    assertThat(tasks.find(c.pid, "Task_Investigation")).isNotNull();
  }

  @Test
  void shouldLinkARepeatedPetitionOnTheSameMatterToTheOpenCase() {
    PersonView person = person("李春生");
    Case c = register(person, "zhangwei", "住房困难补助");
    long casesBefore = casesOf(person);
    PetitionRegistered again =
        petitions.register(petition(person, "住房困难补助", Channel.PHONE, "wangfang"));
    assertThat(again.outcome()).isEqualTo(PetitionRegistered.LINKED);
    assertThat(again.caseNumber()).isEqualTo(c.number);
    assertThat(again.message()).contains(c.number, "2026年10月8日", "不另行受理");
    assertThat(casesOf(person)).isEqualTo(casesBefore);
    assertThat(caseFiles.history(c.number))
        .anySatisfy(h -> assertThat(h.action()).isEqualTo("重复信访（来电）"));
    assertThat(petitions.petition(c.number, scope("zhangwei")).repeats()).hasSize(1);
  }

  @Test
  void shouldRefuseTheCountyAcceptingWhileTheTownshipIsWithinItsDeadline() {
    PersonView person = person("吴大海");
    Case township = register(person, "zhangwei", "退役金补发");
    accept(township, "wangfang");
    tasks.await(township.pid, "Task_Investigation");

    actors.completes("Task_AcceptanceDecision", "zhengtao");
    Case county = register(person, "zhengtao", "退役金补发");
    assertThat(county.registered.outcome()).isEqualTo(PetitionRegistered.REGISTERED);
    assertThat(caseLinks.links(county.number))
        .anySatisfy(l -> assertThat(l.otherCase()).isEqualTo(township.number));
    Task decision = tasks.await(county.pid, "Task_AcceptanceDecision");
    assertThat(tasks.candidateGroups(decision)).containsExactly("county-350502-petition");
    assertThat(tasks.variables(decision).get("petitionFacts").toString()).contains(township.number);
    accept(county, "zhengtao");
    Task refused = tasks.await(county.pid, "Task_AcceptanceDecision");
    assertThat(tasks.variables(refused).get("taskNotice").toString())
        .contains(township.number, "2026年11月16日", "上级机关不予受理");

    // after the township's deadline (16 Nov) the county may take the matter up
    advance(Duration.between(START, endOf("2026-11-16")).plusHours(2));
    accept(county, "zhengtao");
    tasks.await(county.pid, "Task_Investigation");
    assertThat(caseFiles.get(county.number).assignedOfficer()).isEqualTo("zhengtao");
  }

  @Test
  void shouldRefuseToAssignAnOfficerWhoMustRecuse() {
    Case c = register(person("周国庆"), "zhangwei", "征地补偿");
    petitions.markConflict(c.number, "wangfang", "与信访人系亲属", scope("zhangwei"));
    accept(c, "wangfang");
    Task back = tasks.await(c.pid, "Task_AcceptanceDecision");
    assertThat(tasks.variables(back).get("taskNotice").toString())
        .contains("王芳", "应当回避", "不能指派为承办人");
    assertThatThrownBy(() -> petitions.assignOfficer(c.number, "wangfang", scope("liuyang")))
        .isInstanceOf(BusinessRuleException.class)
        .satisfies(e -> assertThat(((BusinessRuleException) e).userMessage()).contains("应当回避"));
    // nor may she complete any of its tasks: refused at completion, the task stays open
    Task decision = tasks.await(c.pid, "Task_AcceptanceDecision");
    Map<String, Object> byHer =
        Map.of("decision", "ACCEPT", "handlingOfficer", "zhangwei", "decisionReason", "属本单位职责");
    assertThatThrownBy(() -> tasks.completeAs("wangfang", c.pid, "Task_AcceptanceDecision", byHer))
        .satisfies(
            e -> {
              assertThat(businessRule(e).code()).isEqualTo("RECUSAL");
              assertThat(businessRule(e).userMessage()).contains("应当回避", "与信访人系亲属");
            });
    assertThat(tasks.await(c.pid, "Task_AcceptanceDecision").getId()).isEqualTo(decision.getId());
    assertThat(caseFiles.get(c.number).assignedOfficer()).isNull();
    tasks.asUser("wangfang", () -> taskService.claim(decision.getId(), null));
    accept(c, "zhangwei");
    tasks.await(c.pid, "Task_Investigation");
    assertThat(caseFiles.get(c.number).assignedOfficer()).isEqualTo("zhangwei");
    assertThat(actions(c)).contains("登记回避");
  }

  @Test
  void shouldHandTheOpenHandlingTaskAndTheNextOnesToANewlyAssignedOfficer() {
    Case c = register(person("蔡文斌"), "zhangwei", "退役士兵保险接续");
    accept(c, "wangfang");
    assertThat(tasks.await(c.pid, "Task_Investigation").getAssignee()).isEqualTo("wangfang");

    petitions.assignOfficer(c.number, "zhangwei", scope("liuyang"));
    assertThat(tasks.await(c.pid, "Task_Investigation").getAssignee()).isEqualTo("zhangwei");
    assertThat(caseFiles.get(c.number).assignedOfficer()).isEqualTo("zhangwei");
    // the officer who handed over may no longer complete it
    Map<String, Object> findings = Map.of("investigationFindings", "走访核实情况");
    assertThatThrownBy(() -> tasks.completeAs("wangfang", c.pid, "Task_Investigation", findings))
        .satisfies(e -> assertThat(businessRule(e).userMessage()).contains("已指派给承办人 zhangwei"));
    assertThat(tasks.find(c.pid, "Task_Investigation")).isNotNull();

    tasks.completeAs("zhangwei", c.pid, "Task_Investigation", findings);
    assertThat(tasks.await(c.pid, "Task_Meeting").getAssignee()).isEqualTo("zhangwei");
    assertThat(actions(c)).contains("指定承办人", "调查核实");
  }

  @Test
  void shouldSpawnLinkedHardshipAndLegalAidCasesThatBothHistoriesShow() {
    PersonView person = person("孙卫国");
    Case c = register(person, "zhangwei", "生活困难请求救助");
    CaseView hardship =
        petitions.spawnLinkedCase(
            c.number,
            CaseType.HARDSHIP,
            Map.of("cause", "ILLNESS", "amountRequested", "1500", "monthlyIncome", "800"),
            scope("zhangwei"));
    assertThat(hardship.type()).isEqualTo(CaseType.HARDSHIP);
    assertThat(hardship.applicantPersonId()).isEqualTo(person.id());
    assertThat(caseFiles.history(c.number))
        .anySatisfy(h -> assertThat(h.outcome()).contains(hardship.caseNumber()));
    assertThat(caseFiles.history(hardship.caseNumber()))
        .anySatisfy(h -> assertThat(h.outcome()).contains(c.number));
    assertThat(caseLinks.links(hardship.caseNumber()))
        .singleElement()
        .satisfies(l -> assertThat(l.otherType()).isEqualTo(CaseType.PETITION));
    // a second request returns the same linked case
    assertThat(
            petitions
                .spawnLinkedCase(c.number, CaseType.HARDSHIP, Map.of(), scope("zhangwei"))
                .caseNumber())
        .isEqualTo(hardship.caseNumber());
    CaseView legalAid =
        petitions.spawnLinkedCase(
            c.number,
            CaseType.LEGAL_AID,
            Map.of("matterType", "PENSION", "opposingParty", "某用人单位"),
            scope("zhangwei"));
    assertThat(legalAid.caseNumber()).startsWith("FY-350502-");
    assertThat(caseLinks.links(c.number))
        .extracting(l -> l.otherType())
        .containsExactly(CaseType.HARDSHIP, CaseType.LEGAL_AID);
    assertThat(caseFiles.history(legalAid.caseNumber()))
        .anySatisfy(h -> assertThat(h.outcome()).contains(c.number));
    assertThatThrownBy(
            () ->
                petitions.spawnLinkedCase(
                    c.number, CaseType.CONDOLENCE, Map.of(), scope("zhangwei")))
        .isInstanceOf(BusinessRuleException.class)
        .hasMessageContaining("PETITION_LINK_TYPE");
  }

  @Test
  void shouldFileAndApproveHardshipNormallyForAPersonWhoHasPetitioned() {
    PersonView person = person("何长青");
    Case petition = register(person, "zhangwei", "对补助标准有意见");
    tasks.complete(
        petition.pid,
        "Task_AcceptanceDecision",
        Map.of("decision", "NOT_ACCEPT", "decisionReason", "已答复"));
    assertStatus(petition, CaseStatus.NOT_ACCEPTED);
    register(person, "zhangwei", "要求重新核定补助");

    PersonalData data = registry.unmasked(person.id());
    String number =
        assistance
            .apply(
                new ApplyForAssistance(
                    new RegisterPerson(
                        data.idNumber(),
                        person.name(),
                        person.category(),
                        person.townshipCode(),
                        person.villageCode(),
                        data.phone(),
                        null,
                        person.householdMembers()),
                    HardshipCause.ILLNESS,
                    "住院治疗，医疗支出大",
                    new BigDecimal("800.00"),
                    new BigDecimal("1200.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    String pid = caseFiles.get(number).processInstanceId();
    assertThat(pid).isNotNull();
    Case hardship = new Case(number, pid, null);
    tasks.complete(
        pid,
        "Task_VillageVerification",
        Map.of("verificationConfirmed", true, "verificationFindings", "入户核实，情况属实"));
    Map<String, Object> review = new HashMap<>();
    review.put("reviewDecision", "ACCEPT");
    review.put("reviewReason", "符合帮扶条件");
    review.put("recommendedAmount", new BigDecimal("800.00"));
    tasks.complete(pid, "Task_TownshipReview", review);
    tasks.complete(
        pid,
        "Task_TownshipHeadApproval",
        Map.of("approvalDecision", "APPROVE", "approvalReason", "同意"));
    assertStatus(hardship, CaseStatus.FOLLOW_UP);
    assertThat(ledger.forCase(number))
        .extracting(Disbursement::amount)
        .containsExactly(new BigDecimal("800.00"));
    assertThat(caseFiles.history(number))
        .extracting(HistoryView::reason)
        .noneSatisfy(r -> assertThat(r).isNotNull().contains("信访"));
  }

  // --- steps ---------------------------------------------------------------------------------

  record Case(String number, String pid, PetitionRegistered registered) {}

  private PersonView person(String name) {
    return registry.register(TestPeople.veteran(name, DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
  }

  private RegisterPetition petition(
      PersonView person, String subject, Channel channel, String officer) {
    PersonalData data = registry.unmasked(person.id());
    return new RegisterPetition(
        channel,
        List.of(new Petitioner(data.idNumber(), person.name())),
        1,
        subject,
        "请求依法处理",
        null,
        officer);
  }

  /** Registers a new case; its process instance is started in the same transaction. */
  private Case register(PersonView person, String officer, String subject) {
    PetitionRegistered r = petitions.register(petition(person, subject, Channel.VISIT, officer));
    assertThat(r.outcome()).isEqualTo(PetitionRegistered.REGISTERED);
    String pid = caseFiles.get(r.caseNumber()).processInstanceId();
    assertThat(pid).as("process instance of %s", r.caseNumber()).isNotNull();
    return new Case(r.caseNumber(), pid, r);
  }

  private void accept(Case c, String officer) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("decision", "ACCEPT");
    vars.put("handlingOfficer", officer);
    vars.put("decisionReason", "属本单位职责");
    tasks.complete(c.pid, "Task_AcceptanceDecision", vars);
  }

  private void investigateAndMeet(Case c) {
    tasks.complete(c.pid, "Task_Investigation", Map.of("investigationFindings", "走访核实情况"));
    tasks.complete(
        c.pid,
        "Task_Meeting",
        Map.of("meetingOn", LocalDate.of(2026, 9, 17).toString(), "meetingSummary", "当面听取诉求"));
  }

  private void handleAndIssueOpinion(Case c) {
    investigateAndMeet(c);
    tasks.complete(
        c.pid,
        "Task_Opinion",
        Map.of("opinionAction", "ISSUE", "opinionText", "经查，诉求部分属实，已责成相关单位落实。"));
  }

  private RegionScope scope(String username) {
    return RegionScope.of(jurisdiction.staff(username).orElseThrow());
  }

  /** The latest notice of {@code kind}, after the due steps ran. */
  private PetitionNotice notice(Case c, NoticeKind kind) {
    tasks.idle();
    return petitions.notices(c.number, scope("zhangwei")).stream()
        .filter(n -> n.kind() == kind)
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + kind + " notice for " + c.number));
  }

  private String pdfText(Case c, NoticeKind kind) {
    return PdfText.of(petitions.noticePdf(c.number, kind, scope("zhangwei")));
  }

  private long casesOf(PersonView person) {
    return caseFiles.latest(scope("zhangwei"), 200).stream()
        .filter(v -> v.applicantPersonId() == person.id())
        .count();
  }

  private List<String> actions(Case c) {
    return caseFiles.history(c.number).stream().map(HistoryView::action).toList();
  }

  private static Instant endOf(String day) {
    return BusinessCalendar.endOfDay(LocalDate.parse(day));
  }

  /** Moves the app clock and the engine clock together, then runs what became due. */
  private void advance(Duration by) {
    clock.set(clock.instant().plus(by));
    tasks.advance(by);
  }

  private void assertStatus(Case c, CaseStatus status) {
    tasks.idle();
    assertThat(caseFiles.get(c.number).status()).isEqualTo(status);
  }

  /** The one way tests move time: assert waiting at the timer, advance both clocks, passed. */
  private void passTimer(Case c, String waitingAt, String timer, Duration by) {
    tasks.idle();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(c.pid)
                .activityId(waitingAt)
                .unfinished()
                .count())
        .as("waiting at %s", waitingAt)
        .isEqualTo(1);
    advance(by);
    assertThat(passed(c, timer)).as("passed %s", timer).isTrue();
  }

  private boolean passed(Case c, String elementId) {
    return history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(c.pid)
            .activityId(elementId)
            .finished()
            .count()
        > 0;
  }

  /** The closing satisfaction step (满意度回访), answered by the handling officer. */
  private void giveSatisfaction(Case c) {
    tasks.await(c.pid, "Task_Satisfaction");
    tasks.complete(
        c.pid,
        "Task_Satisfaction",
        Map.of("satisfaction", "BASICALLY_SATISFIED", "satisfactionChannel", "QUESTIONNAIRE"));
  }

  private void assertEnded(Case c, String endEvent) {
    tasks.idle();
    HistoricProcessInstance instance =
        history.createHistoricProcessInstanceQuery().processInstanceId(c.pid).singleResult();
    assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(passed(c, endEvent)).as("ended at %s", endEvent).isTrue();
  }

  /** The business refusal inside whatever the engine wrapped it in. */
  private static BusinessRuleException businessRule(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BusinessRuleException b) {
        return b;
      }
    }
    throw new AssertionError("no business refusal in " + e, e);
  }
}
