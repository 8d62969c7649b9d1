package org.casework.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.HistoryView;
import org.casework.clocks.AlertLevel;
import org.casework.clocks.ClockState;
import org.casework.clocks.ClockView;
import org.casework.clocks.Clocks;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.MovableClock;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Legal clocks of a hardship case on the embedded engine: stage due and follow-up dates on the
 * task, warnings at 50 %/75 %, the breach escalated to bpmn/sla-supervision.bpmn (督办 task for the
 * group one level up, notice to the officer), the whole-case clock pausing for 补正, and the
 * extension allowance. App clock and engine clock are moved together (the engine's set to the
 * app's), and due jobs run in the test's thread.
 */
@SpringBootTest(properties = "casework.sla.watch-initial-delay=PT24H")
@ProcessTest
@ActiveProfiles("test")
@Import({SlaSupervisionProcessTest.Config.class, DemoRegion.class})
class SlaSupervisionProcessTest {

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  @Autowired UserTasks tasks;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired Jurisdiction jurisdiction;
  @Autowired HardshipAssistance assistance;
  @Autowired CaseFiles caseFiles;
  @Autowired Clocks clocks;
  @Autowired ClockWatch watch;
  @Autowired MovableClock clock;
  @Autowired DemoRegion region;
  @Autowired ScriptedTaskActors actors;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    region.ensure();
    if (jurisdiction.staff("huangmin").isEmpty()) {
      jurisdiction.addStaff(
          "huangmin", "黄敏", Role.SUPERVISOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    }
    // the app's clock is shared by the tests of this context: the engine's follows it
    ClockUtil.setCurrentTime(Date.from(clock.instant()));
    actors.reset();
    actors.completes("Task_VillageVerification", "lixiaohong");
    actors.completes("Task_TownshipReview", "zhangwei");
  }

  @Test
  void shouldWarnAtHalfAndThreeQuartersThenEscalateTheBreachToTheCountySupervisors() {
    Case c = file();
    Task verification = tasks.await(c.pid, "Task_VillageVerification");
    ClockView stage = stageClock(c, "Task_VillageVerification");
    assertThat(stage.periodAmount()).isEqualTo(5);
    assertThat(verification.getDueDate().toInstant()).isEqualTo(millis(stage.dueAt()));
    assertThat(verification.getFollowUpDate().toInstant()).isEqualTo(millis(stage.warnSecondAt()));
    assertThat(caseFiles.history(c.number))
        .extracting(HistoryView::action)
        .contains("期限开始：全案办理", "期限开始：入户核实");

    moveTo(stage.warnFirstAt().plusSeconds(1));
    watch.scan();
    watch.scan();
    assertThat(actions(c)).containsOnlyOnce("期限预警：入户核实");
    assertThat(stageClock(c, "Task_VillageVerification").alertLevel())
        .isEqualTo(AlertLevel.WARN_FIRST);

    moveTo(stage.warnSecondAt().plusSeconds(1));
    watch.scan();
    assertThat(caseFiles.history(c.number))
        .filteredOn(h -> h.action().equals("期限预警：入户核实"))
        .extracting(HistoryView::outcome)
        .containsExactly("预警（过半）", "预警（临期）");

    moveTo(stage.dueAt().plusSeconds(1));
    watch.scan();
    watch.scan();
    assertThat(actions(c)).containsOnlyOnce("超期：入户核实");

    Task supervise = supervisionTask(c.number);
    assertThat(tasks.candidateGroups(supervise)).containsExactly("county-350502-supervisor");
    assertThat(supervise.getDueDate()).isAfter(Date.from(clock.instant()));
    assertThat(supervise.getOperatonFormRef()).isNotNull();
    assertThat(supervise.getOperatonFormRef().getKey()).isEqualTo("sla-supervision");
    assertThat(tasks.variables(supervise)).containsEntry("stageLabel", "入户核实");
    assertThat(clocks.officerNotices(c.number))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo("zhangwei");
              assertThat(n.text()).contains("入户核实", "已超过办理期限", "督办");
            });
    assertThat(actions(c)).contains("超期督办：入户核实");

    tasks.asUser(
        "huangmin",
        () -> {
          taskService.claim(supervise.getId(), "huangmin");
          taskService.complete(supervise.getId(), Map.of("supervisionNote", "已电话督促，要求两日内完成核实"));
        });
    tasks.idle();
    assertThat(caseFiles.history(c.number))
        .anySatisfy(
            h -> {
              assertThat(h.action()).isEqualTo("督办意见：入户核实");
              assertThat(h.reason()).isEqualTo("已电话督促，要求两日内完成核实");
            });
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(supervise.getProcessInstanceId())
                .activityId("EndEvent_Supervised")
                .count())
        .isEqualTo(1);
    // the task is done late: its clock stops as a late completion
    tasks.complete(
        c.pid,
        "Task_VillageVerification",
        Map.of("verificationConfirmed", true, "verificationFindings", "入户核实，情况属实"));
    assertThat(stageClock(c, "Task_VillageVerification").state()).isEqualTo(ClockState.STOPPED);
    assertThat(caseFiles.history(c.number))
        .anySatisfy(
            h -> {
              assertThat(h.action()).isEqualTo("期限停止：入户核实");
              assertThat(h.outcome()).isEqualTo("超期办结");
            });
  }

  @Test
  void shouldStopTheWholeCaseClockWhileWaitingForMaterialsAndMoveItsDueDayOnResume() {
    Case c = file();
    tasks.complete(
        c.pid,
        "Task_VillageVerification",
        Map.of("verificationConfirmed", true, "verificationFindings", "入户核实，情况属实"));
    ClockView before = caseClock(c);
    tasks.complete(
        c.pid,
        "Task_TownshipReview",
        Map.of("reviewDecision", "REQUEST_MATERIALS", "missingMaterials", "医院诊断证明"));
    assertThat(caseClock(c).state()).isEqualTo(ClockState.PAUSED);
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AWAITING_MATERIALS);

    // two weeks of waiting (at least 8 working days in any fortnight) do not count
    moveTo(clock.instant().plus(Duration.ofDays(14)));
    assistance.materialsSubmitted(c.number, "已交诊断证明", "zhangwei");
    tasks.idle();
    assertThat(caseClock(c).state()).isEqualTo(ClockState.RUNNING);
    ClockView after = caseClock(c);
    assertThat(after.pausedDays()).isGreaterThanOrEqualTo(8);
    assertThat(after.dueDay()).isAfter(before.dueDay().plusDays(13));
    assertThat(after.pauses())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("等待申请人补正材料");
              assertThat(p.resumedAt()).isNotNull();
            });
    assertThat(actions(c)).contains("期限暂停：全案办理", "期限恢复：全案办理");
  }

  @Test
  void shouldAllowOneExtensionOfAtMostTenWorkingDaysForTheWholeCase() {
    Case c = file();
    tasks.await(c.pid, "Task_VillageVerification");
    ClockView before = caseClock(c);

    assertThatThrownBy(() -> clocks.extend(c.number, Clocks.CASE_CLOCK, 11, "案情复杂", "zhouqiang"))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.userMessage()).contains("延期合计不得超过10个工作日"));

    ClockView extended = clocks.extend(c.number, Clocks.CASE_CLOCK, 5, "需外省协查", "zhouqiang");
    assertThat(extended.extendedDays()).isEqualTo(5);
    assertThat(extended.dueAt()).isAfter(before.dueAt());
    assertThat(extended.extensions())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.approver()).isEqualTo("zhouqiang");
              assertThat(x.dueBefore()).isEqualTo(before.dueAt());
            });
    assertThatThrownBy(() -> clocks.extend(c.number, Clocks.CASE_CLOCK, 1, "再延", "zhouqiang"))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.userMessage()).isEqualTo("该期限按规定只能延期1次，已延期1次"));
    assertThat(caseFiles.history(c.number))
        .anySatisfy(
            h -> {
              assertThat(h.action()).isEqualTo("期限延期：全案办理");
              assertThat(h.actor()).isEqualTo("zhouqiang");
              assertThat(h.reason()).startsWith("需外省协查");
            });
  }

  // --- steps ---------------------------------------------------------------------------------

  @Test
  void shouldWithdrawTheClockOfAStageWhoseTaskWasCancelledInsteadOfCallingItABreach() {
    Case c = file();
    tasks.await(c.pid, "Task_VillageVerification");
    ClockView stage = stageClock(c, "Task_VillageVerification");
    // the instance is cancelled (e.g. in the engine's Cockpit): the open task is deleted, not
    // completed, so no completion listener stops its clock
    runtime.deleteProcessInstance(c.pid, "在流程管理台中取消");

    moveTo(stage.dueAt().plusSeconds(1));
    watch.scan();

    assertThat(stageClock(c, "Task_VillageVerification").state()).isEqualTo(ClockState.STOPPED);
    assertThat(actions(c)).contains("期限撤销：入户核实").doesNotContain("超期：入户核实");
    assertThat(caseFiles.history(c.number))
        .filteredOn(h -> h.action().equals("期限撤销：入户核实"))
        .extracting(HistoryView::outcome)
        .containsExactly("环节已取消");
  }

  @Test
  void shouldNotStartASecondSupervisionForABreachAlreadyEscalated() {
    Case c = file();
    tasks.await(c.pid, "Task_VillageVerification");
    ClockView stage = stageClock(c, "Task_VillageVerification");
    moveTo(stage.dueAt().plusSeconds(1));
    watch.scan(); // raises the breach and escalates it
    watch.scan(); // nothing left to do
    String escalated =
        "select count(*) from sla_clock_alert a join sla_clock k on k.id = a.clock_id"
            + " where k.case_number = ? and a.level = 'BREACH' and a.escalated_at is not null";
    assertThat(jdbc.queryForObject(escalated, Long.class, c.number)).isEqualTo(1);
    supervisionTask(c.number);

    // the record of the escalation is lost (e.g. a restored table) while its supervision runs:
    // the next pass finds the supervision of this breach and records the escalation again
    jdbc.update(
        "update sla_clock_alert a join sla_clock k on k.id = a.clock_id set a.escalated_at = null"
            + " where k.case_number = ? and a.level = 'BREACH'",
        c.number);
    watch.scan();

    assertThat(jdbc.queryForObject(escalated, Long.class, c.number)).isEqualTo(1);
    assertThat(actions(c)).containsOnlyOnce("超期：入户核实");
    assertThat(supervisions(c.number)).isEqualTo(1);
  }

  @Test
  void shouldEscalateANewBreachBehindAPageOfBreachesWhoseEscalationKeepsFailing() {
    // a page of old breaches that cannot be escalated (a clock whose region code is broken):
    // before, the watch fetched only the oldest 100 open breaches, so these held back every
    // breach raised after them, pass after pass
    String poison = "POISON-" + System.nanoTime();
    List<Long> clockIds = new java.util.ArrayList<>();
    try {
      for (int i = 0; i <= ClockWatch.ESCALATION_PAGE; i++) {
        jdbc.update(
            "insert into sla_clock (case_number, clock_key, case_type, region_code, county_code,"
                + " township_code, stage, stage_label, work_level, policy_version, period_amount,"
                + " period_unit, warn_first_pct, warn_second_pct, state, started_at, start_day,"
                + " due_at) values (?, 'CASE', 'KN', '9', '9', '9', 'CASE', '全案', 'TOWNSHIP', 1,"
                + " 1, 'WORKING_DAYS', 50, 75, 'STOPPED', now(6), curdate(), now(6))",
            poison.substring(0, Math.min(poison.length(), 26)) + "-" + i);
        long id = jdbc.queryForObject("select last_insert_id()", Long.class);
        clockIds.add(id);
        jdbc.update(
            "insert into sla_clock_alert (clock_id, level, raised_at, due_at)"
                + " values (?, 'BREACH', now(6), now(6))",
            id);
      }
      Case c = file();
      tasks.await(c.pid, "Task_VillageVerification");
      ClockView stage = stageClock(c, "Task_VillageVerification");
      moveTo(stage.dueAt().plusSeconds(1));

      watch.scan();

      assertThat(supervisions(c.number)).isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from sla_clock_alert where escalated_at is null and clock_id in ("
                      + String.join(",", clockIds.stream().map(String::valueOf).toList())
                      + ")",
                  Long.class))
          .as("the broken ones stay open for the next pass")
          .isEqualTo(clockIds.size());
    } finally {
      for (long id : clockIds) {
        jdbc.update("delete from sla_clock_alert where clock_id = ?", id);
        jdbc.update("delete from sla_clock where id = ?", id);
      }
    }
  }

  @Test
  void shouldStillCallItABreachWhileATaskOfTheStageIsOpen() {
    Case c = file();
    tasks.await(c.pid, "Task_VillageVerification");
    ClockView stage = stageClock(c, "Task_VillageVerification");
    // the task was cancelled and the stage entered again: one task of it deleted, one open
    runtime
        .createProcessInstanceModification(c.pid)
        .cancelAllForActivity("Task_VillageVerification")
        .startBeforeActivity("Task_VillageVerification")
        .execute();
    assertThat(
            history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(c.pid)
                .taskDefinitionKey("Task_VillageVerification")
                .count())
        .isEqualTo(2);

    moveTo(stage.dueAt().plusSeconds(1));
    watch.scan();

    assertThat(actions(c)).contains("超期：入户核实").doesNotContain("期限撤销：入户核实");
  }

  @Test
  void shouldStopEveryClockWhenTheCaseIsClosed() {
    Case c = file();
    tasks.await(c.pid, "Task_VillageVerification");
    assertThat(clocks.clocks(c.number)).extracting(ClockView::state).contains(ClockState.RUNNING);

    caseFiles.changeStatus(
        c.number,
        CaseStatus.WITHDRAWN,
        new org.casework.casefile.HistoryEntry(
            clock.instant(),
            "zhangwei",
            "TOWNSHIP_CASEWORKER",
            "申请人撤回",
            "已终止",
            null,
            "test:withdraw"));

    assertThat(clocks.clocks(c.number))
        .extracting(ClockView::state)
        .containsOnly(ClockState.STOPPED);
  }

  record Case(String number, String pid) {}

  private Case file() {
    String number =
        assistance
            .apply(
                new ApplyForAssistance(
                    TestPeople.veteran("陈国强", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                    HardshipCause.ILLNESS,
                    "困难情况说明",
                    new BigDecimal("800.00"),
                    new BigDecimal("1200.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    // the instance is started in the case's transaction
    String pid = caseFiles.get(number).processInstanceId();
    assertThat(pid).isNotNull();
    tasks.idle();
    return new Case(number, pid);
  }

  /** Moves the app's clock and the engine's together, then runs what became due. */
  private void moveTo(Instant target) {
    clock.moveTo(target);
    ClockUtil.setCurrentTime(Date.from(clock.instant()));
    tasks.idle();
  }

  /** Task due and follow-up dates are kept to the millisecond. */
  private static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  private ClockView caseClock(Case c) {
    return clocks.find(c.number, Clocks.CASE_CLOCK).orElseThrow();
  }

  private ClockView stageClock(Case c, String stage) {
    return clocks.clocks(c.number).stream()
        .filter(k -> k.stage().equals(stage))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private List<String> actions(Case c) {
    return caseFiles.history(c.number).stream().map(HistoryView::action).toList();
  }

  /** The open 督办 task of the case's supervision, after running what is due. */
  private Task supervisionTask(String caseNumber) {
    tasks.idle();
    List<Task> open =
        taskService
            .createTaskQuery()
            .processDefinitionKey("sla-supervision")
            .processVariableValueEquals("caseNumber", caseNumber)
            .taskDefinitionKey("Task_Supervise")
            .initializeFormKeys()
            .list();
    assertThat(open).as("open 督办 task of case %s", caseNumber).hasSize(1);
    return open.get(0);
  }

  /** Supervision instances started for the case, running or ended. */
  private long supervisions(String caseNumber) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("sla-supervision")
        .variableValueEquals("caseNumber", caseNumber)
        .count();
  }
}
