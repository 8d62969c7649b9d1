package org.casework.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
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
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.ledger.Disbursement;
import org.casework.ledger.Ledger;
import org.casework.registry.RegisterPerson;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of bpmn/hardship-assistance.bpmn on the embedded engine, with the real database: due
 * jobs and timers run in the test's thread ({@link UserTasks}), so every assertion after a step
 * sees its effect at once.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class HardshipAssistanceProcessTest {

  @Autowired UserTasks tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired HardshipAssistance assistance;
  @Autowired HardshipSteps steps;
  @Autowired CaseFiles caseFiles;
  @Autowired Ledger ledger;
  @Autowired DemoRegion region;
  @Autowired ScriptedTaskActors actors;
  @Autowired JdbcTemplate jdbc;
  @Autowired Jurisdiction jurisdiction;

  @BeforeEach
  void setUp() {
    region.ensure();
    actors.reset();
    actors.completes("Task_EmergencyPayment", "zhangwei");
    actors.completes("Task_VillageVerification", "lixiaohong");
    actors.completes("Task_TownshipReview", "zhangwei");
    actors.completes("Task_TownshipHeadApproval", "liuyang");
    actors.completes("Task_CountyApproval", "sunli");
    actors.completes("Task_CountyHeadCountersign", "zhouqiang");
    actors.completes("Task_FollowUpVisit", "lixiaohong");
    actors.completes("Task_Reconsideration", "sunli");
    actors.completes("Task_Satisfaction", "zhangwei");
  }

  @Test
  void shouldLetTheTownshipHeadApproveASmallAmountAndPayItOnce() {
    Case c = file("800.00", false, HardshipCause.ILLNESS);

    Task verification = tasks.await(c.pik, "Task_VillageVerification");
    assertThat(tasks.candidateGroups(verification)).containsExactly("village-350502001001-liaison");
    assertThat(verification.getOperatonFormRef()).isNotNull();
    assertThat(verification.getOperatonFormRef().getKey())
        .isEqualTo("hardship-village-verification");
    assertThat(verification.getDueDate()).isNotNull();
    assertThat(verification.getDueDate().toInstant())
        .isEqualTo(caseFiles.get(c.number).stageDueAt().truncatedTo(ChronoUnit.SECONDS));
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.VERIFYING);
    assertThat(caseFiles.get(c.number).stageDueAt()).isNotNull();
    verify(c);
    Task review = tasks.await(c.pik, "Task_TownshipReview");
    assertThat(tasks.variables(review)).containsKey("caseFacts");
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) tasks.variables(review).get("caseFacts");
    assertThat(facts.get("idNumber").toString()).contains("**********");
    assertThat(facts.get("amountRequested")).isEqualTo("¥800.00");
    review(c, "ACCEPT", "800.00");

    Task approval = tasks.await(c.pik, "Task_TownshipHeadApproval");
    // amounts are numbers in the process (Double): the authority and publicity tables compare them
    assertThat(tasks.variables(c.pik))
        .containsEntry("amount", 800.0)
        .containsEntry("townshipLimit", 2850.0)
        .containsEntry("approvalLevel", "TOWNSHIP")
        .containsEntry("publicityRequired", false);
    assertThat(tasks.candidateGroups(approval)).containsExactly("township-350502001-head");
    approve(c, "Task_TownshipHeadApproval");
    tasks.idle();

    awaitStatus(c, CaseStatus.FOLLOW_UP);
    assertThat(grants(c))
        .extracting(Disbursement::amount)
        .containsExactly(new BigDecimal("800.00"));
    awaitNotice(c, "已批准，帮扶金额 ¥800.00");
    assertNotPassed(c, "ServiceTask_StartPublicity");

    passTimer(c, "Timer_FollowUp", Duration.ofDays(31), "Timer_FollowUp");
    tasks.complete(c.pik, "Task_FollowUpVisit", Map.of("followUpNotes", "生活已改善"));
    awaitStatus(c, CaseStatus.CLOSED);
    tasks.complete(
        c.pik,
        "Task_Satisfaction",
        Map.of("satisfaction", "SATISFIED", "satisfactionChannel", "VISIT"));
    awaitEnd(c, "EndEvent_Closed");
    assertThat(
            jdbc.queryForObject(
                "SELECT CONCAT(rating, '/', channel, '/', collected_by) FROM satisfaction_rating"
                    + " WHERE case_number = ?",
                String.class,
                c.number))
        .isEqualTo("SATISFIED/VISIT/zhangwei");
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
    Task again = tasks.await(c.pik, "Task_TownshipReview");
    assertThat(tasks.variables(again).get("taskNotice").toString()).contains("只能一次性告知一次");

    review(c, "ACCEPT", "5000.00");
    awaitStatus(c, CaseStatus.IN_PUBLICITY);
    passTimer(c, "Gateway_Publicity", Duration.ofDays(8), "Timer_PublicityPeriod");
    Task county = tasks.await(c.pik, "Task_CountyApproval");
    assertThat(tasks.candidateGroups(county)).containsExactly("county-350502-approver");
    approve(c, "Task_CountyApproval");
    awaitStatus(c, CaseStatus.FOLLOW_UP);
    assertPassed(c, "Timer_PublicityPeriod");
    assertNotPassed(c, "Task_CountyHeadCountersign");
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
    Task countersign = tasks.await(c.pik, "Task_CountyHeadCountersign");
    assertThat(tasks.candidateGroups(countersign)).containsExactly("county-350502-head");
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
    assertPassed(c, "Message_PublicityObjection");
    assertNotPassed(c, "Timer_PublicityPeriod");
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
    Task reconsideration = tasks.await(c.pik, "Task_Reconsideration");
    assertThat(tasks.candidateGroups(reconsideration)).containsExactly("county-350502-approver");
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
    assertThat(passed(c, "Gateway_ReconsiderationOpen")).isEqualTo(2);
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
    // sunli refused the case: her 复核 is refused when she completes it, the task stays open
    Task open = tasks.await(c.pik, "Task_Reconsideration");
    actors.completes("Task_Reconsideration", "sunli");
    Throwable refused =
        catchThrowable(
            () ->
                tasks.complete(
                    c.pik,
                    "Task_Reconsideration",
                    Map.of("reconsiderationDecision", "UPHOLD", "reconsiderationReason", "维持")));
    BusinessRuleException rule = businessRuleIn(refused);
    assertThat(rule).as("a BusinessRuleException in %s", refused).isNotNull();
    assertThat(rule.code()).isEqualTo("SEPARATION_OF_DUTIES");
    assertThat(rule.userMessage()).contains("sunli").contains("不能复核");
    assertThat(tasks.await(c.pik, "Task_Reconsideration").getId()).isEqualTo(open.getId());
    assertThat(caseFiles.history(c.number))
        .noneSatisfy(h -> assertThat(h.action()).isIn("复核", "职责分离检查"));

    // another county approver, who took no part
    // (a user no other test gives another role: the suite shares one database)
    jurisdiction.addStaff(
        "qianjun", "钱军", Role.COUNTY_APPROVER, new RegionCode(DemoRegion.COUNTY), "demo123");
    actors.completes("Task_Reconsideration", "qianjun");
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
    Task again = tasks.await(c.pik, "Task_TownshipReview");
    assertThat(tasks.variables(again).get("taskNotice")).isEqualTo("不予帮扶须写明理由");
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

    // no village given: the township's caseworkers verify
    assertThat(tasks.candidateGroups(tasks.await(later.pik, "Task_VillageVerification")))
        .containsExactly("township-350502001-caseworker");
    actors.completes("Task_VillageVerification", "zhangwei");
    verify(later);
    review(later, "ACCEPT", "900.00");
    awaitStatus(later, CaseStatus.REFUSED);
    assertWaitingAt(later, "Gateway_AwaitReconsideration");
    assertPassed(later, "ServiceTask_RefuseDuplicate");
    assertThat(tasks.variables(later.pik).get("duplicateOf")).isEqualTo(first.number);
    assertThat(assistance.application(later.number).duplicateOf()).isEqualTo(first.number);
    awaitNotice(later, first.number);
  }

  @Test
  void shouldPayAnEmergencyFirstAndOnlyTheRemainderAfterApproval() {
    Case c = file("2000.00", true, HardshipCause.ACCIDENT);
    Task emergency = tasks.await(c.pik, "Task_EmergencyPayment");
    assertThat(tasks.candidateGroups(emergency)).containsExactly("township-350502001-caseworker");
    tasks.complete(
        c.pik, "Task_EmergencyPayment", Map.of("emergencyAmount", 5000, "emergencyNote", "住院押金"));
    Task again = tasks.await(c.pik, "Task_EmergencyPayment");
    assertThat(tasks.variables(again).get("taskNotice").toString()).contains("¥2,000.00");
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
  void shouldRefuseTheApprovalOfTheCaseworkerWhoReviewedTheCaseAtCompletion() {
    Case c = file("900.00", false, HardshipCause.OTHER);
    verify(c);
    review(c, "ACCEPT", "900.00");
    actors.completes("Task_TownshipHeadApproval", "zhangwei");
    // as a caseworker he is not of the approval task's group: the engine does not let him
    assertThatThrownBy(() -> approve(c, "Task_TownshipHeadApproval"))
        .isInstanceOf(AuthorizationException.class);
    // promoted to township head meanwhile: he may approve, but not the case he reviewed
    Task open = tasks.await(c.pik, "Task_TownshipHeadApproval");
    int historyBefore = caseFiles.history(c.number).size();
    CaseStatus statusBefore = caseFiles.get(c.number).status();
    jurisdiction.reassign("zhangwei", Role.TOWNSHIP_HEAD, new RegionCode(DemoRegion.TOWNSHIP));
    Throwable refused;
    try {
      refused = catchThrowable(() -> approve(c, "Task_TownshipHeadApproval"));
    } finally {
      jurisdiction.reassign(
          "zhangwei", Role.TOWNSHIP_CASEWORKER, new RegionCode(DemoRegion.TOWNSHIP));
    }
    BusinessRuleException rule = businessRuleIn(refused);
    assertThat(rule).as("a BusinessRuleException in %s", refused).isNotNull();
    assertThat(rule.code()).isEqualTo("SEPARATION_OF_DUTIES");
    assertThat(rule.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN);
    assertThat(rule.userMessage()).contains("zhangwei").contains("本案的审核人");

    // refused at completion: the same task still open, nothing written, the attempt audited
    Task still = tasks.await(c.pik, "Task_TownshipHeadApproval");
    assertThat(still.getId()).isEqualTo(open.getId());
    assertThat(caseFiles.get(c.number).status()).isEqualTo(statusBefore);
    // only his claim (its own command, before the completion) was written
    assertThat(
            caseFiles.history(c.number).subList(historyBefore, caseFiles.history(c.number).size()))
        .extracting(HistoryView::action)
        .containsExactly("认领任务：乡镇分管领导审批");
    assertThat(ledger.forCase(c.number)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE kind = 'TASK_RULE_REFUSED'"
                    + " AND actor = 'zhangwei' AND case_number = ?",
                Long.class,
                c.number))
        .isEqualTo(1);

    actors.completes("Task_TownshipHeadApproval", "liuyang");
    approve(c, "Task_TownshipHeadApproval");
    awaitStatus(c, CaseStatus.FOLLOW_UP);
    assertThat(caseFiles.history(c.number))
        .noneSatisfy(h -> assertThat(h.action()).isEqualTo("职责分离检查"));
  }

  @Test
  void shouldSendAnUnknownApprovalDecisionBackToTheApproverInsteadOfApproving() {
    Case c = file("700.00", false, HardshipCause.OTHER);
    verify(c);
    review(c, "ACCEPT", "700.00");
    tasks.complete(
        c.pik,
        "Task_TownshipHeadApproval",
        Map.of("approvalDecision", "MAYBE", "approvalReason", "同意"));
    Task again = tasks.await(c.pik, "Task_TownshipHeadApproval");
    assertThat(tasks.variables(again).get("taskNotice").toString()).contains("审批意见「MAYBE」无法识别");
    assertThat(ledger.forCase(c.number)).isEmpty();
    assertThat(caseFiles.get(c.number).status()).isNotEqualTo(CaseStatus.APPROVED);

    approve(c, "Task_TownshipHeadApproval");
    awaitStatus(c, CaseStatus.FOLLOW_UP);
  }

  private static BusinessRuleException businessRuleIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BusinessRuleException b) {
        return b;
      }
    }
    return null;
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

  @Test
  void shouldKeepAFourByteNameThroughTheFormTheVariablesAndTheHistory() {
    // 𠮷 (U+20BB7) is 4 bytes in UTF-8: the engine's own 3-byte "utf8" tables refused it
    Case c =
        file(
            TestPeople.veteran("王𠮷祥", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
            "800.00",
            false,
            HardshipCause.ILLNESS);
    tasks.complete(
        c.pik,
        "Task_VillageVerification",
        Map.of("verificationConfirmed", true, "verificationFindings", "王𠮷祥家中核实属实"));

    Task review = tasks.await(c.pik, "Task_TownshipReview");
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) tasks.variables(review).get("caseFacts");
    assertThat(facts.get("applicant")).isEqualTo("王𠮷祥");
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(c.pik)
                .variableName("verificationFindings")
                .singleResult()
                .getValue())
        .isEqualTo("王𠮷祥家中核实属实");
    assertThat(caseFiles.history(c.number)).extracting(HistoryView::actor).contains("lixiaohong");
  }

  // --- scenario steps -------------------------------------------------------------------------

  record Case(String number, String pik) {}

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
    // the instance is started in the filing transaction
    String pik = caseFiles.get(number).processInstanceId();
    assertThat(pik).isNotNull();
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

  /** Runs what is due (async steps), then checks the case's status. */
  private void awaitStatus(Case c, CaseStatus status) {
    tasks.idle();
    assertThat(caseFiles.get(c.number).status()).isEqualTo(status);
  }

  /** The one way tests move time: assert waiting at the timer, advance the clock, assert passed. */
  private void passTimer(Case c, String waitingAt, Duration advance, String timer) {
    tasks.idle();
    assertWaitingAt(c, waitingAt);
    tasks.advance(advance);
    assertPassed(c, timer);
  }

  /** The instance ended, at {@code endEvent}. */
  private void awaitEnd(Case c, String endEvent) {
    tasks.idle();
    HistoricProcessInstance instance =
        history.createHistoricProcessInstanceQuery().processInstanceId(c.pik).singleResult();
    assertThat(instance.getEndTime()).as("instance %s ended", c.pik).isNotNull();
    assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(instance.getEndActivityId()).isEqualTo(endEvent);
    assertPassed(c, endEvent);
  }

  private void awaitNotice(Case c, String text) {
    tasks.idle();
    assertThat(caseFiles.notices(c.number)).anySatisfy(n -> assertThat(n.text()).contains(text));
  }

  private List<Disbursement> grants(Case c) {
    return ledger.forCase(c.number).stream()
        .filter(d -> d.purpose().equals("HARDSHIP_GRANT"))
        .toList();
  }

  /** How often the instance went through {@code elementId} (finished activity instances). */
  private long passed(Case c, String elementId) {
    return history
        .createHistoricActivityInstanceQuery()
        .processInstanceId(c.pik)
        .activityId(elementId)
        .finished()
        .count();
  }

  private void assertPassed(Case c, String elementId) {
    assertThat(passed(c, elementId)).as("passed %s", elementId).isPositive();
  }

  private void assertNotPassed(Case c, String elementId) {
    assertThat(passed(c, elementId)).as("passed %s", elementId).isZero();
  }

  private void assertWaitingAt(Case c, String elementId) {
    assertThat(runtime.getActiveActivityIds(c.pik)).contains(elementId);
  }
}
