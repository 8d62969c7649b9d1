package org.casework.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryView;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.sla.ProcessIncident;
import org.casework.sla.ProcessIncidents;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedCamundaApps;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 8, fault case 6 without a stack: a worker fails three times, the engine raises an incident,
 * the supervisor of the case's county sees it on the cockpit (another township's supervisor does
 * not, and is refused 重试), and 重试 after the fix moves the case on. Operate is replaced by the
 * in-memory engine's own incident records.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import({
  ScriptedCamundaApps.class,
  DemoRegion.class,
  CaseIncidentsProcessTest.EngineIncidents.class
})
class CaseIncidentsProcessTest {

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

  /** Operate's incident view, read from the engine's records instead of Operate's index. */
  @TestConfiguration
  static class EngineIncidents {
    @Bean
    @Primary
    IncidentFeed engineIncidentFeed(ZeebeTestEngine engine) {
      return new IncidentFeed() {
        @Override
        public List<Incident> active(int limit) {
          List<Record<IncidentRecordValue>> all = new ArrayList<>();
          RecordStream.of(engine.getRecordStreamSource()).incidentRecords().forEach(all::add);
          Set<Long> resolved =
              all.stream()
                  .filter(r -> r.getIntent() == IncidentIntent.RESOLVED)
                  .map(Record::getKey)
                  .collect(Collectors.toSet());
          return all.stream()
              .filter(r -> r.getIntent() == IncidentIntent.CREATED)
              .filter(r -> !resolved.contains(r.getKey()))
              .map(
                  r ->
                      new Incident(
                          r.getKey(),
                          r.getValue().getProcessInstanceKey(),
                          r.getValue().getJobKey() > 0 ? r.getValue().getJobKey() : null,
                          r.getValue().getErrorType().name(),
                          r.getValue().getErrorMessage(),
                          Instant.ofEpochMilli(r.getTimestamp()),
                          r.getValue().getElementId(),
                          null))
              .limit(limit)
              .toList();
        }

        @Override
        public Optional<Incident> active(long key) {
          return active(1000).stream().filter(i -> i.key() == key).findFirst();
        }
      };
    }
  }

  @Autowired ZeebeClient client;
  @Autowired ZeebeTestEngine engine;
  @Autowired HardshipAssistance assistance;
  @Autowired CaseFiles caseFiles;
  @Autowired ProcessIncidents incidents;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired ScriptedTaskActors actors;

  UserTasks tasks;

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
    tasks = new UserTasks(client, engine);
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
    long pik =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> caseFiles.get(number).processInstanceKey(), k -> k != null);
    tasks.complete(
        pik,
        "Task_VillageVerification",
        Map.of("verificationConfirmed", true, "verificationFindings", "情况属实"));

    ProcessIncident incident =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> ofCase(incidents.active("huangmin"), number), Optional::isPresent)
            .orElseThrow();
    assertThat(incident.elementId()).isEqualTo("ServiceTask_RecordVerification");
    assertThat(incident.caseType()).isEqualTo("困难帮扶");
    assertThat(incident.regionCode()).isEqualTo(DemoRegion.VILLAGE);
    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.errorLabel()).isEqualTo("自动步骤多次失败，已停止重试");
    assertThat(incident.message()).contains("injected fault at assistance.record-verification");
    assertThat(incident.jobKey()).isNotNull();

    // the supervisor of 临江街道 neither sees the incident of a 海滨街道 case nor may retry it
    assertThat(ofCase(incidents.active("lintao"), number)).isEmpty();
    assertThatThrownBy(() -> incidents.retry(incident.incidentKey(), "lintao"))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN));

    // the cause is fixed, then 重试: the case moves on to the township review
    Files.delete(FAIL_VERIFICATION);
    incidents.retry(incident.incidentKey(), "huangmin");
    tasks.await(pik, "Task_TownshipReview");
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
    assertThatThrownBy(() -> incidents.retry(incident.incidentKey(), "huangmin"))
        .isInstanceOfSatisfying(
            BusinessRuleException.class, e -> assertThat(e.userMessage()).contains("不存在或已处理"));
  }

  private static Optional<ProcessIncident> ofCase(ProcessIncidents.Board board, String number) {
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
