package org.casework.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.audit.AuditEntryView;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.HistoryView;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasks completed through the engine's API, as Tasklist does: the completion (with who, the
 * engine's logged-in user) reaches the audit log; a completion by a user outside the task's
 * candidate group is refused with a Chinese message, the task stays open and the attempt is in the
 * audit log.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class TaskCompletedOutsideGroupProcessTest {

  @Autowired UserTasks tasks;
  @Autowired TaskService taskService;
  @Autowired HardshipAssistance assistance;
  @Autowired CaseFiles caseFiles;
  @Autowired AuditLog audit;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired ScriptedTaskActors actors;

  RegionScope auditor;

  @BeforeEach
  void setUp() {
    region.ensure();
    auditor =
        RegionScope.of(
            jurisdiction.addStaff(
                "linfeng", "林峰", Role.AUDITOR, new RegionCode(DemoRegion.COUNTY), "demo123"));
    actors.reset();
  }

  @Test
  void shouldRecordATasklistCompletionByTheRightUserInTheAuditLogWithoutHold() {
    actors.completes("Task_VillageVerification", "lixiaohong");
    String number = file();
    String pid = instanceOf(number);

    tasks.complete(
        pid,
        "Task_VillageVerification",
        Map.of("verificationConfirmed", true, "verificationFindings", "情况属实"));

    List<AuditEntryView> timeline = awaitAudit(number, "完成任务：入户核实");
    assertThat(timeline)
        .filteredOn(e -> e.action().equals("完成任务：入户核实"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("lixiaohong");
              assertThat(e.actorRole()).isEqualTo("VILLAGE_LIAISON");
              assertThat(e.kind()).isEqualTo(AuditKind.CASE_HISTORY);
            });
    assertThat(timeline).extracting(AuditEntryView::action).startsWith("登记受理");
    assertThat(caseFiles.get(number).reviewHold()).isFalse();
    assertThat(tasks.find(pid, "Task_VillageVerification")).isNull();
  }

  @Test
  void shouldRefuseACompletionByAnotherTownshipAndKeepTheTaskOpen() {
    // 陈静 is a township caseworker of 临江街道: not the village liaison of 新华社区. The engine lets
    // only the task's candidate group or its assignee work on it, so she gets there only when
    // someone hands the task to her; her completion is then refused by the task listener.
    String number = file();
    String pid = instanceOf(number);
    Task task = tasks.await(pid, "Task_VillageVerification");
    taskService.setAssignee(task.getId(), "chenjing");

    Throwable refused =
        catchThrowable(
            () ->
                tasks.completeAs(
                    "chenjing",
                    pid,
                    "Task_VillageVerification",
                    Map.of("verificationConfirmed", true, "verificationFindings", "情况属实")));

    BusinessRuleException rule = businessRuleIn(refused);
    assertThat(rule).as("a BusinessRuleException in %s", refused).isNotNull();
    assertThat(rule.code()).isEqualTo("TASK_NOT_YOURS");
    assertThat(rule.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN);
    assertThat(rule.userMessage())
        .contains("village-350502001001-liaison")
        .contains("township-350502002-caseworker")
        .contains("无权办理");

    // nothing moved: the task is open, the case still at verification, no completion recorded
    Task open = tasks.await(pid, "Task_VillageVerification");
    assertThat(open.getId()).isEqualTo(task.getId());
    assertThat(caseFiles.get(number).status()).isEqualTo(CaseStatus.VERIFYING);
    assertThat(caseFiles.get(number).reviewHold()).isFalse();
    assertThat(caseFiles.history(number))
        .extracting(HistoryView::action)
        .doesNotContain("完成任务：入户核实");

    List<AuditEntryView> timeline = awaitAudit(number, "拒绝办理任务：Task_VillageVerification");
    assertThat(timeline)
        .filteredOn(e -> e.kind() == AuditKind.TASK_OUTSIDE_GROUP)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("chenjing");
              assertThat(e.reason()).contains("无权办理").contains("village-350502001001-liaison");
            });

    // the right user can still complete it
    taskService.setAssignee(task.getId(), null);
    tasks.completeAs(
        "lixiaohong",
        pid,
        "Task_VillageVerification",
        Map.of("verificationConfirmed", true, "verificationFindings", "情况属实"));
    assertThat(tasks.find(pid, "Task_VillageVerification")).isNull();
    assertThat(caseFiles.history(number))
        .filteredOn(h -> h.action().equals("完成任务：入户核实"))
        .singleElement()
        .satisfies(h -> assertThat(h.actor()).isEqualTo("lixiaohong"));
  }

  private static BusinessRuleException businessRuleIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BusinessRuleException b) {
        return b;
      }
    }
    return null;
  }

  /** Audit entries of case history are written after the commit, in the background: wait. */
  private List<AuditEntryView> awaitAudit(String number, String action) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> audit.caseTimeline(number, auditor),
            entries -> entries.stream().anyMatch(e -> e.action().equals(action)));
  }

  private String file() {
    return assistance
        .apply(
            new ApplyForAssistance(
                TestPeople.veteran("陈𠮷国", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                HardshipCause.ILLNESS,
                "困难情况说明",
                new BigDecimal("800.00"),
                new BigDecimal("1200.00"),
                false,
                "zhangwei"))
        .caseNumber();
  }

  /** The instance is started in the filing transaction. */
  private String instanceOf(String number) {
    String pid = caseFiles.get(number).processInstanceId();
    assertThat(pid).isNotNull();
    return pid;
  }
}
