package org.casework.legalaid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.HistoryView;
import org.casework.clocks.ClockState;
import org.casework.clocks.Clocks;
import org.casework.common.BusinessRuleException;
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
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Every path of bpmn/legal-aid.bpmn on the embedded engine, with the real database. */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class LegalAidProcessTest {

  static final String LEGAL_AID_GROUP = "county-350502-legal-aid";

  @Autowired UserTasks tasks;
  @Autowired org.casework.satisfaction.Satisfaction satisfaction;
  @Autowired ScriptedTaskActors actors;
  @Autowired HistoryService history;
  @Autowired TaskService taskService;
  @Autowired LegalAid legalAid;
  @Autowired CaseFiles caseFiles;
  @Autowired Clocks clocks;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired LegalAidSteps steps;

  @BeforeEach
  void setUp() {
    region.ensure();
    LegalAidTestSupport.staff(jurisdiction, legalAid);
    actors.reset();
    actors.completes("Task_CheckCompleteness", "wuhua");
    actors.completes("Task_Decide", "wuhua");
    actors.completes("Task_AssignLawyer", "wuhua");
    actors.completes("Task_DecideObjection", "fangqing");
    actors.completes("Task_CaseWork", "xuming");
    actors.completes("Task_CloseAndArchive", "xuming");
    actors.completes("Task_SatisfactionSurvey", "wuhua");
  }

  @Test
  void shouldTakeAVeteransCaseFromCheckToDecisionAssignmentClosingAndSurvey() {
    Case c = file(PersonCategory.VETERAN, MatterType.LABOUR, null);
    assertThat(legalAid.application(c.number).hardshipCheck()).isEqualTo(HardshipCheck.REQUIRED);

    Task check = tasks.await(c.pid, "Task_CheckCompleteness");
    assertThat(tasks.candidateGroups(check)).containsExactly(LEGAL_AID_GROUP);
    assertThat(check.getOperatonFormRef().getKey()).isEqualTo("legal-aid-completeness");
    assertThat(check.getDueDate().toInstant()).isEqualTo(caseFiles.get(c.number).stageDueAt());
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AID_REVIEW);
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) tasks.variables(check).get("caseFacts");
    assertThat(facts.get("idNumber").toString()).contains("**********");
    assertThat(facts.get("lawyers").toString()).contains("xuming 徐明", "heli 何丽");
    complete(c);

    // a veteran is not in a waived group: granting needs the verified financial hardship
    tasks.complete(c.pid, "Task_Decide", Map.of("decision", "GRANT"));
    Task again = tasks.await(c.pid, "Task_Decide");
    assertThat(notice(again)).contains("须核查经济困难状况");
    decide(c, "GRANT", "经核查月收入低于当地标准", true);
    assertThat(caseClock(c)).isEqualTo(ClockState.STOPPED);

    Task assign = tasks.await(c.pid, "Task_AssignLawyer");
    assertThat(tasks.candidateGroups(assign)).containsExactly(LEGAL_AID_GROUP);
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AWAITING_ASSIGNMENT);
    assertThat(stageDays(c, "Task_AssignLawyer")).isEqualTo(3);
    assign(c, "xuming");

    Task work = tasks.await(c.pid, "Task_CaseWork");
    assertThat(work.getAssignee()).isEqualTo("xuming");
    assertThat(caseFiles.get(c.number).assignedOfficer()).isEqualTo("xuming");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    tasks.complete(
        c.pid, "Task_CaseWork", Map.of("progressAction", "NOTE", "progressNote", "已向劳动仲裁委提交仲裁申请"));
    Task second = tasks.await(c.pid, "Task_CaseWork");
    assertThat(tasks.variables(second)).containsEntry("progressNote", "");
    tasks.complete(
        c.pid,
        "Task_CaseWork",
        Map.of("progressAction", "MATTER_ENDED", "progressNote", "仲裁裁决支持全部请求"));

    Task closing = tasks.await(c.pid, "Task_CloseAndArchive");
    assertThat(closing.getAssignee()).isEqualTo("xuming");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.CLOSING);
    assertThat(stageDays(c, "Task_CloseAndArchive")).isEqualTo(30);
    tasks.complete(c.pid, "Task_CloseAndArchive", closingVars("WON", "-1"));
    Task retry = tasks.await(c.pid, "Task_CloseAndArchive");
    assertThat(notice(retry)).contains("不能为负数");
    tasks.complete(c.pid, "Task_CloseAndArchive", closingVars("WON", "18000.5"));

    Task survey = tasks.await(c.pid, "Task_SatisfactionSurvey");
    assertThat(tasks.candidateGroups(survey)).containsExactly(LEGAL_AID_GROUP);
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.FOLLOW_UP);
    tasks.complete(
        c.pid,
        "Task_SatisfactionSurvey",
        Map.of("satisfaction", "SATISFIED", "satisfactionChannel", "PHONE"));
    assertEnded(c, "EndEvent_Closed");
    assertThat(satisfaction.ofCase(c.number))
        .extracting(r -> r.rating().name() + "/" + r.channel().name() + "/" + r.collectedBy())
        .containsExactly("SATISFIED/PHONE/wuhua");
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
        c.pid,
        "Task_CheckCompleteness",
        Map.of("materialsCheck", "INCOMPLETE", "missingMaterials", "户口簿；子女收入证明；赡养协议"));
    assertStatus(c, CaseStatus.AWAITING_MATERIALS);
    assertNotice(c, "户口簿；子女收入证明；赡养协议");
    assertThat(caseClock(c)).isEqualTo(ClockState.PAUSED);

    legalAid.materialsSubmitted(c.number, "已补交全部材料", "wuhua");
    tasks.idle();
    assertThat(caseClock(c)).isEqualTo(ClockState.RUNNING);
    tasks.complete(
        c.pid,
        "Task_CheckCompleteness",
        Map.of("materialsCheck", "INCOMPLETE", "missingMaterials", "再补一份"));
    Task again = tasks.await(c.pid, "Task_CheckCompleteness");
    assertThat(notice(again)).contains("只能一次性告知一次");
    complete(c);
    tasks.await(c.pid, "Task_Decide");
    assertThat(passed(c, "Message_MaterialsSubmitted")).isTrue();
    assertThat(caseFiles.history(c.number))
        .anySatisfy(h -> assertThat(h.action()).isEqualTo("收到补正材料"));
  }

  @Test
  void shouldRequestMaterialsOnceWhenTheStepRunsTwice() {
    Case c = file(PersonCategory.VETERAN, MatterType.MAINTENANCE, null);
    tasks.await(c.pid, "Task_CheckCompleteness");
    var in = new LegalAidVariables.CompletenessInput(c.number, "INCOMPLETE", "户口簿；收入证明");
    assertThat(steps.recordCompleteness(in, "ServiceTask_RecordCompleteness:1").materialsComplete())
        .isFalse();
    assertThat(steps.recordCompleteness(in, "ServiceTask_RecordCompleteness:1").materialsComplete())
        .as("a step run again is not a second 补正")
        .isFalse();
    assertThat(caseFiles.history(c.number))
        .filteredOn(h -> "一次性告知补正".equals(h.outcome()))
        .hasSize(1);
  }

  @Test
  void shouldTreatTheApplicationAsWithdrawnWhenMaterialsDoNotArriveInThirtyDays() {
    Case c = file(PersonCategory.VETERAN, MatterType.PROPERTY, null);
    tasks.complete(
        c.pid,
        "Task_CheckCompleteness",
        Map.of("materialsCheck", "INCOMPLETE", "missingMaterials", "房屋产权证明"));
    assertStatus(c, CaseStatus.AWAITING_MATERIALS);
    passTimer(c, "Gateway_WaitMaterials", Duration.ofDays(31), "Timer_MaterialsDeadline");
    assertStatus(c, CaseStatus.WITHDRAWN);
    assertEnded(c, "EndEvent_Withdrawn");
    assertThat(caseClock(c)).isEqualTo(ClockState.STOPPED);
  }

  @Test
  void shouldNotCheckFinancesForAMatterTheLawExempts() {
    Case c = file(PersonCategory.VETERAN, MatterType.MARTYR_REPUTATION, null);
    var view = legalAid.application(c.number);
    assertThat(view.hardshipCheck()).isEqualTo(HardshipCheck.EXEMPT);
    assertThat(view.hardshipGround()).contains("第三十二条");
    complete(c);
    tasks.complete(c.pid, "Task_Decide", Map.of("decision", "GRANT"));
    tasks.await(c.pid, "Task_AssignLawyer");
    assertThat(legalAid.application(c.number).hardshipGround()).contains("英雄烈士");
  }

  @Test
  void shouldWaiveVerificationForEntitledPersonsAndForGroupsTheRegionAdds() {
    Case martyrFamily = file(PersonCategory.MARTYR_FAMILY, MatterType.PENSION, null);
    var view = legalAid.application(martyrFamily.number);
    assertThat(view.hardshipCheck()).isEqualTo(HardshipCheck.WAIVED);
    assertThat(view.hardshipGround()).contains("优抚对象", "第四十二条");
    complete(martyrFamily);
    tasks.complete(martyrFamily.pid, "Task_Decide", Map.of("decision", "GRANT"));
    tasks.await(martyrFamily.pid, "Task_AssignLawyer");

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
    Task objection = tasks.await(c.pid, "Task_DecideObjection");
    assertThat(tasks.candidateGroups(objection)).containsExactly(LEGAL_AID_GROUP);
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.OBJECTION_REVIEW);
    assertThat(stageDays(c, "Task_DecideObjection")).isEqualTo(5);
    // wuhua refused the aid: she may not record the decision on the objection to it
    Throwable refused =
        catchThrowable(
            () ->
                tasks.completeAs(
                    "wuhua",
                    c.pid,
                    "Task_DecideObjection",
                    Map.of("objectionOutcome", "OVERTURNED", "objectionReason", "重新审查")));
    BusinessRuleException rule = null;
    for (Throwable t = refused; t != null && rule == null; t = t.getCause()) {
      rule = t instanceof BusinessRuleException b ? b : null;
    }
    assertThat(rule).as("a BusinessRuleException in %s", refused).isNotNull();
    assertThat(rule.code()).isEqualTo("SEPARATION_OF_DUTIES");
    assertThat(rule.userMessage()).contains("wuhua").contains("不能审查针对该决定的异议");
    assertThat(tasks.await(c.pid, "Task_DecideObjection").getId()).isEqualTo(objection.getId());
    assertThat(legalAid.application(c.number).objectionOutcome()).isNull();
    taskService.setAssignee(objection.getId(), null);
    tasks.complete(c.pid, "Task_DecideObjection", Map.of("objectionOutcome", "UPHELD"));
    Task again = tasks.await(c.pid, "Task_DecideObjection");
    assertThat(notice(again)).contains("须写明理由");
    tasks.complete(
        c.pid,
        "Task_DecideObjection",
        Map.of("objectionOutcome", "UPHELD", "objectionReason", "申请人有稳定养老金收入"));
    assertEnded(c, "EndEvent_Refused");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AID_REFUSED);
    assertNotice(c, "维持原决定");
    assertThat(legalAid.application(c.number).objectionOutcome()).isEqualTo("UPHELD");
  }

  @Test
  void shouldGrantAidAndAssignALawyerWhenTheObjectionOverturnsTheRefusal() {
    Case c = refused();
    legalAid.objectionLodged(c.number, "提供了新的收入证明", "wuhua");
    tasks.complete(
        c.pid,
        "Task_DecideObjection",
        Map.of("objectionOutcome", "OVERTURNED", "objectionReason", "新证据表明申请人符合经济困难标准"));
    tasks.await(c.pid, "Task_AssignLawyer");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AWAITING_ASSIGNMENT);
    assertThat(caseFiles.get(c.number).closedAt()).isNull();
    assign(c, "heli");
    tasks.await(c.pid, "Task_CaseWork");
    assertThat(legalAid.application(c.number).decision()).isEqualTo("GRANT");
    assertThat(legalAid.application(c.number).hardshipGround()).contains("责令改正");
  }

  @Test
  void shouldCloseARefusedCaseWhenNoObjectionComes() {
    Case c = refused();
    passTimer(c, "Gateway_WaitObjection", Duration.ofDays(61), "Timer_ObjectionWindow");
    assertEnded(c, "EndEvent_Refused");
    assertThat(caseFiles.history(c.number))
        .anySatisfy(h -> assertThat(h.reason()).isEqualTo("未在期限内提出异议"));
  }

  @Test
  void shouldRefuseTheCaseWorkWhenAnotherLawyerCompletesIt() {
    LocalDate hearing = Formats.chinaDate(java.time.Instant.now()).plusDays(3);
    Case c = file(PersonCategory.VETERAN, MatterType.PERSONAL_INJURY, hearing);
    tasks.await(c.pid, "Task_AssignLawyer");
    assign(c, "xuming");
    complete(c);
    decide(c, "GRANT", "核查属实", true);
    Task work = tasks.await(c.pid, "Task_CaseWork");
    Map<String, Object> progress = Map.of("progressAction", "NOTE", "progressNote", "代为提交材料");

    // 何丽 may not work on 徐明's task: the engine refuses her outright
    assertThatThrownBy(() -> tasks.completeAs("heli", c.pid, "Task_CaseWork", progress))
        .isInstanceOf(AuthorizationException.class);

    // 徐明 hands the task to 何丽 in the task list: her completion is still refused, in Chinese
    tasks.asUser("xuming", () -> taskService.setAssignee(work.getId(), "heli"));
    assertThatThrownBy(() -> tasks.completeAs("heli", c.pid, "Task_CaseWork", progress))
        .satisfies(e -> assertThat(refusal(e)).contains("只能由其本人办理").contains("xuming"));

    Task still = tasks.await(c.pid, "Task_CaseWork");
    assertThat(still.getId()).isEqualTo(work.getId());
    assertThat(caseFiles.get(c.number).assignedOfficer()).isEqualTo("xuming");
    assertThat(caseFiles.history(c.number)).filteredOn(h -> "进展记录".equals(h.outcome())).isEmpty();
  }

  @Test
  void shouldAssignFirstAndCheckAfterwardsWhenTheHearingIsLessThanSevenDaysAway() {
    LocalDate hearing = Formats.chinaDate(java.time.Instant.now()).plusDays(3);
    Case c = file(PersonCategory.VETERAN, MatterType.PERSONAL_INJURY, hearing);
    assertThat(legalAid.application(c.number).urgent()).isTrue();
    tasks.await(c.pid, "Task_AssignLawyer");
    assertThat(passed(c, "Task_CheckCompleteness")).isFalse();
    assign(c, "xuming");
    tasks.await(c.pid, "Task_CheckCompleteness");
    assertThat(caseFiles.get(c.number).assignedOfficer()).isEqualTo("xuming");
    complete(c);
    decide(c, "GRANT", "核查属实", true);
    tasks.await(c.pid, "Task_CaseWork");
    // the granted case went straight to case work (Flow_AssignedAlready): no second assignment
    assertThat(times(c, "Gateway_AlreadyAssigned")).isEqualTo(1);
    assertThat(times(c, "Gateway_JoinAssign")).isEqualTo(1);
    assertThat(times(c, "ServiceTask_AssignLawyer")).isEqualTo(1);
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
    assertEnded(c, "EndEvent_Refused");
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
    tasks.await(first.pid, "Task_CaseWork");

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
    Task again = tasks.await(second.pid, "Task_AssignLawyer");
    assertThat(notice(again)).contains("利益冲突", first.number, client);
    assertThat(caseFiles.get(second.number).assignedOfficer()).isNull();

    assign(second, "heli");
    tasks.await(second.pid, "Task_CaseWork");
    assertThat(caseFiles.get(second.number).assignedOfficer()).isEqualTo("heli");
  }

  @Test
  void shouldRefuseAnAssigneeWhoIsNotARegisteredLawyer() {
    Case c = file(PersonCategory.MARTYR_FAMILY, MatterType.PENSION, null);
    complete(c);
    decide(c, "GRANT", null, null);
    assign(c, "zhangwei");
    Task again = tasks.await(c.pid, "Task_AssignLawyer");
    assertThat(notice(again)).contains("不是在册的法律援助承办律师");
  }

  @Test
  void shouldTerminateAidOnAStatutoryGroundWithAReason() {
    Case c = file(PersonCategory.MARTYR_FAMILY, MatterType.PENSION, null);
    complete(c);
    decide(c, "GRANT", null, null);
    assign(c, "xuming");
    tasks.complete(
        c.pid,
        "Task_CaseWork",
        Map.of("progressAction", "TERMINATE", "terminationGround", "OWN_LAWYER"));
    Task again = tasks.await(c.pid, "Task_CaseWork");
    assertThat(notice(again)).contains("具体理由");
    tasks.complete(
        c.pid,
        "Task_CaseWork",
        Map.of(
            "progressAction", "TERMINATE",
            "terminationGround", "OWN_LAWYER",
            "terminationReason", "受援人已自行委托律师"));
    assertEnded(c, "EndEvent_Terminated");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AID_TERMINATED);
    assertThat(legalAid.application(c.number).terminationGround())
        .isEqualTo(TerminationGround.OWN_LAWYER);
    assertNotice(c, "受援人自行委托律师或者其他代理人");
  }

  @Test
  void shouldRecordEachOutcomeWithTheMoneyRecovered() {
    Case c = file(PersonCategory.MARTYR_FAMILY, MatterType.PENSION, null);
    complete(c);
    decide(c, "GRANT", null, null);
    assign(c, "heli");
    // the lawyer's tasks are done by the lawyer the case is assigned to
    actors.completes("Task_CaseWork", "heli");
    actors.completes("Task_CloseAndArchive", "heli");
    tasks.complete(c.pid, "Task_CaseWork", Map.of("progressAction", "MATTER_ENDED"));
    tasks.complete(c.pid, "Task_CloseAndArchive", closingVars("SETTLED", "0"));
    tasks.await(c.pid, "Task_SatisfactionSurvey");
    assertThat(legalAid.application(c.number).outcome()).isEqualTo(AidOutcome.SETTLED);
    assertThat(legalAid.application(c.number).moneyRecovered()).isEqualByComparingTo("0.00");
    tasks.complete(
        c.pid,
        "Task_SatisfactionSurvey",
        Map.of("satisfaction", "BASICALLY_SATISFIED", "satisfactionChannel", "VISIT"));
    assertEnded(c, "EndEvent_Closed");
  }

  // --- scenario steps -------------------------------------------------------------------------

  record Case(String number, String pid) {}

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
    // the instance is started in the filing transaction
    String pid = caseFiles.get(number).processInstanceId();
    assertThat(pid).as("process instance of %s", number).isNotNull();
    return new Case(number, pid);
  }

  private Case refused() {
    Case c = file(PersonCategory.VETERAN, MatterType.OTHER, null);
    complete(c);
    decide(c, "REFUSE", "申请人有稳定收入，不符合经济困难标准", null);
    assertStatus(c, CaseStatus.AID_REFUSED);
    assertNotice(c, "不符合经济困难标准");
    return c;
  }

  private void complete(Case c) {
    tasks.complete(c.pid, "Task_CheckCompleteness", Map.of("materialsCheck", "COMPLETE"));
  }

  private void decide(Case c, String decision, String reason, Boolean verified) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("decision", decision);
    vars.put("decisionReason", reason);
    vars.put("hardshipVerified", verified);
    tasks.complete(c.pid, "Task_Decide", vars);
  }

  private void assign(Case c, String lawyer) {
    tasks.complete(c.pid, "Task_AssignLawyer", Map.of("lawyerUsername", lawyer));
  }

  /** As the closing form's number field sends it: a JSON number. */
  private static Map<String, Object> closingVars(String outcome, String money) {
    return Map.of(
        "outcome",
        outcome,
        "moneyRecovered",
        new BigDecimal(money).doubleValue(),
        "closingSummary",
        "结案材料已归档");
  }

  private String notice(Task task) {
    Object notice = tasks.variables(task).get("taskNotice");
    assertThat(notice).as("taskNotice of %s", task.getTaskDefinitionKey()).isNotNull();
    return notice.toString();
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

  private void assertStatus(Case c, CaseStatus status) {
    tasks.idle();
    assertThat(caseFiles.get(c.number).status()).isEqualTo(status);
  }

  private long times(Case c, String elementId) {
    return history
        .createHistoricActivityInstanceQuery()
        .processInstanceId(c.pid)
        .activityId(elementId)
        .count();
  }

  private boolean passed(Case c, String elementId) {
    return times(c, elementId) > 0;
  }

  private boolean waitingAt(Case c, String elementId) {
    return history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(c.pid)
            .activityId(elementId)
            .unfinished()
            .count()
        > 0;
  }

  private void passTimer(Case c, String waitingAt, Duration advance, String timer) {
    tasks.idle();
    assertThat(waitingAt(c, waitingAt)).as("waiting at %s", waitingAt).isTrue();
    tasks.advance(advance);
    assertThat(passed(c, timer)).as("passed %s", timer).isTrue();
  }

  private void assertEnded(Case c, String endEvent) {
    tasks.idle();
    HistoricProcessInstance instance =
        history.createHistoricProcessInstanceQuery().processInstanceId(c.pid).singleResult();
    assertThat(instance.getEndTime()).as("instance of %s ended", c.number).isNotNull();
    assertThat(passed(c, endEvent)).as("ended at %s", endEvent).isTrue();
  }

  private void assertNotice(Case c, String text) {
    tasks.idle();
    assertThat(caseFiles.notices(c.number)).anySatisfy(n -> assertThat(n.text()).contains(text));
  }

  /** The Chinese message of the refusal somewhere in {@code e}'s causes. */
  private static String refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BusinessRuleException b) {
        return b.userMessage();
      }
    }
    throw new AssertionError("not a business refusal: " + e, e);
  }
}
