package org.casework.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryView;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedCamundaApps;
import org.casework.support.ScriptedTasklist;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Claims in Tasklist reach the case history and the audit log; what happened while the app was down
 * is read from the saved position when it is back (a scripted Tasklist that, like the real one,
 * keeps only each task's current assignee).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import({DemoRegion.class, ScriptedCamundaApps.class})
class TaskClaimWatcherTest {

  @Autowired TaskClaimWatcher watcher;
  @Autowired ScriptedTasklist tasklist;
  @Autowired HardshipAssistance assistance;
  @Autowired CaseFiles caseFiles;
  @Autowired DemoRegion region;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseFileService caseFileService;
  @Autowired TaskWatchRepository watches;
  @Autowired TaskCursorRepository cursors;
  @Autowired org.springframework.transaction.PlatformTransactionManager txManager;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;
  @Autowired java.time.Clock clock;

  String number;
  long pik;
  String taskId;

  @BeforeEach
  void setUp() {
    region.ensure();
    tasklist.reset();
    // tasks of earlier runs are history: start the completed stream after them
    jdbc.update("DELETE FROM casefile_task_cursor");
    number =
        assistance
            .apply(
                new ApplyForAssistance(
                    TestPeople.veteran("郑𠮷和", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                    HardshipCause.ILLNESS,
                    "长期患病",
                    new BigDecimal("700.00"),
                    new BigDecimal("500.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    pik =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> caseFiles.get(number).processInstanceKey(), k -> k != null);
    taskId = String.valueOf(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
  }

  /**
   * One story (one engine deployment, the machine is shared): a claim while the app runs, then a
   * hand-over and two completions while it is down.
   */
  @Test
  void shouldRecordClaimsOnceAndCatchUpFromTheSavedPositionAfterDowntime() {
    tasklist.create(taskId, pik, "Task_VillageVerification", "村级核实");
    assertThat(watcher.poll()).as("an unassigned task is no claim").isZero();

    tasklist.assign(taskId, "lixiaohong");
    assertThat(watcher.poll()).isEqualTo(1);
    assertThat(watcher.poll()).as("seen once, recorded once").isZero();

    assertThat(caseFiles.history(number))
        .filteredOn(h -> h.action().startsWith("认领任务"))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.actor()).isEqualTo("lixiaohong");
              assertThat(h.actorRole()).isEqualTo("VILLAGE_LIAISON");
              assertThat(h.action()).isEqualTo("认领任务：入户核实");
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForList(
                    "SELECT actor FROM audit_entry WHERE case_number = ? AND action LIKE '认领任务%'",
                    String.class, number),
            actors -> actors.equals(List.of("lixiaohong")));

    // the app is down: the task is handed over and completed, and a second task is opened,
    // claimed and completed, all before the app reads Tasklist again
    tasklist.unassign(taskId);
    tasklist.assign(taskId, "zhangwei");
    tasklist.complete(taskId);
    String second = taskId + "7";
    tasklist.create(second, pik, "Task_TownshipReview", "乡镇审核");
    tasklist.assign(second, "wangfang");
    tasklist.complete(second);

    // back up: a new watcher (nothing kept in memory) resumes from what the database holds
    TaskClaimWatcher restarted =
        new TaskClaimWatcher(
            tasklist, caseFileService, watches, cursors, txManager, json, clock, false);
    assertThat(restarted.poll()).isEqualTo(3);

    assertThat(caseFiles.history(number))
        .filteredOn(h -> h.action().startsWith("认领任务") || h.action().startsWith("取消认领"))
        .extracting(HistoryView::actor, HistoryView::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("lixiaohong", "认领任务：入户核实"),
            org.assertj.core.groups.Tuple.tuple("lixiaohong", "取消认领：入户核实"),
            org.assertj.core.groups.Tuple.tuple("zhangwei", "认领任务：入户核实"),
            org.assertj.core.groups.Tuple.tuple("wangfang", "认领任务：乡镇受理审核"));

    // the next pass resumes after the last completed task it read: nothing is read twice
    assertThat(restarted.poll()).isZero();
    List<List<String>> queries = tasklist.completedQueries();
    assertThat(queries.getLast()).containsExactly("2");
    assertThat(jdbc.queryForObject("SELECT sort_values FROM casefile_task_cursor", String.class))
        .isEqualTo("[\"2\"]");
  }
}
