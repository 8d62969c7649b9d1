package org.casework.assistance.internal;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.spring.test.ZeebeSpringTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.HistoryView;
import org.casework.common.BusinessRuleException;
import org.casework.ledger.Disbursement;
import org.casework.ledger.Ledger;
import org.casework.registry.RegisterPerson;
import org.casework.support.DemoRegion;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Every path of bpmn/hardship-assistance.bpmn on the in-memory engine, with the real database. */
@SpringBootTest
@ZeebeSpringTest
@ActiveProfiles("test")
@Import({HardshipAssistanceProcessTest.Actors.class, DemoRegion.class})
class HardshipAssistanceProcessTest {

  @TestConfiguration
  static class Actors {
    @Bean
    @Primary
    ScriptedTaskActors scriptedTaskActors() {
      return new ScriptedTaskActors();
    }
  }

  @Autowired ZeebeClient client;
  @Autowired ZeebeTestEngine engine;
  @Autowired HardshipAssistance assistance;
  @Autowired HardshipSteps steps;
  @Autowired CaseFiles caseFiles;
  @Autowired Ledger ledger;
  @Autowired DemoRegion region;
  @Autowired ScriptedTaskActors actors;
  @Autowired JdbcTemplate jdbc;

  UserTasks tasks;

  @BeforeEach
  void setUp() {
    region.ensure();
    tasks = new UserTasks(client, engine);
    actors.reset();
    actors.completes("Task_EmergencyPayment", "zhangwei");
    actors.completes("Task_VillageVerification", "lixiaohong");
    actors.completes("Task_TownshipReview", "zhangwei");
    actors.completes("Task_TownshipHeadApproval", "liuyang");
    actors.completes("Task_CountyApproval", "sunli");
    actors.completes("Task_CountyHeadCountersign", "zhouqiang");
    actors.completes("Task_FollowUpVisit", "lixiaohong");
    actors.completes("Task_Reconsideration", "sunli");
  }

