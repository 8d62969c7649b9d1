package org.casework.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
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
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryView;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasks completed through the engine's API, as Tasklist does: the completion (with who, from
 * Tasklist) reaches the audit log; a user outside the task's candidate group puts the case on hold
 * for review, tells the supervisor and flags it in the audit log.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import({HardshipAssistanceProcessTest.Actors.class, DemoRegion.class})
class TaskCompletedOutsideGroupProcessTest {

  @Autowired ZeebeClient client;
  @Autowired ZeebeTestEngine engine;
  @Autowired HardshipAssistance assistance;
  @Autowired CaseFiles caseFiles;
  @Autowired AuditLog audit;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired ScriptedTaskActors actors;

  UserTasks tasks;
  RegionScope auditor;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff(
        "huangmin", "黄敏", Role.SUPERVISOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    auditor =
        RegionScope.of(
            jurisdiction.addStaff(
                "linfeng", "林峰", Role.AUDITOR, new RegionCode(DemoRegion.COUNTY), "demo123"));
    tasks = new UserTasks(client, engine);
    actors.reset();
  }

  @Test
  void shouldRecordATasklistCompletionByTheRightUserInTheAuditLogWithoutHold() {
    actors.completes("Task_VillageVerification", "lixiaohong");
    String number = file();
    long pik = instanceOf(number);

    tasks.complete(
        pik,
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
  }

  @Test
  void shouldHoldTheCaseAndTellTheSupervisorWhenAnotherTownshipCompletesTheTask() {
    // 陈静 is a township caseworker of 临江街道: not the village liaison of 新华社区
    actors.completes("Task_VillageVerification", "chenjing");
    String number = file();
    long pik = instanceOf(number);

    tasks.complete(
        pik,
        "Task_VillageVerification",
        Map.of("verificationConfirmed", true, "verificationFindings", "情况属实"));

    await().atMost(Duration.ofSeconds(30)).until(() -> caseFiles.get(number).reviewHold());
    CaseView held = caseFiles.get(number);
    assertThat(held.reviewHoldReason())
        .contains("chenjing")
        .contains("township-350502002-caseworker")
        .contains("village-350502001001-liaison")
        .contains("huangmin");
    assertThat(caseFiles.history(number))
        .extracting(HistoryView::action)
        .contains("完成任务：入户核实", "越权办理预警");
    List<AuditEntryView> timeline = awaitAudit(number, "越权办理：Task_VillageVerification");
    assertThat(timeline)
        .filteredOn(e -> e.kind() == AuditKind.TASK_OUTSIDE_GROUP)
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("chenjing"));
  }

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

  private long instanceOf(String number) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> caseFiles.get(number).processInstanceKey(), key -> key != null);
  }
}
