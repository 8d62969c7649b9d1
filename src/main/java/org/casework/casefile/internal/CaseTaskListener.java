package org.casework.casefile.internal;

import java.util.List;
import java.util.Objects;
import org.casework.casefile.CompletionAttempt;
import org.casework.casefile.HistoryEntry;
import org.casework.common.BusinessRuleException;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.operaton.bpm.engine.task.IdentityLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task listener of every user task of a case ({@code create}, {@code assignment}, {@code
 * complete}). The engine knows who acts (the logged-in user of Tasklist or the app), so the history
 * line names them in the same transaction as the engine's move. A completion by someone who may not
 * complete the task (outside its groups, not its named assignee, or refused by a programme's {@link
 * org.casework.casefile.CompletionRule}) is refused here, before anything is written.
 */
@Component("caseTaskListener")
class CaseTaskListener implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(CaseTaskListener.class);

  private final CaseFileService caseFiles;
  private final CompletionRules rules;
  private final IdentityService identity;

  CaseTaskListener(CaseFileService caseFiles, CompletionRules rules, IdentityService identity) {
    this.caseFiles = caseFiles;
    this.rules = rules;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = (String) task.getVariable("caseNumber");
    String elementId = task.getTaskDefinitionKey();
    if (caseNumber == null || !org.casework.casefile.CaseNumber.isCaseNumber(caseNumber)) {
      // a task of no case (a condolence campaign's township list, approval and visits; the 督办 of
      // an overdue contact task, whose reference is CONTACT-<plan id>)
      notifyWithoutCase(task, elementId);
      return;
    }
    switch (task.getEventName()) {
      // the case number on the task itself: Tasklist's lists show task variables to whoever may
      // work on the task (the instance's variables stay hidden from them)
      case EVENTNAME_CREATE -> task.setVariableLocal("caseNumber", caseNumber);
      case EVENTNAME_ASSIGNMENT -> recordAssignment(task, caseNumber, elementId);
      case EVENTNAME_COMPLETE -> complete(task, caseNumber, elementId);
      default -> {
        // update, delete, timeout: nothing to record
      }
    }
  }

  /**
   * A campaign task: refused to anyone outside its groups like a case's (audited without a case
   * number); who claimed is in the engine's history and the log, who completed it goes to the
   * execution as {@code completedBy} for the campaign's own record (a form cannot set it: the
   * Tasklist guard refuses every field outside the task's form).
   */
  private void notifyWithoutCase(DelegateTask task, String elementId) {
    switch (task.getEventName()) {
      case EVENTNAME_ASSIGNMENT ->
          log.info(
              "task {} ({}) of instance {}: {} by {}",
              task.getId(),
              elementId,
              task.getProcessInstanceId(),
              task.getAssignee() == null ? "unclaimed" : "claimed",
              actor(task));
      case EVENTNAME_COMPLETE -> {
        String actor = actor(task);
        try {
          caseFiles.requireMayComplete(null, elementId, actor, candidateGroups(task), false);
        } catch (BusinessRuleException refused) {
          EngineRefusal.remember(refused);
          throw refused;
        }
        // to the scope that declares it (the campaign's township subprocess): a task with a
        // boundary timer is a scope of its own, whose local variables end with the task
        task.getExecution().setVariable("completedBy", actor);
        log.info(
            "task {} ({}) of instance {} completed by {}",
            task.getId(),
            elementId,
            task.getProcessInstanceId(),
            actor);
      }
      default -> {
        // create, update, delete, timeout: nothing to record
      }
    }
  }

  private void complete(DelegateTask task, String caseNumber, String elementId) {
    String actor = actor(task);
    String processId = CaseStageListener.processKey(task.getProcessDefinitionId());
    List<String> groups = candidateGroups(task);
    try {
      caseFiles.requireMayComplete(caseNumber, elementId, actor, groups, assignedByName(task));
      rules.require(
          new CompletionAttempt(caseNumber, processId, elementId, task.getName(), actor), groups);
    } catch (BusinessRuleException refused) {
      // the engine's REST API would answer it as an English 500: the guard answers it in Chinese
      EngineRefusal.remember(refused);
      throw refused;
    }
    caseFiles.recordTaskCompletion(
        caseNumber, processId, elementId, task.getName(), actor, "done:" + task.getId());
    caseFiles.stopStageClock(
        caseNumber, CaseStageListener.stageKey(task.getExecution().getActivityInstanceId()));
  }

  private void recordAssignment(DelegateTask task, String caseNumber, String elementId) {
    String assignee = task.getAssignee();
    String actor = assignee != null ? assignee : actor(task);
    if (assignedByName(task) && !Objects.equals(actor, currentUser())) {
      // the process named the assignee itself (the lawyer): recorded with the step that chose them
      return;
    }
    caseFiles.recordAssignment(
        caseNumber,
        elementId,
        task.getName(),
        actor,
        assignee != null,
        null,
        "claim:" + task.getId() + ":" + System.nanoTime());
  }

  /** The logged-in user; the assignee when the engine is driven without one (system steps). */
  private String actor(DelegateTask task) {
    String user = currentUser();
    if (user != null) {
      return user;
    }
    return task.getAssignee() != null ? task.getAssignee() : HistoryEntry.SYSTEM;
  }

  private String currentUser() {
    Authentication auth = identity.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  private static List<String> candidateGroups(DelegateTask task) {
    return task.getCandidates().stream()
        .map(IdentityLink::getGroupId)
        .filter(Objects::nonNull)
        .sorted()
        .toList();
  }

  /**
   * Whether the BPMN names the assignee (camunda:assignee) instead of leaving a claim to groups.
   */
  private static boolean assignedByName(DelegateTask task) {
    return task instanceof TaskEntity entity
        && entity.getTaskDefinition() != null
        && entity.getTaskDefinition().getAssigneeExpression() != null;
  }
}
