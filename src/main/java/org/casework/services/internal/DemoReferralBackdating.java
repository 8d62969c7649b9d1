package org.casework.services.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseView;
import org.casework.casefile.HistoryEntry;
import org.casework.clocks.ClockState;
import org.casework.clocks.ClockView;
import org.casework.clocks.Clocks;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.services.ServiceMode;
import org.casework.services.ServiceRequestView;
import org.casework.services.internal.RequestStore.Row;
import org.casework.services.internal.RequestStore.State;
import org.casework.services.internal.ServiceSteps.ReferralDeadlines;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the demo data of a fresh install only: a referral whose department answer is already overdue,
 * so the supervisors' cockpit and the station's list show one out of the box. The request is taken
 * through acceptance by the officer (as in Tasklist) to the referral, and then everything the
 * referral started is moved back to the day given, in one transaction: the request's filing,
 * referral and answer due date, the whole-request clock and the 转介部门答复 stage clock (backdated with
 * a reason, as the clocks allow for cases taken over from paper), the task's due date, and the two
 * timers (reminder, overdue), which then fire at once and write 转介催办 and 转介答复超期 to the history as a
 * real late answer would. The history says that the dates were moved for the demo.
 *
 * <p>Refused unless {@code casework.services.demo-backdating} (default: {@code casework.demo-data})
 * is on, so no real request can be backdated this way.
 */
@Component
class DemoReferralBackdating {

  private static final Logger log = LoggerFactory.getLogger(DemoReferralBackdating.class);
  static final String REASON = "演示数据：转介按原转介日期起算，用于展示转介答复超期";
  private static final Duration DRIVE_LIMIT = Duration.ofSeconds(60);

  private final RequestStore requests;
  private final ServiceSteps steps;
  private final ServiceTasks serviceTasks;
  private final CaseFiles caseFiles;
  private final Clocks clocks;
  private final Jurisdiction jurisdiction;
  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;
  private final boolean allowed;

  DemoReferralBackdating(
      RequestStore requests,
      ServiceSteps steps,
      ServiceTasks serviceTasks,
      CaseFiles caseFiles,
      Clocks clocks,
      Jurisdiction jurisdiction,
      TaskService tasks,
      ManagementService management,
      RuntimeService runtime,
      PlatformTransactionManager transactions,
      @Value("${casework.services.demo-backdating:${casework.demo-data:false}}") boolean allowed) {
    this.requests = requests;
    this.steps = steps;
    this.serviceTasks = serviceTasks;
    this.caseFiles = caseFiles;
    this.clocks = clocks;
    this.jurisdiction = jurisdiction;
    this.tasks = tasks;
    this.management = management;
    this.runtime = runtime;
    this.transaction = new TransactionTemplate(transactions);
    this.allowed = allowed;
  }

  ServiceRequestView referAndBackdate(
      String caseNumber,
      LocalDate referredOn,
      String officer,
      Function<Row, ServiceRequestView> view) {
    if (!allowed) {
      throw BusinessRuleException.forbidden(
          "SERVICE_DEMO_ONLY", "仅演示数据可回溯转介日期", "demo backdating is off; refused for " + caseNumber);
    }
    Row r = requests.find(caseNumber).orElseThrow();
    if (!ServiceMode.REFERRAL.name().equals(r.mode())) {
      throw new IllegalArgumentException(caseNumber + " is not a referral item");
    }
    RegionScope scope = RegionScope.of(jurisdiction.staff(officer).orElseThrow());
    String pid = caseFiles.get(caseNumber).processInstanceId();
    // not in one transaction: each job and the task completion commit as under the job executor
    if (r.state() != State.REFERRED) {
      driveTo(pid, ServiceSteps.ACCEPT_TASK);
      serviceTasks.complete(
          pid,
          ServiceSteps.ACCEPT_TASK,
          Map.of("acceptDecision", "ACCEPT", "acceptNote", "材料齐全，转介区医疗保障局"),
          scope);
    }
    driveTo(pid, ServiceSteps.ANSWER_TASK);
    transaction.executeWithoutResult(status -> backdate(caseNumber, pid, referredOn, officer));
    log.info("demo: referral of {} moved back to {}", caseNumber, referredOn);
    return view.apply(requests.find(caseNumber).orElseThrow());
  }

  private void backdate(String caseNumber, String pid, LocalDate referredOn, String officer) {
    Row r = requests.find(caseNumber).orElseThrow();
    ReferralDeadlines d = steps.referralDeadlines(r.townshipCode(), referredOn);
    Instant referredAt = referredOn.atTime(LocalTime.of(10, 0)).atZone(Formats.CHINA).toInstant();
    CaseView c = caseFiles.get(caseNumber);
    if (!d.due().isBefore(Instant.now())) {
      throw new IllegalArgumentException("a referral on " + referredOn + " is not overdue yet");
    }
    requests.backdateReferral(caseNumber, referredAt, d.due());
    clocks.backdate(caseNumber, Clocks.CASE_CLOCK, referredAt, REASON, officer);
    ClockView stage =
        clocks.clocks(caseNumber).stream()
            .filter(k -> ServiceSteps.ANSWER_TASK.equals(k.stage()))
            .filter(k -> k.state() == ClockState.RUNNING)
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("no referral stage clock of " + caseNumber));
    ClockView moved = clocks.backdate(caseNumber, stage.clockKey(), referredAt, REASON, officer);
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(pid)
            .taskDefinitionKey(ServiceSteps.ANSWER_TASK)
            .singleResult();
    task.setDueDate(Date.from(moved.dueAt()));
    tasks.saveTask(task);
    runtime.setVariable(pid, "referralDueAt", d.due().toString());
    runtime.setVariable(pid, "referralRemindAt", d.remind().toString());
    for (Job timer : management.createJobQuery().processInstanceId(pid).timers().list()) {
      String activity = timerActivity(timer);
      if ("Timer_ReferralReminder".equals(activity)) {
        management.setJobDuedate(timer.getId(), Date.from(d.remind()));
      } else if ("Timer_ReferralOverdue".equals(activity)) {
        management.setJobDuedate(timer.getId(), Date.from(d.due()));
      }
    }
    caseFiles.record(
        caseNumber,
        HistoryEntry.system(
            "演示数据：转介日期回溯",
            "转介于 " + Formats.chinaDate(referredAt) + "，答复期限 " + Formats.dateTime(d.due()),
            REASON + "（" + c.caseNumber() + "）",
            "demo-backdate:" + caseNumber));
  }

  private String timerActivity(Job timer) {
    return management
        .createJobDefinitionQuery()
        .jobDefinitionId(timer.getJobDefinitionId())
        .singleResult()
        .getActivityId();
  }

  /**
   * Runs the instance's due jobs (as the job executor would; if it runs one at the same time, one
   * of the two fails on the engine's optimistic lock and the other's result stands) until the task
   * at {@code elementId} is open.
   */
  private void driveTo(String pid, String elementId) {
    Instant end = Instant.now().plus(DRIVE_LIMIT);
    while (!serviceTasks.waitingAt(pid, elementId)) {
      List<Job> due = management.createJobQuery().processInstanceId(pid).executable().list();
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (ProcessEngineException ranElsewhere) {
          log.debug("demo: job {} not run here: {}", job.getId(), ranElsewhere.toString());
        }
      }
      if (Instant.now().isAfter(end)) {
        throw new IllegalStateException("demo: " + pid + " did not reach " + elementId);
      }
      if (due.isEmpty()) {
        try {
          Thread.sleep(100); // the job executor holds the job: wait for it to finish
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    }
  }
}
