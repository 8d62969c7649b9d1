package org.casework.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryView;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 8, fault case 6 without a stack: a step fails three times (its retries used up), the engine
 * raises an incident, the supervisor of the case's county sees it on the cockpit (another
 * township's supervisor does not, and is refused 重试), and 重试 after the fix moves the case on. The
 * embedded engine's own incidents are read; failed attempts are retried as the job executor would,
 * each after the BPMN's back-off on the engine clock.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class IncidentsProcessTest {

  static final Path FAULTS;

  static {
    try {
      FAULTS = Files.createTempDirectory("casework-incidents");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static final Path FAIL_VERIFICATION = FAULTS.resolve("assistance.record-verification.fail");

  @DynamicPropertySource
  static void faults(DynamicPropertyRegistry registry) {
    registry.add("casework.faults.dir", FAULTS::toString);
  }

  @Autowired UserTasks tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HardshipAssistance assistance;
  @Autowired CaseFiles caseFiles;
  @Autowired Incidents incidents;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired ScriptedTaskActors actors;

  @BeforeEach
  void setUp() throws IOException {
    region.ensure();
    if (jurisdiction.staff("huangmin").isEmpty()) {
      jurisdiction.addStaff(
          "huangmin", "黄敏", Role.SUPERVISOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    }
    if (jurisdiction.staff("lintao").isEmpty()) {
      jurisdiction.addStaff(
          "lintao", "林涛", Role.SUPERVISOR, new RegionCode(DemoRegion.OTHER_TOWNSHIP), "demo123");
    }
    actors.reset();
    actors.completes("Task_VillageVerification", "lixiaohong");
    Files.deleteIfExists(FAIL_VERIFICATION);
  }

  @AfterEach
  void noFaultLeft() throws IOException {
    Files.deleteIfExists(FAIL_VERIFICATION);
  }

  @Test
  void shouldShowTheIncidentToTheCountySupervisorAndMoveTheCaseOnWhenRetriedAfterTheFix()
      throws IOException {
    Files.writeString(FAIL_VERIFICATION, "test");
    String number = file();
    String pid = caseFiles.get(number).processInstanceId();
    tasks.complete(
        pid,
        "Task_VillageVerification",
        Map.of("verificationConfirmed", true, "verificationFindings", "情况属实"));

    // first attempt failed; two more, each when its back-off (R3/PT10S) is over
    assertThat(ofCase(incidents.active("huangmin"), number)).isEmpty();
    tasks.advance(Duration.ofSeconds(11));
    assertThat(ofCase(incidents.active("huangmin"), number)).isEmpty();
    tasks.advance(Duration.ofSeconds(11));
    ProcessIncident incident = ofCase(incidents.active("huangmin"), number).orElseThrow();
    assertThat(incident.processInstanceId()).isEqualTo(pid);
    assertThat(incident.elementId()).isEqualTo("ServiceTask_RecordVerification");
    assertThat(incident.elementName()).isEqualTo("记录核实结果");
    assertThat(incident.caseType()).isEqualTo("困难帮扶");
    assertThat(incident.regionCode()).isEqualTo(DemoRegion.VILLAGE);
    assertThat(incident.errorType()).isEqualTo("failedJob");
    assertThat(incident.errorLabel()).isEqualTo("自动步骤多次失败，已停止重试");
    assertThat(incident.message()).contains("injected fault at assistance.record-verification");
    assertThat(incident.jobId()).isNotNull();
    assertThat(management.createJobQuery().jobId(incident.jobId()).singleResult().getRetries())
        .isZero();

    // the supervisor of 临江街道 neither sees the incident of a 海滨街道 case nor may retry it
    assertThat(ofCase(incidents.active("lintao"), number)).isEmpty();
    assertThatThrownBy(() -> incidents.retry(incident.incidentId(), "lintao"))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN));

    // the cause is fixed, then 重试: the case moves on to the township review
    Files.delete(FAIL_VERIFICATION);
    incidents.retry(incident.incidentId(), "huangmin");
    assertThat(runtime.createIncidentQuery().incidentId(incident.incidentId()).count()).isZero();
    tasks.await(pid, "Task_TownshipReview");
    assertThat(ofCase(incidents.active("huangmin"), number)).isEmpty();
    assertThat(caseFiles.history(number))
        .filteredOn(h -> h.action().equals("重试故障环节"))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.actor()).isEqualTo("huangmin");
              assertThat(h.reason()).contains("自动步骤多次失败");
            });
    assertThat(caseFiles.history(number)).extracting(HistoryView::action).contains("完成任务：入户核实");

    // a second 重试 of the same incident is refused in Chinese: it is no longer active
    assertThatThrownBy(() -> incidents.retry(incident.incidentId(), "huangmin"))
        .isInstanceOfSatisfying(
            BusinessRuleException.class, e -> assertThat(e.userMessage()).contains("不存在或已处理"));
  }

  private static Optional<ProcessIncident> ofCase(Incidents.Board board, String number) {
    assertThat(board.available()).isTrue();
    return board.incidents().stream().filter(i -> number.equals(i.caseNumber())).findFirst();
  }

  private String file() {
    return assistance
        .apply(
            new ApplyForAssistance(
                TestPeople.veteran("陈国庆", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                HardshipCause.ILLNESS,
                "困难情况说明",
                new BigDecimal("800.00"),
                new BigDecimal("1200.00"),
                false,
                "zhangwei"))
        .caseNumber();
  }
}
