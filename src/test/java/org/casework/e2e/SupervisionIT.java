package org.casework.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.casework.e2e.TasklistFlow.byCaseVariable;
import static org.casework.e2e.TasklistFlow.candidateGroups;
import static org.casework.e2e.TasklistFlow.claimAndSubmit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryView;
import org.casework.clocks.ClockView;
import org.casework.clocks.Clocks;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.security.StaffSession;
import org.casework.security.StaffSession.Answer;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * 超期督办 end to end on the running app: a hardship case is filed through the app's JSON API and its
 * 入户核实 is left undone past its due time (app and engine clocks moved together); the app's own
 * scheduled clock watch finds the breach and starts bpmn/sla-supervision.bpmn, and the county
 * supervisor finds the 督办 task in Tasklist's 本组待办, claims it and submits the supervision note.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"casework.sla.watch-initial-delay=PT1S", "casework.sla.watch-interval=PT1S"})
@ProcessTest
@ActiveProfiles("test")
@Import({SupervisionIT.Config.class, DemoRegion.class})
class SupervisionIT {

  private static final String CASEWORKER = "zhangwei";
  private static final String SUPERVISOR = "huangmin";

  /** The app's clock: real time, or real time plus a lead while the breach is provoked. */
  static final class AheadClock extends Clock {
    private volatile Duration ahead = Duration.ZERO;

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
      return Instant.now().plus(ahead);
    }

    void runAhead(Duration by) {
      ahead = by;
    }
  }

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    AheadClock aheadClock() {
      return new AheadClock();
    }
  }

  @LocalServerPort int port;
  @Autowired DemoRegion region;
  @Autowired UserTasks tasks;
  @Autowired Jurisdiction jurisdiction;
  @Autowired Clocks clocks;
  @Autowired AheadClock clock;
  @Autowired CaseFiles caseFiles;
  @Autowired HistoryService history;
  @Autowired ObjectMapper json;

  private TasklistFlow flow;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff(
        SUPERVISOR,
        "黄敏",
        Role.SUPERVISOR,
        new RegionCode(DemoRegion.COUNTY),
        TasklistFlow.PASSWORD);
    clock.runAhead(Duration.ZERO);
    flow = new TasklistFlow(tasks, port, json);
  }

  @Test
  void shouldEscalateABreachedStageToTheCountySupervisorWhoSupervisesThroughTasklist() {
    StaffSession caseworker = flow.login(CASEWORKER);
    Answer filed =
        caseworker.post(
            "/api/hardship/applications",
            new ApplyForAssistance(
                TestPeople.veteran("郭振华", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                HardshipCause.ILLNESS,
                "困难情况说明",
                new BigDecimal("800.00"),
                new BigDecimal("1200.00"),
                false,
                CASEWORKER));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String number = filed.json().path("caseNumber").asText();
    tasks.idle();
    ClockView stage =
        clocks.clocks(number).stream()
            .filter(k -> "Task_VillageVerification".equals(k.stage()))
            .findFirst()
            .orElseThrow();

    // nobody verifies in time: the app's scheduled watch sees the breach and escalates it
    clock.runAhead(Duration.between(Instant.now(), stage.dueAt()).plusMinutes(1));
    ClockUtil.setCurrentTime(Date.from(clock.instant()));
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                tasks.idle(); // the supervision process's steps, started by the watch
                assertThat(caseFiles.history(number))
                    .extracting(HistoryView::action)
                    .contains("超期督办：入户核实");
              });
    } finally {
      // back to real time for the people at their screens (sessions live on the app's clock)
      clock.runAhead(Duration.ZERO);
      ClockUtil.reset();
    }

    StaffSession supervisor = flow.login(SUPERVISOR);
    JsonNode supervise =
        flow.inFilter(supervisor, "本组待办", byCaseVariable(number), "Task_Supervise");
    assertThat(candidateGroups(supervisor, supervise)).containsExactly("county-350502-supervisor");
    assertThat(
            OffsetDateTime.parse(
                    supervise.path("due").asText(),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                .toInstant())
        .isAfter(clock.instant());
    JsonNode breached = flow.caseDetail(caseworker, number);
    assertThat(TasklistFlow.texts(breached.path("history"), "action"))
        .contains("超期：入户核实", "超期督办：入户核实");

    // the caseworker cannot take the supervisor's task
    Answer notHis =
        caseworker.tasklistPost(
            "/task/" + TasklistFlow.id(supervise) + "/claim", Map.of("userId", CASEWORKER));
    assertThat(notHis.status()).as(notHis.body()).isEqualTo(403);

    claimAndSubmit(supervisor, supervise, Map.of("supervisionNote", "已电话督促，要求两日内完成核实"));

    JsonNode supervised = flow.caseDetail(caseworker, number);
    assertThat(supervised.path("history").findValuesAsText("action")).contains("督办意见：入户核实");
    JsonNode note = null;
    for (JsonNode h : supervised.path("history")) {
      if (h.path("action").asText().equals("督办意见：入户核实")) {
        note = h;
      }
    }
    assertThat(note).isNotNull();
    assertThat(note.path("reason").asText()).isEqualTo("已电话督促，要求两日内完成核实");
    // the history names the group; the engine's history the supervisor who claimed and completed
    HistoricTaskInstance done =
        history.createHistoricTaskInstanceQuery().taskId(TasklistFlow.id(supervise)).singleResult();
    assertThat(done.getAssignee()).isEqualTo(SUPERVISOR);
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    Map<String, Object> stillOpen = new LinkedHashMap<>(byCaseVariable(number));
    stillOpen.put("taskDefinitionKey", "Task_Supervise");
    Answer open = supervisor.tasklistPost("/task/count", stillOpen);
    assertThat(open.status()).as(open.body()).isEqualTo(200);
    assertThat(open.json().path("count").asInt()).isZero();
  }
}
