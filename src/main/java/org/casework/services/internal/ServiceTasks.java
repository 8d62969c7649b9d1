package org.casework.services.internal;

import java.util.List;
import java.util.Map;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.RegionScope;
import org.casework.services.ServiceErrors;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine side of the JSON API: completes a request's open user task as the officer, as Tasklist
 * would (the officer's candidate group is authenticated, so the engine's authorization and the case
 * task listener's checks apply as there).
 */
@Component
class ServiceTasks {

  private final TaskService tasks;
  private final IdentityService identity;

  ServiceTasks(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
  }

  /** Whether the instance has an open task at {@code elementId}. */
  boolean waitingAt(String instanceId, String elementId) {
    return instanceId != null && open(instanceId, elementId) != null;
  }

  /** Claims (when nobody holds it) and completes the open task with the form's fields. */
  void complete(
      String instanceId, String elementId, Map<String, Object> fields, RegionScope scope) {
    Task task = open(instanceId, elementId);
    if (task == null) {
      throw BusinessRuleException.conflict(
          ServiceErrors.NOT_AWAITING_ANSWER,
          "该服务申请当前不在等待转介部门答复，不能登记答复",
          "no task " + elementId + " in " + instanceId);
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(scope.username())) {
      throw BusinessRuleException.conflict(
          ServiceErrors.TASK_CLAIMED,
          "该任务已由 " + task.getAssignee() + " 认领，请联系其办理或在待办中释放",
          "task " + task.getId() + " held by " + task.getAssignee());
    }
    identity.setAuthentication(
        scope.username(), List.of(CandidateGroups.of(scope.region(), scope.role())));
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), scope.username());
      }
      tasks.complete(task.getId(), fields);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task open(String instanceId, String elementId) {
    return tasks
        .createTaskQuery()
        .processInstanceId(instanceId)
        .taskDefinitionKey(elementId)
        .singleResult();
  }
}
