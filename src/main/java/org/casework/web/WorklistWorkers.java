package org.casework.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffMember;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.VariableInstance;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The engine side of the home pages and the liaison's task list (the only engine types of this
 * module): counts of a member's own and group tasks, the ones due soon, a township's overdue tasks
 * and the engine's health. Every task links into Tasklist.
 */
@Component
class WorklistWorkers {

  /** A task as the home page lists it: name, due date, link into Tasklist. */
  record TaskLine(
      String id, String name, Instant due, boolean overdue, String link, Long personId) {}

  /** The member's counts and their tasks due within three days (or overdue). */
  record Worklist(long mine, long group, List<TaskLine> dueSoon) {}

  /** What the administrator checks: the engine answers, its running and failed instances. */
  record EngineHealth(
      boolean up, long runningInstances, long incidents, long openTasks, String problem) {}

  static final String TASKLIST = "/operaton/app/tasklist/default/#/?task=";
  private static final Duration SOON = Duration.ofDays(3);

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final Jurisdiction jurisdiction;
  private final Clock clock;

  WorklistWorkers(
      TaskService tasks, RuntimeService runtime, Jurisdiction jurisdiction, Clock clock) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
  }

  Worklist worklist(StaffMember me) {
    List<String> groups = me.groups();
    long mine = tasks.createTaskQuery().taskAssignee(me.username()).active().count();
    long group =
        groups.isEmpty()
            ? 0
            : tasks
                .createTaskQuery()
                .taskCandidateGroupIn(groups)
                .taskUnassigned()
                .active()
                .count();
    Date soon = Date.from(clock.instant().plus(SOON));
    TaskQuery due = tasks.createTaskQuery().active().dueBefore(soon);
    due =
        groups.isEmpty()
            ? due.taskAssignee(me.username())
            : due.or().taskAssignee(me.username()).taskCandidateGroupIn(groups).endOr();
    return new Worklist(mine, group, lines(due.orderByDueDate().asc().listPage(0, 10)));
  }

  /** Tasks of the township (its staff's groups and its villages' liaisons) past their due date. */
  List<TaskLine> overdueIn(RegionCode township, int limit) {
    List<String> groups = townshipGroups(township);
    return lines(
        tasks
            .createTaskQuery()
            .active()
            .taskCandidateGroupIn(groups)
            .includeAssignedTasks()
            .dueBefore(Date.from(clock.instant()))
            .orderByDueDate()
            .asc()
            .listPage(0, limit));
  }

  long overdueCount(RegionCode township) {
    return tasks
        .createTaskQuery()
        .active()
        .taskCandidateGroupIn(townshipGroups(township))
        .includeAssignedTasks()
        .dueBefore(Date.from(clock.instant()))
        .count();
  }

  /** The liaison's contact and visit tasks: hers and her village's, due first. */
  List<TaskLine> contactTasks(StaffMember me) {
    List<String> groups = me.groups();
    TaskQuery q = tasks.createTaskQuery().active().taskDefinitionKey("Task_RecordContact");
    q =
        groups.isEmpty()
            ? q.taskAssignee(me.username())
            : q.or().taskAssignee(me.username()).taskCandidateGroupIn(groups).endOr();
    List<Task> page = q.orderByDueDate().asc().listPage(0, 50);
    // the person of every task in one variable query (the contact process's start variable), not
    // one engine lookup per task
    Map<String, Long> personOf = new HashMap<>();
    if (!page.isEmpty()) {
      String[] instances =
          page.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
      for (VariableInstance v :
          runtime
              .createVariableInstanceQuery()
              .processInstanceIdIn(instances)
              .variableName("personId")
              .disableCustomObjectDeserialization()
              .list()) {
        // the instance's own variable wins over one of the same name deeper in the instance
        boolean instanceScope = v.getProcessInstanceId().equals(v.getExecutionId());
        if (v.getValue() instanceof Number n
            && (instanceScope || !personOf.containsKey(v.getProcessInstanceId()))) {
          personOf.put(v.getProcessInstanceId(), n.longValue());
        }
      }
    }
    List<TaskLine> out = new ArrayList<>();
    for (Task t : page) {
      out.add(line(t, personOf.get(t.getProcessInstanceId())));
    }
    return out;
  }

  EngineHealth health() {
    try {
      return new EngineHealth(
          true,
          runtime.createProcessInstanceQuery().active().count(),
          runtime.createIncidentQuery().count(),
          tasks.createTaskQuery().active().count(),
          null);
    } catch (RuntimeException e) {
      return new EngineHealth(false, 0, 0, 0, "流程引擎无响应：" + e.getClass().getSimpleName());
    }
  }

  private List<String> townshipGroups(RegionCode township) {
    List<String> groups = new ArrayList<>();
    for (Role role : Role.values()) {
      if (role.level() == RegionLevel.TOWNSHIP) {
        groups.add(CandidateGroups.of(township, role));
      }
    }
    for (Region village : jurisdiction.children(township)) {
      groups.add(CandidateGroups.of(village.code(), Role.VILLAGE_LIAISON));
    }
    return groups;
  }

  private List<TaskLine> lines(List<Task> list) {
    return list.stream().map(t -> line(t, null)).toList();
  }

  private TaskLine line(Task t, Long personId) {
    Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
    return new TaskLine(
        t.getId(),
        t.getName(),
        due,
        due != null && due.isBefore(clock.instant()),
        TASKLIST + t.getId(),
        personId);
  }
}
