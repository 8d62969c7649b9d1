package org.casework.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.StaffMember;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives user tasks, jobs and timers of the embedded engine in process tests, with no waiting: due
 * jobs run in the test's thread ({@link #idle}), time moves with the engine clock ({@link
 * #advance}), and a task is completed as its scripted member of staff, logged in with their group,
 * as Tasklist would (so the engine's authorization and the task listeners see that user).
 */
public class UserTasks {

  private static final Logger log = LoggerFactory.getLogger(UserTasks.class);
  private static final int MAX_JOBS = 1000;

  private final TaskService taskService;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final IdentityService identity;
  private final Jurisdiction jurisdiction;
  private final ScriptedTaskActors actors;

  public UserTasks(
      TaskService taskService,
      RuntimeService runtime,
      ManagementService management,
      IdentityService identity,
      Jurisdiction jurisdiction,
      ScriptedTaskActors actors) {
    this.taskService = taskService;
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
    this.jurisdiction = jurisdiction;
    this.actors = actors;
  }

  /** The open task at {@code elementId} of the instance, after running what is due. */
  public Task await(String processInstanceId, String elementId) {
    idle();
    Task task = find(processInstanceId, elementId);
    assertThat(task)
        .as("open task %s in process instance %s", elementId, processInstanceId)
        .isNotNull();
    return task;
  }

  /** The open task at {@code elementId}, or null. */
  public Task find(String processInstanceId, String elementId) {
    return taskService
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(elementId)
        .initializeFormKeys()
        .singleResult();
  }

  /** Completes the task at {@code elementId} as the user scripted for it. */
  public Task complete(String processInstanceId, String elementId, Map<String, Object> variables) {
    return completeAs(actors.of(elementId), processInstanceId, elementId, variables);
  }

  /**
   * Claims (if nobody holds it) and completes the task as {@code username}, then runs what is due.
   */
  public Task completeAs(
      String username, String processInstanceId, String elementId, Map<String, Object> variables) {
    Task task = await(processInstanceId, elementId);
    asUser(
        username,
        () -> {
          if (task.getAssignee() == null) {
            taskService.claim(task.getId(), username);
          }
          taskService.complete(task.getId(), variables);
        });
    idle();
    return task;
  }

  /** Runs {@code action} logged in as {@code username} with their candidate group. */
  public void asUser(String username, Runnable action) {
    List<String> groups =
        jurisdiction.staff(username).map(StaffMember::candidateGroup).stream().toList();
    identity.setAuthentication(username, groups);
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  public List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(Objects::nonNull)
        .sorted()
        .toList();
  }

  public Map<String, Object> variables(Task task) {
    return taskService.getVariables(task.getId());
  }

  public Map<String, Object> variables(String processInstanceId) {
    return runtime.getVariables(processInstanceId);
  }

  /**
   * Runs every job that is due by the engine clock (async steps, timers), again and again until
   * none is left. A failing job counts down its retries as under the job executor (its next try is
   * due later: move the clock to see it).
   */
  public void idle() {
    for (int i = 0; i < MAX_JOBS; i++) {
      List<Job> due = management.createJobQuery().executable().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      try {
        management.executeJob(due.get(0).getId());
      } catch (RuntimeException failed) {
        log.info("job {} failed: {}", due.get(0).getId(), failed.toString());
      }
    }
    throw new IllegalStateException("more than " + MAX_JOBS + " jobs in a row: a loop?");
  }

  /** Moves the engine clock forward and runs what became due. */
  public void advance(Duration duration) {
    ClockUtil.setCurrentTime(
        new java.util.Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    idle();
  }
}
