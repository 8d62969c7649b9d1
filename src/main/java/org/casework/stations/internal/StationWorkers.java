package org.casework.stations.internal;

import java.util.List;
import java.util.Map;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.RegionScope;
import org.casework.stations.AcceptanceStatus;
import org.casework.stations.StationAcceptance;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.delegate.BpmnError;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The process adapter of station-acceptance, the only class of the module that sees engine types:
 * the service tasks (an acceptance reached the stage its task promised; the end) and the engine
 * calls of the facade (start, complete a task as the logged-in officer, correlate a message). The
 * pages write the scores and then complete the task in the same transaction; a task completed in
 * Tasklist without them comes back with a Chinese notice.
 */
@Component("stationWorkers")
public class StationWorkers {

  private static final Logger log = LoggerFactory.getLogger(StationWorkers.class);
  static final String INCOMPLETE = "STATION_INCOMPLETE";

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;

  StationWorkers(
      JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, IdentityService identity) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  /**
   * ServiceTask_CheckSelf, ServiceTask_CheckScored: the stage is recorded, else back to the task.
   */
  public void check(DelegateExecution execution, String expected) {
    long id = ((Number) execution.getVariable("acceptanceId")).longValue();
    AcceptanceStatus status = status(id);
    if (status.ordinal() < AcceptanceStatus.valueOf(expected).ordinal()) {
      String notice =
          expected.equals("SUBMITTED") ? "尚未提交自评：请在“服务站”页面逐项自评后提交" : "尚未评分：请在“服务站”页面逐项评分后提交";
      log.info("acceptance {} at {} when {} was expected: back to the task", id, status, expected);
      throw new BpmnError(INCOMPLETE, notice);
    }
    execution.setVariable("taskNotice", null);
  }

  /** ServiceTask_FinishCheck / ServiceTask_FinishUnsampled: the acceptance is final. */
  public void finish(DelegateExecution execution, boolean sampled) {
    long id = ((Number) execution.getVariable("acceptanceId")).longValue();
    Object by = execution.getVariable("completedBy");
    jdbc.update(
        "update stations_acceptance set status = 'FINAL', checked_by = case when ? then"
            + " coalesce(checked_by, ?) else checked_by end where id = ? and status in ('STATED',"
            + " 'SAMPLED')",
        sampled,
        by == null ? null : by.toString(),
        id);
  }

  private AcceptanceStatus status(long id) {
    return AcceptanceStatus.valueOf(
        jdbc.queryForObject(
            "select status from stations_acceptance where id = ?", String.class, id));
  }

  String start(long acceptanceId, Map<String, Object> variables) {
    return runtime
        .startProcessInstanceByKey(
            StationAcceptance.PROCESS, StationAcceptance.businessKey(acceptanceId), variables)
        .getId();
  }

  /** Whether the instance waits at {@code elementId} (a user task or a message catch). */
  boolean waitingAt(String instanceId, String elementId) {
    return !runtime.getActiveActivityIds(instanceId).isEmpty()
        && runtime.getActiveActivityIds(instanceId).contains(elementId);
  }

  /**
   * Completes the open task at {@code elementId} as the officer (claiming it if nobody holds it).
   */
  void complete(String instanceId, String elementId, RegionScope scope) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(instanceId)
            .taskDefinitionKey(elementId)
            .singleResult();
    if (task == null) {
      throw BusinessRuleException.conflict(
          "STATION_TASK_GONE",
          "该环节的待办任务尚未生成或已办理，请稍后刷新页面再试",
          "no task " + elementId + " in " + instanceId);
    }
    identity.setAuthentication(
        scope.username(), List.of(CandidateGroups.of(scope.region(), scope.role())));
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), scope.username());
      } else if (!task.getAssignee().equals(scope.username())) {
        throw BusinessRuleException.conflict(
            "STATION_TASK_CLAIMED",
            "该任务已由 " + task.getAssignee() + " 认领，请联系其办理或释放",
            "task " + task.getId() + " held by " + task.getAssignee());
      }
      tasks.complete(task.getId());
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Correlates {@code message} with the acceptance's instance; it must be waiting for it. */
  void correlate(long acceptanceId, String message, Map<String, Object> variables) {
    runtime
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(StationAcceptance.businessKey(acceptanceId))
        .setVariables(variables)
        .correlate();
  }
}
