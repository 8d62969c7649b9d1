package org.casework.legalaid.internal;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.VariablesAsType;
import org.casework.legalaid.internal.LegalAidVariables.AssignmentInput;
import org.casework.legalaid.internal.LegalAidVariables.AssignmentOutput;
import org.casework.legalaid.internal.LegalAidVariables.CaseOnly;
import org.casework.legalaid.internal.LegalAidVariables.ClosingInput;
import org.casework.legalaid.internal.LegalAidVariables.CompletenessInput;
import org.casework.legalaid.internal.LegalAidVariables.CompletenessOutput;
import org.casework.legalaid.internal.LegalAidVariables.DecisionInput;
import org.casework.legalaid.internal.LegalAidVariables.DecisionOutput;
import org.casework.legalaid.internal.LegalAidVariables.LoadedCase;
import org.casework.legalaid.internal.LegalAidVariables.ObjectionInput;
import org.casework.legalaid.internal.LegalAidVariables.ObjectionOutput;
import org.casework.legalaid.internal.LegalAidVariables.ProgressInput;
import org.casework.legalaid.internal.LegalAidVariables.ProgressOutput;
import org.casework.legalaid.internal.LegalAidVariables.SurveyInput;
import org.casework.legalaid.internal.LegalAidVariables.TaskNotice;
import org.springframework.stereotype.Component;

/**
 * Job workers of bpmn/legal-aid.bpmn: read a variables record, call one step, return a result
 * record. The step key (element instance) makes every step idempotent.
 */
@Component
public class LegalAidWorkers {

  private final LegalAidSteps steps;

  LegalAidWorkers(LegalAidSteps steps) {
    this.steps = steps;
  }

  @JobWorker(type = "legalaid.load-case")
  public LoadedCase loadCase(ActivatedJob job, @VariablesAsType CaseOnly in) {
    return steps.load(in.caseNumber(), job.getProcessInstanceKey());
  }

  @JobWorker(type = "legalaid.record-completeness")
  public CompletenessOutput recordCompleteness(
      ActivatedJob job, @VariablesAsType CompletenessInput in) {
    return steps.recordCompleteness(in, key(job));
  }

  @JobWorker(type = "legalaid.notify-applicant")
  public void notifyApplicant(ActivatedJob job, @VariablesAsType CaseOnly in) {
    steps.notifyApplicant(in.caseNumber(), job.getCustomHeaders().get("notice"), key(job));
  }

  @JobWorker(type = "legalaid.close-withdrawn")
  public void closeWithdrawn(ActivatedJob job, @VariablesAsType CaseOnly in) {
    steps.closeWithdrawn(in.caseNumber(), key(job));
  }

  @JobWorker(type = "legalaid.record-decision")
  public DecisionOutput recordDecision(ActivatedJob job, @VariablesAsType DecisionInput in) {
    return steps.recordDecision(in, key(job));
  }

  @JobWorker(type = "legalaid.record-objection-decision")
  public ObjectionOutput recordObjection(ActivatedJob job, @VariablesAsType ObjectionInput in) {
    return steps.recordObjection(in, key(job));
  }

  @JobWorker(type = "legalaid.close-refused")
  public void closeRefused(ActivatedJob job, @VariablesAsType CaseOnly in) {
    steps.closeRefused(in.caseNumber(), key(job));
  }

  @JobWorker(type = "legalaid.assign-lawyer")
  public AssignmentOutput assignLawyer(ActivatedJob job, @VariablesAsType AssignmentInput in) {
    return steps.assignLawyer(in.caseNumber(), in.lawyerUsername(), key(job));
  }

  @JobWorker(type = "legalaid.record-progress")
  public ProgressOutput recordProgress(ActivatedJob job, @VariablesAsType ProgressInput in) {
    return steps.recordProgress(in, key(job));
  }

  @JobWorker(type = "legalaid.record-closing")
  public TaskNotice recordClosing(ActivatedJob job, @VariablesAsType ClosingInput in) {
    return steps.recordClosing(in, key(job));
  }

  @JobWorker(type = "legalaid.record-survey")
  public TaskNotice recordSurvey(ActivatedJob job, @VariablesAsType SurveyInput in) {
    return steps.recordSurvey(in, key(job));
  }

  /**
   * One key per element instance: a retried job finds its own history line and does nothing twice.
   */
  private static String key(ActivatedJob job) {
    return job.getElementId() + ":" + job.getElementInstanceKey();
  }
}
