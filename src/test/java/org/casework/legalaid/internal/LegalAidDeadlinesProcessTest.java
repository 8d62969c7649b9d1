package org.casework.legalaid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryView;
import org.casework.clocks.AlertLevel;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.ClockState;
import org.casework.clocks.ClockView;
import org.casework.clocks.Clocks;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.MatterType;
import org.casework.registry.PersonCategory;
import org.casework.support.DemoRegion;
import org.casework.support.MovableClock;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Legal-aid deadlines across the National Day week (2026-10-01..07, 10-10 a make-up working day): 7
 * calendar days to decide and 5 to decide an objection end on a day off and so move to the next
 * working day (Civil Code Art. 203); waiting for 补正 materials does not count. The app clock and the
 * engine clock move together; the clock watcher scans every second.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import({LegalAidDeadlinesProcessTest.Config.class, DemoRegion.class})
@TestPropertySource(
    properties = {"casework.sla.watch-interval=PT1S", "casework.sla.watch-initial-delay=PT1S"})
// its watcher scans every second: the context is closed after the class, so that scheduler does not
// go on touching the clocks of later test classes in the shared database
@DirtiesContext
class LegalAidDeadlinesProcessTest {

  /** Tuesday 2026-09-29, 10:00 in Beijing. */
  static final Instant START =
      LocalDateTime.of(2026, 9, 29, 10, 0).atZone(Formats.CHINA).toInstant();

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock(START);
    }
  }

  @Autowired UserTasks tasks;
  @Autowired LegalAid legalAid;
  @Autowired CaseFiles caseFiles;
  @Autowired Clocks clocks;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired ScriptedTaskActors actors;
  @Autowired MovableClock clock;

  @Test
  void shouldCountDecisionAndObjectionDaysPastTheNationalDayWeekAndNotCountWaitingForMaterials() {
    region.ensure();
    LegalAidTestSupport.staff(jurisdiction, legalAid);
    // the engine's clock stands where the app's clock stands, and moves with it
    ClockUtil.setCurrentTime(Date.from(clock.instant()));
    actors.reset();
    actors.completes("Task_CheckCompleteness", "wuhua");
    actors.completes("Task_Decide", "wuhua");
    actors.completes("Task_DecideObjection", "fangqing");
    Instant octoberEighth = BusinessCalendar.endOfDay(LocalDate.of(2026, 10, 8));

    // filed Tue 29 Sep: day one is 30 Sep, day seven 6 Oct is a holiday → due Thu 8 Oct
    Case refused = file();
    Case incomplete = file();
    assertThat(caseClock(refused).dueAt()).isEqualTo(octoberEighth);
    Task check = tasks.await(refused.pid, "Task_CheckCompleteness");
    assertThat(check.getDueDate().toInstant()).isEqualTo(octoberEighth);

    tasks.complete(refused.pid, "Task_CheckCompleteness", Map.of("materialsCheck", "COMPLETE"));
    Task decide = tasks.await(refused.pid, "Task_Decide");
    assertThat(decide.getDueDate().toInstant()).isEqualTo(octoberEighth);
    tasks.complete(
        refused.pid,
        "Task_Decide",
        Map.of("decision", "REFUSE", "decisionReason", "申请人名下有多处房产，不符合经济困难标准"));
    assertThat(caseClock(refused).state()).isEqualTo(ClockState.STOPPED);

    tasks.complete(
        incomplete.pid,
        "Task_CheckCompleteness",
        Map.of("materialsCheck", "INCOMPLETE", "missingMaterials", "劳动合同；工资条"));
    assertThat(caseClock(incomplete).state()).isEqualTo(ClockState.PAUSED);

    // objection received Wed 30 Sep: five days end Mon 5 Oct, a holiday → due Thu 8 Oct
    moveTo(START.plus(Duration.ofDays(1)));
    legalAid.objectionLodged(refused.number, "申请人房产已被法院查封，实际无收入", "wuhua");
    Task objection = tasks.await(refused.pid, "Task_DecideObjection");
    assertThat(objection.getDueDate().toInstant()).isEqualTo(octoberEighth);
    ClockView objectionClock = stageClock(refused, "Task_DecideObjection");
    assertThat(objectionClock.dueDay()).isEqualTo(LocalDate.of(2026, 10, 8));

    // Wed 7 Oct, the last holiday: seven calendar days have passed, the period has not
    moveTo(LocalDateTime.of(2026, 10, 7, 12, 0).atZone(Formats.CHINA).toInstant());
    assertThat(stageClock(refused, "Task_DecideObjection").dueAt()).isAfter(clock.instant());
    assertThat(stageClock(refused, "Task_DecideObjection").alertLevel())
        .isNotEqualTo(AlertLevel.BREACH);

    // Fri 9 Oct: the objection period is breached and the watcher records it
    moveTo(LocalDateTime.of(2026, 10, 9, 10, 0).atZone(Formats.CHINA).toInstant());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(caseFiles.history(refused.number))
                    .extracting(HistoryView::action)
                    .contains("超期：异议审查"));

    // the materials arrive on 9 Oct: the ten days of waiting move the decision date by ten days
    legalAid.materialsSubmitted(incomplete.number, "补交劳动合同和工资条", "wuhua");
    tasks.idle();
    assertThat(caseClock(incomplete).state()).isEqualTo(ClockState.RUNNING);
    ClockView resumed = caseClock(incomplete);
    assertThat(resumed.pausedDays()).isEqualTo(10);
    assertThat(resumed.dueDay()).isEqualTo(LocalDate.of(2026, 10, 16));
    tasks.await(incomplete.pid, "Task_CheckCompleteness");
  }

  record Case(String number, String pid) {}

  private Case file() {
    String number =
        legalAid
            .apply(
                new ApplyForLegalAid(
                    LegalAidTestSupport.person(
                        LegalAidTestSupport.uniqueName(),
                        PersonCategory.VETERAN,
                        DemoRegion.TOWNSHIP),
                    MatterType.LABOUR,
                    "拖欠工资",
                    "泉州某某物流有限公司",
                    null,
                    null,
                    "身份证",
                    null,
                    "wuhua"))
            .caseNumber();
    // the instance is started in the filing transaction
    String pid = caseFiles.get(number).processInstanceId();
    assertThat(pid).as("process instance of %s", number).isNotNull();
    return new Case(number, pid);
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

  /** Both clocks to {@code target} (never back), then what became due in the engine runs. */
  private void moveTo(Instant target) {
    clock.moveTo(target);
    ClockUtil.setCurrentTime(Date.from(clock.instant()));
    tasks.idle();
  }
}