  @Test
  void shouldLetTheTownshipHeadApproveASmallAmountAndPayItOnce() {
    Case c = file("800.00", false, HardshipCause.ILLNESS);

    ActivatedJob verification = tasks.await(c.pik, "Task_VillageVerification");
    assertThat(verification.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"village-350502001001-liaison\"]")
        .containsKey("io.camunda.zeebe:formKey")
        .containsEntry("io.camunda.zeebe:dueDate", caseFiles.get(c.number).stageDueAt().toString());
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.VERIFYING);
    assertThat(caseFiles.get(c.number).stageDueAt()).isNotNull();
    verify(c);
    ActivatedJob review = tasks.await(c.pik, "Task_TownshipReview");
    assertThat(review.getVariablesAsMap()).containsKey("caseFacts");
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) review.getVariablesAsMap().get("caseFacts");
    assertThat(facts.get("idNumber").toString()).contains("**********");
    assertThat(facts.get("amountRequested")).isEqualTo("¥800.00");
    review(c, "ACCEPT", "800.00");

    ActivatedJob approval = tasks.await(c.pik, "Task_TownshipHeadApproval");
    assertThat(approval.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"township-350502001-head\"]");
    approve(c, "Task_TownshipHeadApproval");
    tasks.idle();

    awaitStatus(c, CaseStatus.FOLLOW_UP);
    assertThat(grants(c))
        .extracting(Disbursement::amount)
        .containsExactly(new BigDecimal("800.00"));
    awaitNotice(c, "已批准，帮扶金额 ¥800.00");
    assertThat(processOf(c)).hasNotPassedElement("ServiceTask_StartPublicity");

    passTimer(c, "Timer_FollowUp", Duration.ofDays(31), "Timer_FollowUp");
    tasks.complete(c.pik, "Task_FollowUpVisit", Map.of("followUpNotes", "生活已改善"));
    awaitStatus(c, CaseStatus.CLOSED);
    awaitEnd(c, "EndEvent_Closed");
    assertThat(caseFiles.history(c.number))
        .extracting(HistoryView::actor)
        .contains("zhangwei", "lixiaohong", "liuyang");
  }

  @Test
  void shouldRequestMaterialsOnlyOnceThenGoThroughPublicityToCountyApproval() {
    Case c = file("5000.00", false, HardshipCause.DISASTER);
    verify(c);
    tasks.complete(
        c.pik,
        "Task_TownshipReview",
        Map.of("reviewDecision", "REQUEST_MATERIALS", "missingMaterials", "医院诊断证明；收入证明"));
    awaitStatus(c, CaseStatus.AWAITING_MATERIALS);
    awaitNotice(c, "补正");

    assistance.materialsSubmitted(c.number, "已交诊断证明和收入证明", "zhangwei");
    tasks.complete(
        c.pik,
        "Task_TownshipReview",
        Map.of("reviewDecision", "REQUEST_MATERIALS", "missingMaterials", "再要一份"));
    ActivatedJob again = tasks.await(c.pik, "Task_TownshipReview");
    assertThat(again.getVariablesAsMap().get("taskNotice").toString()).contains("只能一次性告知一次");

    review(c, "ACCEPT", "5000.00");
    awaitStatus(c, CaseStatus.IN_PUBLICITY);
    passTimer(c, "Gateway_Publicity", Duration.ofDays(8), "Timer_PublicityPeriod");
    ActivatedJob county = tasks.await(c.pik, "Task_CountyApproval");
    assertThat(county.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"county-350502-approver\"]");
    approve(c, "Task_CountyApproval");
    awaitStatus(c, CaseStatus.FOLLOW_UP);
    assertThat(processOf(c))
        .hasPassedElement("Timer_PublicityPeriod")
        .hasNotPassedElement("Task_CountyHeadCountersign");
    assertThat(grants(c))
        .extracting(Disbursement::amount)
        .containsExactly(new BigDecimal("5000.00"));
  }

  @Test
  void shouldRequireTheCountyHeadsCountersignFromTenThousandYuan() {
    Case c = file("12000.00", false, HardshipCause.HOUSING);
    verify(c);
    review(c, "ACCEPT", "12000.00");
    passTimer(c, "Gateway_Publicity", Duration.ofDays(8), "Timer_PublicityPeriod");
    approve(c, "Task_CountyApproval");
    ActivatedJob countersign = tasks.await(c.pik, "Task_CountyHeadCountersign");
    assertThat(countersign.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"county-350502-head\"]");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AWAITING_COUNTERSIGN);
    approve(c, "Task_CountyHeadCountersign");
    awaitStatus(c, CaseStatus.FOLLOW_UP);
    assertThat(grants(c))
        .extracting(Disbursement::amount)
        .containsExactly(new BigDecimal("12000.00"));
  }

  @Test
  void shouldSendTheCaseBackToReviewWhenSomeoneObjectsDuringPublicity() {
    Case c = file("3000.00", false, HardshipCause.ILLNESS);
    verify(c);
    review(c, "ACCEPT", "3000.00");
    awaitStatus(c, CaseStatus.IN_PUBLICITY);

    assistance.objectionLodged(c.number, "邻居反映其子女有稳定收入", "zhangwei");
    tasks.await(c.pik, "Task_TownshipReview");
    assertThat(processOf(c))
        .hasPassedElement("Message_PublicityObjection")
        .hasNotPassedElement("Timer_PublicityPeriod");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.UNDER_REVIEW);
    assertThat(caseFiles.history(c.number))
        .anySatisfy(h -> assertThat(h.reason()).isEqualTo("邻居反映其子女有稳定收入"));

    review(c, "ACCEPT", "2500.00");
    passTimer(c, "Gateway_Publicity", Duration.ofDays(8), "Timer_PublicityPeriod");
    approve(c, "Task_TownshipHeadApproval");
    awaitStatus(c, CaseStatus.FOLLOW_UP);
    assertThat(grants(c))
        .extracting(Disbursement::amount)
        .containsExactly(new BigDecimal("2500.00"));
  }

  @Test
  void shouldRefuseWithWrittenReasonsAndTellTheApplicant() {
    Case c = file("2000.00", false, HardshipCause.UNEMPLOYMENT);
    verify(c);
    tasks.complete(
        c.pik,
        "Task_TownshipReview",
        Map.of("reviewDecision", "REFUSE", "reviewReason", "家庭人均收入高于当地低保标准"));
    awaitStatus(c, CaseStatus.REFUSED);
    awaitNotice(c, "家庭人均收入高于当地低保标准");
    awaitNotice(c, "15日内申请复核");
    // no 复核 asked within the period: the refusal stands and cannot be reopened
    passTimer(
        c, "Gateway_AwaitReconsideration", Duration.ofDays(16), "Timer_ReconsiderationWindow");
    awaitEnd(c, "EndEvent_Refused");
    assertThat(ledger.forCase(c.number)).isEmpty();
    assertThatThrownBy(() -> assistance.reconsiderationRequested(c.number, "不服", "zhangwei"))
        .isInstanceOf(BusinessRuleException.class)
        .hasFieldOrPropertyWithValue("code", "RECONSIDERATION_LAPSED");
  }

  @Test
  void shouldReconsiderOnceAndSendTheCaseBackToReviewWhenTheRefusalIsOverturned() {
    Case c = file("2000.00", false, HardshipCause.ACCIDENT);
    verify(c);
    tasks.complete(
        c.pik,
        "Task_TownshipReview",
        Map.of("reviewDecision", "REFUSE", "reviewReason", "未提供医疗费用票据"));
    awaitStatus(c, CaseStatus.REFUSED);

    assistance.reconsiderationRequested(c.number, "票据已补齐，申请复核", "zhangwei");
    ActivatedJob reconsideration = tasks.await(c.pik, "Task_Reconsideration");
    assertThat(reconsideration.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"county-350502-approver\"]");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.RECONSIDERING);
    tasks.complete(
        c.pik,
        "Task_Reconsideration",
        Map.of("reconsiderationDecision", "OVERTURN", "reconsiderationReason", "票据齐全，应予受理"));

    tasks.await(c.pik, "Task_TownshipReview");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.UNDER_REVIEW);
    assertThat(caseFiles.history(c.number))
        .anySatisfy(
            h -> {
              assertThat(h.actor()).isEqualTo("sunli");
              assertThat(h.outcome()).isEqualTo("撤销不予帮扶决定，重新审核");
            });
    assertThatThrownBy(() -> assistance.reconsiderationRequested(c.number, "再次", "zhangwei"))
        .isInstanceOf(BusinessRuleException.class)
        .hasFieldOrPropertyWithValue("code", "RECONSIDERATION_USED");

    // refused again after review: 复核 was used, the refusal is final at once
    tasks.complete(
        c.pik,
        "Task_TownshipReview",
        Map.of("reviewDecision", "REFUSE", "reviewReason", "家庭收入超过标准"));
    awaitStatus(c, CaseStatus.REFUSED);
    awaitEnd(c, "EndEvent_Refused");
    assertThat(processOf(c)).hasPassedElement("Gateway_ReconsiderationOpen", 2);
  }

  @Test
  void shouldLetOnlySomeoneWhoTookNoPartInTheRefusalUpholdIt() {
    Case c = file("6000.00", false, HardshipCause.DISASTER);
    verify(c);
    review(c, "ACCEPT", "6000.00");
    passTimer(c, "Gateway_Publicity", Duration.ofDays(8), "Timer_PublicityPeriod");
    tasks.complete(
        c.pik,
        "Task_CountyApproval",
        Map.of("approvalDecision", "REFUSE", "approvalReason", "已获民政临时救助"));
    awaitStatus(c, CaseStatus.REFUSED);
    assertThatThrownBy(() -> assistance.reconsiderationRequested(c.number, "不服", "chenjing"))
        .isInstanceOf(BusinessRuleException.class)
        .hasFieldOrPropertyWithValue("code", "OUTSIDE_REGION");

    assistance.reconsiderationRequested(c.number, "临时救助金额不足以解决困难", "zhangwei");
    // sunli refused the case: her 复核 is not accepted
    actors.completes("Task_Reconsideration", "sunli");
    tasks.complete(
        c.pik,
        "Task_Reconsideration",
        Map.of("reconsiderationDecision", "UPHOLD", "reconsiderationReason", "维持"));
    ActivatedJob again = tasks.await(c.pik, "Task_Reconsideration");
    assertThat(again.getVariablesAsMap().get("taskNotice").toString()).contains("sunli");

    actors.completes("Task_Reconsideration", "zhouqiang");
    tasks.complete(
        c.pik,
        "Task_Reconsideration",
        Map.of("reconsiderationDecision", "UPHOLD", "reconsiderationReason", "已获同类救助，维持原决定"));
    awaitEnd(c, "EndEvent_RefusalUpheld");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.REFUSED);
    awaitNotice(c, "经复核维持原决定");
    assertThat(ledger.forCase(c.number)).isEmpty();
  }

  @Test
  void shouldRefuseARefusalWithoutReasonAndAskAgain() {
    Case c = file("2000.00", false, HardshipCause.EDUCATION);
    verify(c);
    tasks.complete(
        c.pik, "Task_TownshipReview", Map.of("reviewDecision", "REFUSE", "reviewReason", " "));
    ActivatedJob again = tasks.await(c.pik, "Task_TownshipReview");
    assertThat(again.getVariablesAsMap().get("taskNotice")).isEqualTo("不予帮扶须写明理由");
  }

  @Test
  void shouldRefuseASecondApplicationForTheSameCauseAtFiling() {
    RegisterPerson person = TestPeople.veteran("周大山", DemoRegion.TOWNSHIP, null);
    Case first = file(person, "1500.00", false, HardshipCause.ILLNESS);

    assertThatThrownBy(() -> file(person, "900.00", false, HardshipCause.ILLNESS))
        .isInstanceOf(BusinessRuleException.class)
        .hasFieldOrPropertyWithValue("code", "DUPLICATE_APPLICATION")
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .asString()
        .contains(first.number);
  }

  /** Two filings that raced past the filing check: the process check refuses the later one. */
  @Test
  void shouldRefuseTheLaterOfTwoRacingApplicationsForTheSameCause() {
    RegisterPerson person = TestPeople.veteran("吴海生", DemoRegion.TOWNSHIP, null);
    Case first = file(person, "1500.00", false, HardshipCause.ILLNESS);
    Case later = file(person, "900.00", false, HardshipCause.OTHER);
    jdbc.update(
        "UPDATE assistance_application SET cause = 'ILLNESS' WHERE case_number = ?", later.number);

    verify(later);
    review(later, "ACCEPT", "900.00");
    awaitStatus(later, CaseStatus.REFUSED);
    await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(processOf(later)).isWaitingAtElements("Gateway_AwaitReconsideration"));
    assertThat(processOf(later)).hasPassedElement("ServiceTask_RefuseDuplicate");
    assertThat(assistance.application(later.number).duplicateOf()).isEqualTo(first.number);
    awaitNotice(later, first.number);
  }

  @Test
  void shouldPayAnEmergencyFirstAndOnlyTheRemainderAfterApproval() {
    Case c = file("2000.00", true, HardshipCause.ACCIDENT);
    ActivatedJob emergency = tasks.await(c.pik, "Task_EmergencyPayment");
    assertThat(emergency.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"township-350502001-caseworker\"]");
    tasks.complete(
        c.pik, "Task_EmergencyPayment", Map.of("emergencyAmount", 5000, "emergencyNote", "住院押金"));
    ActivatedJob again = tasks.await(c.pik, "Task_EmergencyPayment");
    assertThat(again.getVariablesAsMap().get("taskNotice").toString()).contains("¥2,000.00");
    tasks.complete(
        c.pik, "Task_EmergencyPayment", Map.of("emergencyAmount", 1500, "emergencyNote", "住院押金"));

    verify(c);
    review(c, "ACCEPT", "2000.00");
    passTimer(c, "Gateway_Publicity", Duration.ofDays(8), "Timer_PublicityPeriod");
    approve(c, "Task_TownshipHeadApproval");
    awaitStatus(c, CaseStatus.FOLLOW_UP);
    assertThat(ledger.forCase(c.number))
        .extracting(Disbursement::purpose, Disbursement::amount)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("EMERGENCY", new BigDecimal("1500.00")),
            org.assertj.core.groups.Tuple.tuple("HARDSHIP_GRANT", new BigDecimal("500.00")));
  }

  @Test
  void shouldNotAcceptAnApprovalByTheCaseworkerWhoReviewedTheCase() {
    Case c = file("900.00", false, HardshipCause.OTHER);
    verify(c);
    review(c, "ACCEPT", "900.00");
    actors.completes("Task_TownshipHeadApproval", "zhangwei");
    approve(c, "Task_TownshipHeadApproval");
    ActivatedJob again = tasks.await(c.pik, "Task_TownshipHeadApproval");
    assertThat(again.getVariablesAsMap().get("taskNotice").toString()).contains("审批人不能是本案的审核人");
    assertThat(ledger.forCase(c.number)).isEmpty();

    actors.completes("Task_TownshipHeadApproval", "liuyang");
    approve(c, "Task_TownshipHeadApproval");
    awaitStatus(c, CaseStatus.FOLLOW_UP);
    assertThat(caseFiles.history(c.number))
        .anySatisfy(h -> assertThat(h.action()).isEqualTo("职责分离检查"));
  }

  @Test
  void shouldEndWithARefusalWhenTheCountyRefuses() {
    Case c = file("6000.00", false, HardshipCause.DISASTER);
    verify(c);
    review(c, "ACCEPT", "6000.00");
    passTimer(c, "Gateway_Publicity", Duration.ofDays(8), "Timer_PublicityPeriod");
    tasks.complete(
        c.pik,
        "Task_CountyApproval",
        Map.of("approvalDecision", "REFUSE", "approvalReason", "已获民政临时救助"));
    awaitStatus(c, CaseStatus.REFUSED);
    assertThat(assistance.application(c.number).refusalReason()).isEqualTo("已获民政临时救助");
    passTimer(
        c, "Gateway_AwaitReconsideration", Duration.ofDays(16), "Timer_ReconsiderationWindow");
    awaitEnd(c, "EndEvent_Refused");
  }

  @Test
  void shouldCloseTheCaseWhenMaterialsDoNotArriveWithinThirtyDays() {
    Case c = file("2000.00", false, HardshipCause.HOUSING);
    verify(c);
    tasks.complete(
        c.pik,
        "Task_TownshipReview",
        Map.of("reviewDecision", "REQUEST_MATERIALS", "missingMaterials", "房屋受损照片"));
    awaitStatus(c, CaseStatus.AWAITING_MATERIALS);
    passTimer(c, "Gateway_WaitMaterials", Duration.ofDays(31), "Timer_MaterialsDeadline");
    awaitStatus(c, CaseStatus.WITHDRAWN);
    awaitEnd(c, "EndEvent_Withdrawn");
  }

  @Test
  void shouldPayOnceWhenThePaymentStepRunsTwice() {
    Case c = file("700.00", false, HardshipCause.OTHER);
    verify(c);
    review(c, "ACCEPT", "700.00");
    approve(c, "Task_TownshipHeadApproval");
    awaitStatus(c, CaseStatus.FOLLOW_UP);
    Disbursement first = grants(c).getFirst();

    var again = steps.recordPayment(c.number, "ServiceTask_RecordPayment:retried");

    assertThat(again.disbursementId()).isEqualTo(first.disbursementId());
    assertThat(grants(c)).hasSize(1);
  }

  // --- scenario steps -------------------------------------------------------------------------

  record Case(String number, long pik) {}

  private Case file(String amount, boolean emergency, HardshipCause cause) {
    return file(
        TestPeople.veteran("陈𠮷国", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
        amount,
        emergency,
        cause);
  }

  private Case file(RegisterPerson person, String amount, boolean emergency, HardshipCause cause) {
    String number =
        assistance
            .apply(
                new ApplyForAssistance(
                    person,
                    cause,
                    "困难情况说明",
                    new BigDecimal(amount),
                    new BigDecimal("1200.00"),
                    emergency,
                    "zhangwei"))
            .caseNumber();
    Long pik =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> caseFiles.get(number).processInstanceKey(), key -> key != null);
    return new Case(number, pik);
  }

  private void verify(Case c) {
    tasks.complete(
        c.pik,
        "Task_VillageVerification",
        Map.of("verificationConfirmed", true, "verificationFindings", "入户核实，情况属实"));
  }

  private void review(Case c, String decision, String amount) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("reviewDecision", decision);
    vars.put("reviewReason", "符合帮扶条件");
    vars.put("recommendedAmount", new BigDecimal(amount));
    tasks.complete(c.pik, "Task_TownshipReview", vars);
  }

  private void approve(Case c, String task) {
    tasks.complete(c.pik, task, Map.of("approvalDecision", "APPROVE", "approvalReason", "同意"));
  }

  private void awaitStatus(Case c, CaseStatus status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> caseFiles.get(c.number).status() == status);
  }

  /** The one way tests move time: assert waiting at the timer, advance the clock, assert passed. */
  private void passTimer(Case c, String waitingAt, Duration advance, String timer) {
    await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(processOf(c)).isWaitingAtElements(waitingAt));
    tasks.advance(advance);
    await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(processOf(c)).hasPassedElement(timer));
  }

  /** Ends are reached a worker or two after the status a user sees: wait for them. */
  private void awaitEnd(Case c, String endEvent) {
    await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(processOf(c)).isCompleted().hasPassedElement(endEvent));
  }

  private void awaitNotice(Case c, String text) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(caseFiles.notices(c.number))
                    .anySatisfy(n -> assertThat(n.text()).contains(text)));
  }

  private List<Disbursement> grants(Case c) {
    return ledger.forCase(c.number).stream()
        .filter(d -> d.purpose().equals("HARDSHIP_GRANT"))
        .toList();
  }

  private InspectedProcessInstance processOf(Case c) {
    return new InspectedProcessInstance(c.pik);
  }
}
