package org.casework.petition.internal;

import org.casework.casefile.CaseType;
import org.casework.common.Decisions;
import org.casework.common.process.ProcessVariables;
import org.casework.petition.NoticeKind;
import org.casework.petition.PetitionErrors;
import org.casework.petition.internal.PetitionDecisions.Acceptance;
import org.casework.petition.internal.PetitionDecisions.Extension;
import org.casework.petition.internal.PetitionDecisions.OpinionAction;
import org.casework.petition.internal.PetitionVariables.CaseOnly;
import org.casework.petition.internal.PetitionVariables.DecisionInput;
import org.casework.petition.internal.PetitionVariables.ExtensionInput;
import org.casework.petition.internal.PetitionVariables.InvestigationInput;
import org.casework.petition.internal.PetitionVariables.MeetingInput;
import org.casework.petition.internal.PetitionVariables.OpinionInput;
import org.casework.petition.internal.PetitionVariables.ReReviewInput;
import org.casework.petition.internal.PetitionVariables.ReviewInput;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The engine adapter of bpmn/petition.bpmn (service task expressions {@code
 * ${petitionWorkers.x(execution)}}): a variables record in, one step, a record out; and the
 * messages the facade delivers to a waiting instance.
 */
@Component
public class PetitionWorkers {

  /** The user tasks the BPMN assigns to {@code handlingOfficer}. */
  static final String[] HANDLING_TASKS = {
    PetitionSteps.INVESTIGATION_TASK, PetitionSteps.MEETING_TASK, PetitionSteps.OPINION_TASK
  };

  private final PetitionSteps steps;
  private final RuntimeService runtime;
  private final TaskService tasks;

  PetitionWorkers(PetitionSteps steps, RuntimeService runtime, TaskService tasks) {
    this.steps = steps;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  public void load(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    ProcessVariables.write(
        execution, steps.load(in.caseNumber(), execution.getProcessInstanceId()));
  }

  public void recordDecision(DelegateExecution execution) {
    DecisionInput in = ProcessVariables.read(execution, DecisionInput.class);
    Acceptance decision =
        Decisions.parse(Acceptance.class, in.decision(), PetitionErrors.INVALID_INPUT, "受理决定");
    ProcessVariables.write(execution, steps.recordDecision(in, decision, key(execution)));
  }

  /** One step for every written notice; the BPMN passes the kind (the old task header). */
  public void issueNotice(DelegateExecution execution, String notice) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    NoticeKind kind = NoticeKind.valueOf(notice);
    ProcessVariables.write(execution, steps.issueNotice(in.caseNumber(), kind, key(execution)));
  }

  public void recordInvestigation(DelegateExecution execution) {
    InvestigationInput in = ProcessVariables.read(execution, InvestigationInput.class);
    ProcessVariables.write(execution, steps.recordInvestigation(in, key(execution)));
  }

  public void recordMeeting(DelegateExecution execution) {
    MeetingInput in = ProcessVariables.read(execution, MeetingInput.class);
    ProcessVariables.write(execution, steps.recordMeeting(in, key(execution)));
  }

  public void recordOpinion(DelegateExecution execution) {
    OpinionInput in = ProcessVariables.read(execution, OpinionInput.class);
    OpinionAction action =
        Decisions.parse(
            OpinionAction.class, in.opinionAction(), PetitionErrors.INVALID_INPUT, "办理事项");
    ProcessVariables.write(execution, steps.recordOpinion(in, action, key(execution)));
  }

  public void recordExtension(DelegateExecution execution) {
    ExtensionInput in = ProcessVariables.read(execution, ExtensionInput.class);
    Extension decision =
        Decisions.parse(
            Extension.class, in.extensionDecision(), PetitionErrors.INVALID_INPUT, "延期审批意见");
    ProcessVariables.write(execution, steps.recordExtension(in, decision, key(execution)));
  }

  public void recordReview(DelegateExecution execution) {
    ReviewInput in = ProcessVariables.read(execution, ReviewInput.class);
    ProcessVariables.write(
        execution,
        steps.recordReview(
            in.caseNumber(), in.reviewOutcome(), in.reviewOpinion(), false, key(execution)));
  }

  public void recordReReview(DelegateExecution execution) {
    ReReviewInput in = ProcessVariables.read(execution, ReReviewInput.class);
    ProcessVariables.write(
        execution,
        steps.recordReview(
            in.caseNumber(), in.rereviewOutcome(), in.rereviewOpinion(), true, key(execution)));
  }

  public void finalizeMatter(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.finalizeMatter(in.caseNumber(), key(execution));
  }

  /**
   * Another officer takes over an accepted petition: the open handling task is reassigned to them
   * and the handling tasks still to come are assigned to them ({@code handlingOfficer}), in the
   * caller's transaction. Nothing to do when the case has no running instance.
   */
  void handOver(String caseNumber, String officer) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseType.PETITION.processId())
            .processInstanceBusinessKey(caseNumber)
            .singleResult();
    if (instance == null) {
      return;
    }
    runtime.setVariable(instance.getId(), "handlingOfficer", officer);
    tasks
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKeyIn(HANDLING_TASKS)
        .list()
        .stream()
        .filter(t -> !officer.equals(t.getAssignee()))
        .forEach(t -> tasks.setAssignee(t.getId(), officer));
  }

  private static String key(DelegateExecution execution) {
    return execution.getCurrentActivityId() + ":" + execution.getActivityInstanceId();
  }
}
