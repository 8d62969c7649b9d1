package org.casework.condolence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.HistoryView;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.condolence.Condolence;
import org.casework.condolence.RequestVisit;
import org.casework.condolence.VisitTrigger;
import org.casework.condolence.VisitView;
import org.casework.ledger.Disbursement;
import org.casework.ledger.DisbursementRequest;
import org.casework.ledger.EntryType;
import org.casework.ledger.Ledger;
import org.casework.ledger.Programme;
import org.casework.registry.HouseholdMember;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
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
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Every path of bpmn/condolence.bpmn on the embedded engine, with the real database. */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class CondolenceProcessTest {

  @Autowired UserTasks tasks;
  @Autowired HistoryService history;
  @Autowired Condolence condolence;
  @Autowired Registry registry;
  @Autowired CaseFiles caseFiles;
  @Autowired Ledger ledger;
  @Autowired CondolenceSteps steps;
  @Autowired DemoRegion region;
  @Autowired ScriptedTaskActors actors;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    region.ensure();
    actors.reset();
    actors.completes("Task_TownshipConfirmation", "zhangwei");
    actors.completes("Task_CountyApproval", "sunli");
    actors.completes("Task_RecordVisit", "zhangwei");
    actors.completes("Task_Satisfaction", "zhangwei");
    actors.completes("Task_FollowUpDissatisfied", "liuyang");
  }

  @Test
  void shouldConfirmApproveVisitAndPayTheAmountConfiguredForTheCategoryOnce() {
    condolence.setAmount(
        DemoRegion.COUNTY,
        VisitTrigger.HOSPITALISATION,
        PersonCategory.DISABLED_SOLDIER,
        new BigDecimal("1200.00"));
    PersonView person = person("伤残军人 黄德明", PersonCategory.DISABLED_SOLDIER);
    Case c = request(person, VisitTrigger.HOSPITALISATION);

    Task confirm = tasks.await(c.pid, "Task_TownshipConfirmation");
    assertThat(tasks.candidateGroups(confirm)).containsExactly("township-350502001-caseworker");
    assertThat(confirm.getDueDate().toInstant())
        .isEqualTo(caseFiles.get(c.number).stageDueAt().truncatedTo(ChronoUnit.SECONDS));
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AWAITING_CONFIRMATION);
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) tasks.variables(confirm).get("visitFacts");
    assertThat(facts.get("amount")).isEqualTo("¥1,200.00");
    assertThat(facts.get("trigger")).isEqualTo("住院慰问");
    assertThat(facts.get("idNumber").toString()).contains("**********");
    tasks.complete(c.pid, "Task_TownshipConfirmation", Map.of("confirmDecision", "CONFIRM"));

    Task approval = tasks.await(c.pid, "Task_CountyApproval");
    assertThat(tasks.candidateGroups(approval)).containsExactly("county-350502-approver");
    assertThat(tasks.variables(approval)).containsEntry("duplicateWarning", "无");
    tasks.complete(
        c.pid,
        "Task_CountyApproval",
        Map.of("approvalDecision", "APPROVE", "approvalReason", "同意"));

    tasks.await(c.pid, "Task_RecordVisit");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AWAITING_VISIT);
    recordVisit(c, today());

    awaitStatus(c, CaseStatus.CLOSED);
    assertThat(ledger.forCase(c.number))
        .extracting(Disbursement::programme, Disbursement::amount, Disbursement::cause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Programme.CONDOLENCE, new BigDecimal("1200.00"), "ILLNESS"));
    VisitView visit = condolence.visit(c.number);
    assertThat(visit.visitedBy()).isEqualTo("张伟、李晓红");
    assertThat(visit.receiptRef()).isEqualTo("签收单 WW-001");
    assertThat(visit.confirmedBy()).isEqualTo("zhangwei");
    assertThat(visit.approvedBy()).isEqualTo("sunli");
    assertThat(visit.disbursementId())
        .isEqualTo(ledger.forCase(c.number).getFirst().disbursementId());
    satisfactionDissatisfiedThenFollowedUp(c);
    assertThat(endedAt(c)).isEqualTo("EndEvent_Closed");
    assertThat(caseFiles.history(c.number))
        .extracting(HistoryView::action)
        .contains("乡镇确认", "县局审批", "走访慰问", "发放慰问金", "结案");

    var again = steps.pay(c.number, "ServiceTask_Pay:retried");
    assertThat(again.disbursementId()).isEqualTo(visit.disbursementId());
    assertThat(ledger.forCase(c.number)).hasSize(1);
  }

  @Test
  void shouldSendTheVisitRecordBackWhenTheDateLiesInTheFuture() {
    Case c = request(person("王建军", PersonCategory.VETERAN), VisitTrigger.AWARD);
    confirmAndApprove(c);
    recordVisit(c, today().plusDays(3));

    Task again = tasks.await(c.pid, "Task_RecordVisit");
    assertThat(tasks.variables(again)).containsEntry("taskNotice", "走访日期不能晚于今天");
    assertThat(ledger.forCase(c.number)).isEmpty();

    recordVisit(c, today());
    awaitStatus(c, CaseStatus.CLOSED);
    assertThat(ledger.forCase(c.number))
        .extracting(Disbursement::amount)
        .containsExactly(new BigDecimal("500.00"));
  }

  @Test
  void shouldAskForAReasonAndThenCloseAsDeclinedWhenTheTownshipDeclines() {
    Case c = request(person("郑国平", PersonCategory.VETERAN), VisitTrigger.RETURN_HOME);
    tasks.complete(c.pid, "Task_TownshipConfirmation", Map.of("confirmDecision", "DECLINE"));
    Task again = tasks.await(c.pid, "Task_TownshipConfirmation");
    assertThat(tasks.variables(again)).containsEntry("taskNotice", "不予慰问须写明理由");

    tasks.complete(
        c.pid,
        "Task_TownshipConfirmation",
        Map.of("confirmDecision", "DECLINE", "confirmNote", "本人已于去年返乡并已慰问"));

    awaitStatus(c, CaseStatus.DECLINED);
    assertThat(caseFiles.history(c.number))
        .anySatisfy(h -> assertThat(h.reason()).isEqualTo("本人已于去年返乡并已慰问"));
    assertThat(ledger.forCase(c.number)).isEmpty();
  }

  @Test
  void shouldShowTheCountyHardshipHelpForTheSameIllnessAndPayOnlyAfterApproval() {
    PersonView person = person("林志强", PersonCategory.VETERAN);
    String hardshipCase = "BF-350502-2026-H" + person.id();
    ledger.disburse(
        new DisbursementRequest(
            hardshipCase,
            person.id(),
            person.id(),
            Programme.HARDSHIP,
            "HARDSHIP_GRANT",
            "ILLNESS",
            String.valueOf(today().getYear()),
            new BigDecimal("2000.00"),
            DemoRegion.TOWNSHIP));
    Case c = request(person, VisitTrigger.ILLNESS);
    tasks.complete(c.pid, "Task_TownshipConfirmation", Map.of("confirmDecision", "CONFIRM"));

    Task approval = tasks.await(c.pid, "Task_CountyApproval");
    assertThat(tasks.variables(approval).get("duplicateWarning").toString())
        .contains("困难帮扶", hardshipCase, "¥2,000.00", "请审批人核实后决定");
    tasks.complete(
        c.pid,
        "Task_CountyApproval",
        Map.of("approvalDecision", "REFUSE", "approvalReason", "本年已因病获困难帮扶"));
    awaitStatus(c, CaseStatus.DECLINED);
    assertThat(ledger.forCase(c.number)).isEmpty();
  }

  @Test
  void shouldDeclineWithoutCountyTaskWhereTheRegionBlocksCrossProgrammeDuplicates() {
    String township = DemoRegion.OTHER_TOWNSHIP;
    RegisterPerson other =
        new RegisterPerson(
            TestPeople.newIdNumber(),
            "陈永福",
            PersonCategory.VETERAN,
            township,
            null,
            null,
            null,
            List.of());
    PersonView there = registry.register(other);
    ledger.setDuplicateRule(township, true, "测试：临江街道不得跨项目重复发放");
    try {
      ledger.disburse(
          new DisbursementRequest(
              "BF-350502-2026-B" + there.id(),
              there.id(),
              there.id(),
              Programme.HARDSHIP,
              "HARDSHIP_GRANT",
              "ILLNESS",
              String.valueOf(today().getYear()),
              new BigDecimal("800.00"),
              township));
      actors.completes("Task_TownshipConfirmation", "chenjing");
      Case c = request(there, VisitTrigger.ILLNESS, "chenjing");
      tasks.complete(c.pid, "Task_TownshipConfirmation", Map.of("confirmDecision", "CONFIRM"));

      awaitStatus(c, CaseStatus.DECLINED);
      assertThat(passed(c, "Boundary_DuplicateBlocked")).isTrue();
      assertThat(passed(c, "Task_CountyApproval")).isFalse();
      assertThat(endedAt(c)).isEqualTo("EndEvent_Declined");
      assertThat(caseFiles.history(c.number))
          .anySatisfy(h -> assertThat(h.reason()).contains("本地区规定不得重复发放"));
    } finally {
      ledger.setDuplicateRule(township, false, "测试后恢复：仅提示");
    }
  }

  @Test
  void shouldOpenOneFuneralSupportCaseWhenARecipientsDeathIsRecorded() {
    PersonView person = person("烈属 周秀兰", PersonCategory.MARTYR_FAMILY);

    registry.recordDeath(person.id(), today().minusDays(1), "zhangwei");
    registry.recordDeath(person.id(), today().minusDays(1), "zhangwei");

    VisitView funeral =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> condolence.funeralSupportFor(person.id()), v -> v.isPresent())
            .orElseThrow();
    assertThat(funeral.trigger()).isEqualTo(VisitTrigger.DEATH);
    assertThat(funeral.amount()).isEqualByComparingTo("2000.00");
    assertThat(funeral.requestedBy()).isEqualTo("system");
    Case c = started(funeral.caseNumber());
    Task confirm = tasks.await(c.pid, "Task_TownshipConfirmation");
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) tasks.variables(confirm).get("visitFacts");
    assertThat(facts.get("person").toString()).endsWith("（已故）");
    assertThat(facts.get("household").toString()).contains("配偶 李梅");
    confirmAndApprove(c);
    recordVisit(c, today());
    awaitStatus(c, CaseStatus.CLOSED);
    assertThat(ledger.forCase(c.number))
        .extracting(Disbursement::entryType, Disbursement::amount, Disbursement::purpose)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                EntryType.PAYMENT, new BigDecimal("2000.00"), "CONDOLENCE_DEATH"));
    assertThatThrownBy(
            () ->
                condolence.requestVisit(
                    new RequestVisit(person.id(), VisitTrigger.ILLNESS, "探望", "zhangwei")))
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .isEqualTo("该对象已登记去世，丧葬慰问已由系统自动发起");
  }

  @Test
  void shouldRefuseARequestFromAnOfficerOutsideThePersonsTownship() {
    PersonView person = person("孙国强", PersonCategory.VETERAN);
    assertThatThrownBy(
            () ->
                condolence.requestVisit(
                    new RequestVisit(person.id(), VisitTrigger.ILLNESS, "探望", "chenjing")))
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .asString()
        .contains("不在您的管辖范围");
    assertThatThrownBy(
            () ->
                condolence.requestVisit(
                    new RequestVisit(person.id(), VisitTrigger.DEATH, "去世", "zhangwei")))
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .isEqualTo("“去世丧葬慰问”由系统自动发起，不能手工登记");
  }

  // --- scenario steps -------------------------------------------------------------------------

  record Case(String number, String pid) {}

  private PersonView person(String name, PersonCategory category) {
    return registry.register(
        new RegisterPerson(
            TestPeople.newIdNumber(),
            name,
            category,
            DemoRegion.TOWNSHIP,
            DemoRegion.VILLAGE,
            "13800000000",
            null,
            List.of(new HouseholdMember("李梅", "配偶"))));
  }

  private Case request(PersonView person, VisitTrigger trigger) {
    return request(person, trigger, "zhangwei");
  }

  private Case request(PersonView person, VisitTrigger trigger, String by) {
    String number =
        condolence
            .requestVisit(new RequestVisit(person.id(), trigger, trigger.label() + "，上门看望", by))
            .caseNumber();
    return started(number);
  }

  private Case started(String number) {
    String pid = caseFiles.get(number).processInstanceId();
    assertThat(pid).as("process instance of %s", number).isNotNull();
    return new Case(number, pid);
  }

  private void confirmAndApprove(Case c) {
    tasks.complete(c.pid, "Task_TownshipConfirmation", Map.of("confirmDecision", "CONFIRM"));
    tasks.complete(
        c.pid,
        "Task_CountyApproval",
        Map.of("approvalDecision", "APPROVE", "approvalReason", "同意"));
  }

  private void recordVisit(Case c, LocalDate on) {
    tasks.complete(
        c.pid,
        "Task_RecordVisit",
        Map.of(
            "visitedBy", "张伟、李晓红",
            "visitedOn", on.toString(),
            "handedOver", "慰问金及米、油各一份",
            "receiptRef", "签收单 WW-001"));
  }

  private void awaitStatus(Case c, CaseStatus status) {
    tasks.idle();
    assertThat(caseFiles.get(c.number).status()).isEqualTo(status);
  }

  private static LocalDate today() {
    return LocalDate.now(Formats.CHINA);
  }

  private boolean passed(Case c, String elementId) {
    return history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(c.pid)
            .activityId(elementId)
            .count()
        > 0;
  }

  /**
   * The closing satisfaction step: 不满意 without a reason comes back with a Chinese notice and
   * records nothing; with a reason it is recorded once, and the township head gets the follow-up.
   */
  private void satisfactionDissatisfiedThenFollowedUp(Case c) {
    tasks.await(c.pid, "Task_Satisfaction");
    tasks.complete(
        c.pid,
        "Task_Satisfaction",
        Map.of("satisfaction", "DISSATISFIED", "satisfactionChannel", "PHONE"));
    tasks.idle();
    Task again = tasks.await(c.pid, "Task_Satisfaction");
    assertThat(tasks.variables(again).get("taskNotice")).isEqualTo("评价为不满意时须填写不满意的原因");
    assertThat(ratings(c)).isZero();
    tasks.complete(
        c.pid,
        "Task_Satisfaction",
        Map.of(
            "satisfaction", "DISSATISFIED",
            "satisfactionChannel", "PHONE",
            "satisfactionReason", "慰问金发放晚了一周"));
    tasks.idle();
    assertThat(ratings(c)).isEqualTo(1);
    String followUp =
        jdbc.queryForObject(
            "SELECT follow_up_instance FROM satisfaction_rating WHERE case_number = ?",
            String.class,
            c.number);
    assertThat(followUp).isNotNull();
    Task head = tasks.await(followUp, "Task_FollowUpDissatisfied");
    assertThat(tasks.candidateGroups(head)).containsExactly("township-350502001-head");
    tasks.complete(followUp, "Task_FollowUpDissatisfied", Map.of("followUpNote", "已上门致歉并说明原因"));
    tasks.idle();
    assertThat(
            jdbc.queryForObject(
                "SELECT CONCAT(rating, '/', channel, '/', collected_by, '/', followed_up_by, '/', follow_up_note)"
                    + " FROM satisfaction_rating WHERE case_number = ?",
                String.class,
                c.number))
        .isEqualTo("DISSATISFIED/PHONE/zhangwei/liuyang/已上门致歉并说明原因");
  }

  private int ratings(Case c) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM satisfaction_rating WHERE case_number = ?", Integer.class, c.number);
  }

  /** The end event of the finished instance (null while it runs). */
  private String endedAt(Case c) {
    tasks.idle();
    var instance =
        history.createHistoricProcessInstanceQuery().processInstanceId(c.pid).singleResult();
    return instance.getEndTime() == null ? null : instance.getEndActivityId();
  }
}
