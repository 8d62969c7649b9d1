package org.casework.security.internal;

import static org.operaton.bpm.engine.authorization.Authorization.ANY;
import static org.operaton.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.operaton.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.jurisdiction.CandidateGroups;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.FilterService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Permission;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resource;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.filter.Filter;
import org.operaton.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the engine must hold for staff to work in Tasklist, created at start-up when missing (so a
 * restart changes nothing): Tasklist for every member of staff, Cockpit and Admin for the
 * administrators' group (and every permission on every resource: engine administrators), read
 * access to the shared task filters, and the filters themselves (Tasklist lists nothing without
 * one). Which tasks a filter shows is still the engine's authorization: the candidate groups of
 * each task.
 */
@Component
class TasklistAccessSetup {

  private static final Logger log = LoggerFactory.getLogger(TasklistAccessSetup.class);

  static final String MINE = "我的待办";
  static final String MY_GROUPS = "本组待办";
  static final String DUE_SOON = "即将到期";
  static final String OVERDUE = "已逾期";

  private static final String ME = "${currentUser()}";
  private static final String MY_GROUP_IDS = "${currentUserGroups()}";

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  TasklistAccessSetup(
      AuthorizationService authorizations, FilterService filters, TaskService tasks) {
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensure() {
    global(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantGroup(CandidateGroups.ENGINE_ADMINS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantGroup(CandidateGroups.ENGINE_ADMINS, Resources.APPLICATION, "admin", Permissions.ACCESS);
    // the engine's admin groups pass only its admin checks; what they may see and do in the web
    // apps is authorizations like everyone's: all of them, on every resource
    for (Resources resource : Resources.values()) {
      grantGroup(CandidateGroups.ENGINE_ADMINS, resource, ANY, Permissions.ALL);
    }
    global(Resources.FILTER, ANY, Permissions.READ);
    // process names and forms in Tasklist; instances and their data stay per task
    global(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);

    filter(
        MINE,
        "分配给我的任务",
        -10,
        tasks.createTaskQuery().taskAssigneeExpression(ME).orderByDueDate().asc());
    filter(
        MY_GROUPS,
        "本岗位（候选组）尚未认领的任务",
        -5,
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression(MY_GROUP_IDS)
            .orderByDueDate()
            .asc());
    filter(
        DUE_SOON,
        "两日内到期：我的或本岗位的任务",
        0,
        mineOrMyGroups()
            .dueAfterExpression("${now()}")
            .dueBeforeExpression("${dateTime().plusDays(2).toDate()}")
            .orderByDueDate()
            .asc());
    filter(
        OVERDUE,
        "已过办理期限：我的或本岗位的任务",
        5,
        mineOrMyGroups().dueBeforeExpression("${now()}").orderByDueDate().asc());
  }

  private TaskQuery mineOrMyGroups() {
    return tasks
        .createTaskQuery()
        .or()
        .taskAssigneeExpression(ME)
        .taskCandidateGroupInExpression(MY_GROUP_IDS)
        .endOr();
  }

  private void filter(String name, String description, int priority, TaskQuery query) {
    if (filters.createTaskFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", List.of(Map.of("name", "caseNumber", "label", "案件编号")));
    Filter filter = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
    filters.saveFilter(filter);
    log.info("Tasklist filter {} created", name);
  }

  private void global(Resource resource, String resourceId, Permission permission) {
    boolean exists =
        authorizations
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(resource)
                .resourceId(resourceId)
                .hasPermission(permission)
                .count()
            > 0;
    if (!exists) {
      Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      a.setUserId(ANY);
      a.setResource(resource);
      a.setResourceId(resourceId);
      a.addPermission(permission);
      authorizations.saveAuthorization(a);
      log.info(
          "global authorization {} on {} {}",
          permission.getName(),
          resource.resourceName(),
          resourceId);
    }
  }

  private void grantGroup(
      String group, Resource resource, String resourceId, Permission permission) {
    boolean exists =
        authorizations
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .hasPermission(permission)
                .count()
            > 0;
    if (!exists) {
      Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      a.setGroupId(group);
      a.setResource(resource);
      a.setResourceId(resourceId);
      a.addPermission(permission);
      authorizations.saveAuthorization(a);
      log.info(
          "group {} granted {} on {} {}",
          group,
          permission.getName(),
          resource.resourceName(),
          resourceId);
    }
  }
}
