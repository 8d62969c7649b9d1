package org.casework.legalaid.internal;

import org.casework.common.Decisions;
import org.casework.common.process.ProcessVariables;
import org.casework.legalaid.LegalAidErrors;
import org.casework.legalaid.internal.LegalAidDecisions.Decision;
import org.casework.legalaid.internal.LegalAidDecisions.ObjectionOutcome;
import org.casework.legalaid.internal.LegalAidDecisions.Progress;
import org.casework.legalaid.internal.LegalAidVariables.AssignmentInput;
import org.casework.legalaid.internal.LegalAidVariables.CaseOnly;
import org.casework.legalaid.internal.LegalAidVariables.ClosingInput;
import org.casework.legalaid.internal.LegalAidVariables.CompletenessInput;
import org.casework.legalaid.internal.LegalAidVariables.DecisionInput;
import org.casework.legalaid.internal.LegalAidVariables.ObjectionInput;
import org.casework.legalaid.internal.LegalAidVariables.ProgressInput;
import org.casework.legalaid.internal.LegalAidVariables.SurveyInput;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The process adapter of bpmn/legal-aid.bpmn (the only legal-aid class that sees the engine): each
 * service task calls one method here by expression; it reads a variables record, calls one step and
 * writes the result record back. The step key (activity instance) makes every step idempotent. A
 * business outcome is a {@link org.casework.common.StepOutcome} thrown by the step, which the
 * engine adapter turns into the BPMN error the process catches.
 */
@Component
public class LegalAidWorkers {

  private final LegalAidSteps steps;

  LegalAidWorkers(LegalAidSteps steps) {
    this.steps = steps;
  }

  public void loadCase(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    ProcessVariables.write(
        execution, steps.load(in.caseNumber(), execution.getProcessInstanceId()));
  }

  public void recordCompleteness(DelegateExecution execution) {
    CompletenessInput in = ProcessVariables.read(execution, CompletenessInput.class);
    ProcessVariables.write(execution, steps.recordCompleteness(in, key(execution)));
  }

  /** {@code notice}: which notice (MISSING_MATERIALS, REFUSED, OBJECTION_UPHELD, TERMINATED). */
  public void notifyApplicant(DelegateExecution execution, String notice) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.notifyApplicant(in.caseNumber(), notice, key(execution));
  }

  public void closeWithdrawn(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.closeWithdrawn(in.caseNumber(), key(execution));
  }

  public void recordDecision(DelegateExecution execution) {
    DecisionInput in = ProcessVariables.read(execution, DecisionInput.class);
    Decision decision =
        Decisions.parse(Decision.class, in.decision(), LegalAidErrors.INVALID_TASK, "决定");
    ProcessVariables.write(execution, steps.recordDecision(in, decision, key(execution)));
  }

  public void recordObjection(DelegateExecution execution) {
    ObjectionInput in = ProcessVariables.read(execution, ObjectionInput.class);
    ObjectionOutcome outcome =
        Decisions.parse(
            ObjectionOutcome.class, in.objectionOutcome(), LegalAidErrors.INVALID_TASK, "异议审查决定");
    ProcessVariables.write(execution, steps.recordObjection(in, outcome, key(execution)));
  }

  public void closeRefused(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.closeRefused(in.caseNumber(), key(execution));
  }

  public void assignLawyer(DelegateExecution execution) {
    AssignmentInput in = ProcessVariables.read(execution, AssignmentInput.class);
    ProcessVariables.write(
        execution, steps.assignLawyer(in.caseNumber(), in.lawyerUsername(), key(execution)));
  }

  public void recordProgress(DelegateExecution execution) {
    ProgressInput in = ProcessVariables.read(execution, ProgressInput.class);
    Progress action =
        Decisions.parse(Progress.class, in.progressAction(), LegalAidErrors.INVALID_TASK, "办理事项");
    ProcessVariables.write(execution, steps.recordProgress(in, action, key(execution)));
  }

  public void recordClosing(DelegateExecution execution) {
    ClosingInput in = ProcessVariables.read(execution, ClosingInput.class);
    ProcessVariables.write(execution, steps.recordClosing(in, key(execution)));
  }

  public void recordSurvey(DelegateExecution execution) {
    SurveyInput in = ProcessVariables.read(execution, SurveyInput.class);
    ProcessVariables.write(execution, steps.recordSurvey(in, key(execution)));
  }

  /**
   * One key per activity instance: a step run again for the same activity instance finds its own
   * history line and does nothing twice.
   */
  private static String key(DelegateExecution execution) {
    return execution.getCurrentActivityId() + ":" + execution.getActivityInstanceId();
  }
}
