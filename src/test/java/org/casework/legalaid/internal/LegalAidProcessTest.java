package org.casework.legalaid.internal;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.HistoryView;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.legalaid.AidOutcome;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.HardshipCheck;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.MatterType;
import org.casework.legalaid.TerminationGround;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;
import org.casework.sla.ClockState;
import org.casework.sla.Clocks;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/** Every path of bpmn/legal-aid.bpmn on the in-memory engine, with the real database. */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import({LegalAidProcessTest.Actors.class, DemoRegion.class})
class LegalAidProcessTest {

  static final String LEGAL_AID_GROUP = "[\"county-350502-legal-aid\"]";

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
  @Autowired LegalAid legalAid;
  @Autowired CaseFiles caseFiles;
  @Autowired Clocks clocks;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired ScriptedTaskActors actors;
  @Autowired LegalAidSteps steps;

  UserTasks tasks;

  @BeforeEach
  void setUp() {
    region.ensure();
    LegalAidTestSupport.staff(jurisdiction, legalAid);
    tasks = new UserTasks(client, engine);
    actors.reset();
    actors.completes("Task_CheckCompleteness", "wuhua");
    actors.completes("Task_Decide", "wuhua");
    actors.completes("Task_AssignLawyer", "wuhua");
    actors.completes("Task_DecideObjection", "wuhua");
    actors.completes("Task_CaseWork", "xuming");
    actors.completes("Task_CloseAndArchive", "xuming");
    actors.completes("Task_SatisfactionSurvey", "wuhua");
  }

  @Test
  void shouldTakeAVeteransCaseFromCheckToDecisionAssignmentClosingAndSurvey() {
    Case c = file(PersonCategory.VETERAN, MatterType.LABOUR, null);
    assertThat(legalAid.application(c.number).hardshipCheck()).isEqualTo(HardshipCheck.REQUIRED);

    ActivatedJob check = tasks.await(c.pik, "Task_CheckCompleteness");
    assertThat(check.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", LEGAL_AID_GROUP)
        .containsKey("io.camunda.zeebe:formKey")
        .containsEntry("io.camunda.zeebe:dueDate", caseFiles.get(c.number).stageDueAt().toString());
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AID_REVIEW);
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) check.getVariablesAsMap().get("caseFacts");
    assertThat(facts.get("idNumber").toString()).contains("**********");
    assertThat(facts.get("lawyers").toString()).contains("xuming 徐明", "heli 何丽");
    complete(c);

    // a veteran is not in a waived group: granting needs the verified financial hardship
    tasks.complete(c.pik, "Task_Decide", Map.of("decision", "GRANT"));
    ActivatedJob again = tasks.await(c.pik, "Task_Decide");
    assertThat(again.getVariablesAsMap().get("taskNotice").toString()).contains("须核查经济困难状况");
    decide(c, "GRANT", "经核查月收入低于当地标准", true);
    await()
        .until(
            () ->
                clocks.find(c.number, Clocks.CASE_CLOCK).orElseThrow().state()
                    == ClockState.STOPPED);

    ActivatedJob assign = tasks.await(c.pik, "Task_AssignLawyer");
    assertThat(assign.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", LEGAL_AID_GROUP);
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AWAITING_ASSIGNMENT);
    assertThat(stageDays(c, "Task_AssignLawyer")).isEqualTo(3);
    assign(c, "xuming");

    ActivatedJob work = tasks.await(c.pik, "Task_CaseWork");
    assertThat(work.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "xuming");
    assertThat(caseFiles.get(c.number).assignedOfficer()).isEqualTo("xuming");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    tasks.complete(
        c.pik, "Task_CaseWork", Map.of("progressAction", "NOTE", "progressNote", "已向劳动仲裁委提交仲裁申请"));
    ActivatedJob second = tasks.await(c.pik, "Task_CaseWork");
    assertThat(second.getVariablesAsMap()).containsEntry("progressNote", "");
    tasks.complete(
        c.pik,
        "Task_CaseWork",
        Map.of("progressAction", "MATTER_ENDED", "progressNote", "仲裁裁决支持全部请求"));

    ActivatedJob closing = tasks.await(c.pik, "Task_CloseAndArchive");
    assertThat(closing.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "xuming");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.CLOSING);
    assertThat(stageDays(c, "Task_CloseAndArchive")).isEqualTo(30);
    tasks.complete(c.pik, "Task_CloseAndArchive", closingVars("WON", "-1"));
    ActivatedJob retry = tasks.await(c.pik, "Task_CloseAndArchive");
    assertThat(retry.getVariablesAsMap().get("taskNotice").toString()).contains("不能为负数");
    tasks.complete(c.pik, "Task_CloseAndArchive", closingVars("WON", "18000.5"));

    ActivatedJob survey = tasks.await(c.pik, "Task_SatisfactionSurvey");
    assertThat(survey.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", LEGAL_AID_GROUP);
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.FOLLOW_UP);
    tasks.complete(
        c.pik,
        "Task_SatisfactionSurvey",
        Map.of("satisfaction", "SATISFIED", "surveyComment", "感谢"));
    awaitEnd(c, "EndEvent_Closed");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(caseFiles.get(c.number).reviewHold()).isFalse();

    var view = legalAid.application(c.number);
    assertThat(view.outcome()).isEqualTo(AidOutcome.WON);
    assertThat(view.moneyRecovered()).isEqualByComparingTo("18000.50");
    assertThat(view.satisfaction()).isEqualTo("SATISFIED");
    assertThat(view.hardshipGround()).isEqualTo("经核查，申请人符合经济困难标准");
    assertThat(caseFiles.history(c.number))
        .extracting(HistoryView::action, HistoryView::outcome)
        .contains(
            org.assertj.core.groups.Tuple.tuple("作出决定", "给予法律援助"),
            org.assertj.core.groups.Tuple.tuple("指派承办人", "指派 徐明"),
            org.assertj.core.groups.Tuple.tuple("办理进展", "进展记录"),
            org.assertj.core.groups.Tuple.tuple("结案归档", "胜诉，挽回 ¥18,000.50"),
            org.assertj.core.groups.Tuple.tuple("满意度回访", "满意"));
    assertThat(caseFiles.history(c.number))
        .extracting(HistoryView::actor)
        .contains("wuhua", "xuming");
  }

  @Test
  void shouldAskForMissingMaterialsOnceAndPauseTheCaseClockUntilTheyArrive() {
    Case c = file(PersonCategory.VETERAN, MatterType.MAINTENANCE, null);
    tasks.complete(
        c.pik,
        "Task_CheckCompleteness",
        Map.of("materialsCheck", "INCOMPLETE", "missingMaterials", "户口簿；子女收入证明；赡养协议"));
    awaitStatus(c, CaseStatus.AWAITING_MATERIALS);
    awaitNotice(c, "户口簿；子女收入证明；赡养协议");
    await().until(() -> caseClock(c) == ClockState.PAUSED);

    legalAid.materialsSubmitted(c.number, "已补交全部材料", "wuhua");
    await().until(() -> caseClock(c) == ClockState.RUNNING);
    tasks.complete(
        c.pik,
        "Task_CheckCompleteness",
        Map.of("materialsCheck", "INCOMPLETE", "missingMaterials", "再补一份"));
    ActivatedJob again = tasks.await(c.pik, "Task_CheckCompleteness");
    assertThat(again.getVariablesAsMap().get("taskNotice").toString()).contains("只能一次性告知一次");
    complete(c);
    tasks.await(c.pik, "Task_Decide");
    assertThat(processOf(c)).hasPassedElement("Message_MaterialsSubmitted");
    assertThat(caseFiles.history(c.number))
        .anySatisfy(h -> assertThat(h.action()).isEqualTo("收到补正材料"));
  }

  @Test
  void shouldRequestMaterialsOnceWhenTheStepRunsTwice() {
    Case c = file(PersonCategory.VETERAN, MatterType.MAINTENANCE, null);
    tasks.await(c.pik, "Task_CheckCompleteness");
    var in = new LegalAidVariables.CompletenessInput(c.number, "INCOMPLETE", "户口簿；收入证明");
    assertThat(steps.recordCompleteness(in, "ServiceTask_RecordCompleteness:1").materialsComplete())
        .isFalse();
    assertThat(steps.recordCompleteness(in, "ServiceTask_RecordCompleteness:1").materialsComplete())
        .as("a retried job is not a second 补正")
        .isFalse();
    assertThat(caseFiles.history(c.number))
        .filteredOn(h -> "一次性告知补正".equals(h.outcome()))
        .hasSize(1);
  }

  @Test
  void shouldTreatTheApplicationAsWithdrawnWhenMaterialsDoNotArriveInThirtyDays() {
    Case c = file(PersonCategory.VETERAN, MatterType.PROPERTY, null);
    tasks.complete(
        c.pik,
        "Task_CheckCompleteness",
        Map.of("materialsCheck", "INCOMPLETE", "missingMaterials", "房屋产权证明"));
    awaitStatus(c, CaseStatus.AWAITING_MATERIALS);
    passTimer(c, "Gateway_WaitMaterials", Duration.ofDays(31), "Timer_MaterialsDeadline");
    awaitStatus(c, CaseStatus.WITHDRAWN);
    awaitEnd(c, "EndEvent_Withdrawn");
    assertThat(caseClock(c)).isEqualTo(ClockState.STOPPED);
  }

  @Test
  void shouldNotCheckFinancesForAMatterTheLawExempts() {
    Case c = file(PersonCategory.VETERAN, MatterType.MARTYR_REPUTATION, null);
    var view = legalAid.application(c.number);
    assertThat(view.hardshipCheck()).isEqualTo(HardshipCheck.EXEMPT);
    assertThat(view.hardshipGround()).contains("第三十二条");
    complete(c);
    tasks.complete(c.pik, "Task_Decide", Map.of("decision", "GRANT"));
    tasks.await(c.pik, "Task_AssignLawyer");
    assertThat(legalAid.application(c.number).hardshipGround()).contains("英雄烈士");
  }

  @Test
  void shouldWaiveVerificationForEntitledPersonsAndForGroupsTheRegionAdds() {
    Case martyrFamily = file(PersonCategory.MARTYR_FAMILY, MatterType.PENSION, null);
    var view = legalAid.application(martyrFamily.number);
    assertThat(view.hardshipCheck()).isEqualTo(HardshipCheck.WAIVED);
    assertThat(view.hardshipGround()).contains("优抚对象", "第四十二条");
    complete(martyrFamily);
    tasks.complete(martyrFamily.pik, "Task_Decide", Map.of("decision", "GRANT"));
    tasks.await(martyrFamily.pik, "Task_AssignLawyer");

    // 临江街道 adds veterans to the waived groups; 海滨街道 does not
    legalAid.waiveVerificationFor(
        DemoRegion.OTHER_TOWNSHIP, PersonCategory.VETERAN, "临江街道：退役军人免予核查经济困难状况（街道规定）");
    Case there =
        file(
            LegalAidTestSupport.person(
                LegalAidTestSupport.uniqueName(),
                PersonCategory.VETERAN,
                DemoRegion.OTHER_TOWNSHIP),
            MatterType.LABOUR,
            LegalAidTestSupport.uniqueName(),
            null);
    assertThat(legalAid.application(there.number).hardshipCheck()).isEqualTo(HardshipCheck.WAIVED);
    assertThat(legalAid.application(there.number).hardshipGround()).contains("临江街道");
    Case here = file(PersonCategory.VETERAN, MatterType.LABOUR, null);
    assertThat(legalAid.application(here.number).hardshipCheck()).isEqualTo(HardshipCheck.REQUIRED);
  }

  @Test
  void shouldKeepTheRefusalWhenTheObjectionIsNotUpheld() {
    Case c = refused();
    legalAid.objectionLodged(c.number, "本人确无收入来源，请求重新审查", "wuhua");
    ActivatedJob objection = tasks.await(c.pik, "Task_DecideObjection");
    assertThat(objection.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", LEGAL_AID_GROUP);
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.OBJECTION_REVIEW);
    assertThat(stageDays(c, "Task_DecideObjection")).isEqualTo(5);
    tasks.complete(c.pik, "Task_DecideObjection", Map.of("objectionOutcome", "UPHELD"));
    ActivatedJob again = tasks.await(c.pik, "Task_DecideObjection");
    assertThat(again.getVariablesAsMap().get("taskNotice").toString()).contains("须写明理由");
    tasks.complete(
        c.pik,
        "Task_DecideObjection",
        Map.of("objectionOutcome", "UPHELD", "objectionReason", "申请人有稳定养老金收入"));
    awaitEnd(c, "EndEvent_Refused");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AID_REFUSED);
    awaitNotice(c, "维持原决定");
    assertThat(legalAid.application(c.number).objectionOutcome()).isEqualTo("UPHELD");
  }

  @Test
  void shouldGrantAidAndAssignALawyerWhenTheObjectionOverturnsTheRefusal() {
    Case c = refused();
    legalAid.objectionLodged(c.number, "提供了新的收入证明", "wuhua");
    tasks.complete(
        c.pik,
        "Task_DecideObjection",
        Map.of("objectionOutcome", "OVERTURNED", "objectionReason", "新证据表明申请人符合经济困难标准"));
    tasks.await(c.pik, "Task_AssignLawyer");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AWAITING_ASSIGNMENT);
    assertThat(caseFiles.get(c.number).closedAt()).isNull();
    assign(c, "heli");
    tasks.await(c.pik, "Task_CaseWork");
    assertThat(legalAid.application(c.number).decision()).isEqualTo("GRANT");
    assertThat(legalAid.application(c.number).hardshipGround()).contains("责令改正");
  }

  @Test
  void shouldCloseARefusedCaseWhenNoObjectionComes() {
    Case c = refused();
    passTimer(c, "Gateway_WaitObjection", Duration.ofDays(61), "Timer_ObjectionWindow");
    awaitEnd(c, "EndEvent_Refused");
    assertThat(caseFiles.history(c.number))
        .anySatisfy(h -> assertThat(h.reason()).isEqualTo("未在期限内提出异议"));
  }

  @Test
  void shouldHoldTheCaseWhenAnotherLawyerCompletesTheAssignedCaseWork() {
    LocalDate hearing = Formats.chinaDate(java.time.Instant.now()).plusDays(3);
    Case c = file(PersonCategory.VETERAN, MatterType.PERSONAL_INJURY, hearing);
    tasks.await(c.pik, "Task_AssignLawyer");
    assign(c, "xuming");
    complete(c);
    decide(c, "GRANT", "核查属实", true);
    tasks.await(c.pik, "Task_CaseWork");
    // Tasklist 8.6 lets 何丽 open and complete 徐明's task: the product detects it
    actors.completes("Task_CaseWork", "heli");
    tasks.complete(
        c.pik, "Task_CaseWork", Map.of("progressAction", "NOTE", "progressNote", "代为提交材料"));

    await().atMost(Duration.ofSeconds(30)).until(() -> caseFiles.get(c.number).reviewHold());
    assertThat(caseFiles.get(c.number).reviewHoldReason())
        .contains("heli")
        .contains("指派给承办人 xuming");
    assertThat(caseFiles.history(c.number)).extracting(HistoryView::action).contains("越权办理预警");
  }

  @Test
  void shouldAssignFirstAndCheckAfterwardsWhenTheHearingIsLessThanSevenDaysAway() {
    LocalDate hearing = Formats.chinaDate(java.time.Instant.now()).plusDays(3);
    Case c = file(PersonCategory.VETERAN, MatterType.PERSONAL_INJURY, hearing);
    assertThat(legalAid.application(c.number).urgent()).isTrue();
    tasks.await(c.pik, "Task_AssignLawyer");
    assertThat(processOf(c)).hasNotPassedElement("Task_CheckCompleteness");
    assign(c, "xuming");
    tasks.await(c.pik, "Task_CheckCompleteness");
    assertThat(caseFiles.get(c.number).assignedOfficer()).isEqualTo("xuming");
    complete(c);
    decide(c, "GRANT", "核查属实", true);
    tasks.await(c.pik, "Task_CaseWork");
    assertThat(processOf(c)).hasPassedElement("Flow_AssignedAlready");
    assertThat(caseFiles.history(c.number)).filteredOn(h -> h.action().equals("指派承办人")).hasSize(1);
  }

  @Test
  void shouldEndUrgentAidWhenTheLaterCheckRefuses() {
    LocalDate limitation = Formats.chinaDate(java.time.Instant.now()).plusDays(2);
    Case c = file(PersonCategory.VETERAN, MatterType.LABOUR, limitation);
    assign(c, "heli");
    complete(c);
    decide(c, "REFUSE", "经核查不符合经济困难标准", null);
    passTimer(c, "Gateway_WaitObjection", Duration.ofDays(61), "Timer_ObjectionWindow");
    awaitEnd(c, "EndEvent_Refused");
    assertThat(caseFiles.history(c.number))
        .anySatisfy(h -> assertThat(h.outcome()).isEqualTo("终止先行援助"));
  }

  @Test
  void shouldRefuseALawyerWhoActsForTheOtherPartyAndNameThatCase() {
    String client = LegalAidTestSupport.uniqueName();
    Case first =
        file(
            LegalAidTestSupport.person(client, PersonCategory.MARTYR_FAMILY, DemoRegion.TOWNSHIP),
            MatterType.PROPERTY,
            LegalAidTestSupport.uniqueName(),
            null);
    complete(first);
    decide(first, "GRANT", null, null);
    assign(first, "xuming");
    tasks.await(first.pik, "Task_CaseWork");

    // the next applicant's opponent is xuming's client in the first case
    Case second =
        file(
            LegalAidTestSupport.person(
                LegalAidTestSupport.uniqueName(),
                PersonCategory.DISABLED_SOLDIER,
                DemoRegion.TOWNSHIP),
            MatterType.PROPERTY,
            " " + client + " ",
            null);
    complete(second);
    decide(second, "GRANT", null, null);
    assign(second, "xuming");
    ActivatedJob again = tasks.await(second.pik, "Task_AssignLawyer");
    assertThat(again.getVariablesAsMap().get("taskNotice").toString())
        .contains("利益冲突", first.number, client);
    assertThat(caseFiles.get(second.number).assignedOfficer()).isNull();

    assign(second, "heli");
    tasks.await(second.pik, "Task_CaseWork");
    assertThat(caseFiles.get(second.number).assignedOfficer()).isEqualTo("heli");
  }

  @Test
  void shouldRefuseAnAssigneeWhoIsNotARegisteredLawyer() {
    Case c = file(PersonCategory.MARTYR_FAMILY, MatterType.PENSION, null);
    complete(c);
    decide(c, "GRANT", null, null);
    assign(c, "zhangwei");
    ActivatedJob again = tasks.await(c.pik, "Task_AssignLawyer");
    assertThat(again.getVariablesAsMap().get("taskNotice").toString()).contains("不是在册的法律援助承办律师");
  }

  @Test
  void shouldTerminateAidOnAStatutoryGroundWithAReason() {
    Case c = file(PersonCategory.MARTYR_FAMILY, MatterType.PENSION, null);
    complete(c);
    decide(c, "GRANT", null, null);
    assign(c, "xuming");
    tasks.complete(
        c.pik,
        "Task_CaseWork",
        Map.of("progressAction", "TERMINATE", "terminationGround", "OWN_LAWYER"));
    ActivatedJob again = tasks.await(c.pik, "Task_CaseWork");
    assertThat(again.getVariablesAsMap().get("taskNotice").toString()).contains("具体理由");
    tasks.complete(
        c.pik,
        "Task_CaseWork",
        Map.of(
            "progressAction", "TERMINATE",
            "terminationGround", "OWN_LAWYER",
            "terminationReason", "受援人已自行委托律师"));
    awaitEnd(c, "EndEvent_Terminated");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AID_TERMINATED);
    assertThat(legalAid.application(c.number).terminationGround())
        .isEqualTo(TerminationGround.OWN_LAWYER);
    awaitNotice(c, "受援人自行委托律师或者其他代理人");
  }

  @Test
  void shouldRecordEachOutcomeWithTheMoneyRecovered() {
    Case c = file(PersonCategory.MARTYR_FAMILY, MatterType.PENSION, null);
    complete(c);
    decide(c, "GRANT", null, null);
    assign(c, "heli");
    tasks.complete(c.pik, "Task_CaseWork", Map.of("progressAction", "MATTER_ENDED"));
    tasks.complete(c.pik, "Task_CloseAndArchive", closingVars("SETTLED", "0"));
    tasks.await(c.pik, "Task_SatisfactionSurvey");
    assertThat(legalAid.application(c.number).outcome()).isEqualTo(AidOutcome.SETTLED);
    assertThat(legalAid.application(c.number).moneyRecovered()).isEqualByComparingTo("0.00");
    tasks.complete(c.pik, "Task_SatisfactionSurvey", Map.of("satisfaction", "BASICALLY_SATISFIED"));
    awaitEnd(c, "EndEvent_Closed");
  }

  // --- scenario steps -------------------------------------------------------------------------

  record Case(String number, long pik) {}

  private Case file(PersonCategory category, MatterType matter, LocalDate hearing) {
    return file(
        LegalAidTestSupport.person(LegalAidTestSupport.uniqueName(), category, DemoRegion.TOWNSHIP),
        matter,
        "泉州某某有限公司",
        hearing);
  }

  private Case file(RegisterPerson person, MatterType matter, String opposing, LocalDate date) {
    String number =
        legalAid
            .apply(
                new ApplyForLegalAid(
                    person, matter, "案情简要说明", opposing, date, null, "身份证", null, "wuhua"))
            .caseNumber();
    Long pik =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> caseFiles.get(number).processInstanceKey(), key -> key != null);
    return new Case(number, pik);
  }

  private Case refused() {
    Case c = file(PersonCategory.VETERAN, MatterType.OTHER, null);
    complete(c);
    decide(c, "REFUSE", "申请人有稳定收入，不符合经济困难标准", null);
    awaitStatus(c, CaseStatus.AID_REFUSED);
    awaitNotice(c, "不符合经济困难标准");
    return c;
  }

  private void complete(Case c) {
    tasks.complete(c.pik, "Task_CheckCompleteness", Map.of("materialsCheck", "COMPLETE"));
  }

  private void decide(Case c, String decision, String reason, Boolean verified) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("decision", decision);
    vars.put("decisionReason", reason);
    vars.put("hardshipVerified", verified);
    tasks.complete(c.pik, "Task_Decide", vars);
  }

  private void assign(Case c, String lawyer) {
    tasks.complete(c.pik, "Task_AssignLawyer", Map.of("lawyerUsername", lawyer));
  }

  private static Map<String, Object> closingVars(String outcome, String money) {
    return Map.of(
        "outcome", outcome, "moneyRecovered", new BigDecimal(money), "closingSummary", "结案材料已归档");
  }

  private ClockState caseClock(Case c) {
    return clocks.find(c.number, Clocks.CASE_CLOCK).orElseThrow().state();
  }

  private int stageDays(Case c, String stage) {
    return clocks.clocks(c.number).stream()
        .filter(k -> k.stage().equals(stage))
        .reduce((a, b) -> b)
        .orElseThrow()
        .periodAmount();
  }

  private void awaitStatus(Case c, CaseStatus status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> caseFiles.get(c.number).status() == status);
  }

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

  private InspectedProcessInstance processOf(Case c) {
    return new InspectedProcessInstance(c.pik);
  }
}
