package org.casework.assistance.internal;

import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.spring.client.annotation.JobWorker;
import io.camunda.zeebe.spring.client.annotation.Variable;
import io.camunda.zeebe.spring.client.annotation.VariablesAsType;
import org.casework.assistance.internal.HardshipVariables.ApprovalInput;
import org.casework.assistance.internal.HardshipVariables.ApprovalOutput;
import org.casework.assistance.internal.HardshipVariables.CaseOnly;
import org.casework.assistance.internal.HardshipVariables.EmergencyInput;
import org.casework.assistance.internal.HardshipVariables.FollowUpInput;
import org.casework.assistance.internal.HardshipVariables.LoadedCase;
import org.casework.assistance.internal.HardshipVariables.PaymentOutput;
import org.casework.assistance.internal.HardshipVariables.ReviewInput;
import org.casework.assistance.internal.HardshipVariables.ReviewOutput;
import org.casework.assistance.internal.HardshipVariables.VerificationInput;
import org.casework.common.FaultPoints;
import org.springframework.stereotype.Component;

/**
 * Job workers of bpmn/hardship-assistance.bpmn: read a variables record, call one step, return a
 * result record. The step key (element instance) makes every step idempotent.
 */
@Component
public class HardshipWorkers {

  private final HardshipSteps steps;
  private final FaultPoints faults;

  HardshipWorkers(HardshipSteps steps, FaultPoints faults) {
    this.steps = steps;
    this.faults = faults;
  }

  @JobWorker(type = "assistance.load-case-facts")
  public LoadedCase loadCaseFacts(ActivatedJob job, @VariablesAsType CaseOnly in) {
    return steps.load(in.caseNumber(), job.getProcessInstanceKey());
  }

  @JobWorker(type = "assistance.pay-emergency")
  public PaymentOutput payEmergency(ActivatedJob job, @VariablesAsType EmergencyInput in) {
    return steps.payEmergency(in.caseNumber(), in.emergencyAmount(), in.emergencyNote(), key(job));
  }

  @JobWorker(type = "assistance.record-verification")
  public void recordVerification(ActivatedJob job, @VariablesAsType VerificationInput in) {
    faults.at("assistance.record-verification");
    steps.recordVerification(
        in.caseNumber(), in.verificationConfirmed(), in.verificationFindings(), key(job));
  }

  @JobWorker(type = "assistance.record-review")
  public ReviewOutput recordReview(ActivatedJob job, @VariablesAsType ReviewInput in) {
    return steps.recordReview(in, key(job));
  }

  @JobWorker(type = "assistance.check-duplicate")
  public void checkDuplicate(@VariablesAsType CaseOnly in) {
    steps.checkDuplicate(in.caseNumber());
  }

  @JobWorker(type = "assistance.refuse-duplicate")
  public void refuseDuplicate(
      ActivatedJob job, @Variable String caseNumber, @Variable String duplicateOf) {
    steps.refuseDuplicate(caseNumber, duplicateOf, key(job));
  }

  @JobWorker(type = "assistance.start-publicity")
  public void startPublicity(
      ActivatedJob job, @Variable String caseNumber, @Variable String publicityDuration) {
    steps.startPublicity(caseNumber, publicityDuration, key(job));
  }

  /**
   * Header {@code task}: the approval task just completed; county approval is final unless a
   * countersign follows.
   */
  @JobWorker(type = "assistance.record-approval")
  public ApprovalOutput recordApproval(
      ActivatedJob job, @VariablesAsType ApprovalInput in, @Variable String approvalLevel) {
    String task = job.getCustomHeaders().get("task");
    boolean finalLevel =
        !("Task_CountyApproval".equals(task) && "COUNTY_HEAD".equals(approvalLevel));
    return steps.recordApproval(
        in.caseNumber(), task, in.approvalDecision(), in.approvalReason(), finalLevel, key(job));
  }

  @JobWorker(type = "assistance.record-payment")
  public PaymentOutput recordPayment(ActivatedJob job, @VariablesAsType CaseOnly in) {
    PaymentOutput paid = steps.recordPayment(in.caseNumber(), key(job));
    // fault suite: the payment is committed, the job not yet completed
    faults.at("assistance.record-payment.paid");
    return paid;
  }

  @JobWorker(type = "assistance.notify-applicant")
  public void notifyApplicant(ActivatedJob job, @VariablesAsType CaseOnly in) {
    steps.notifyApplicant(in.caseNumber(), job.getCustomHeaders().get("notice"), key(job));
  }

  @JobWorker(type = "assistance.record-reconsideration")
  public HardshipVariables.ReconsiderationOutput recordReconsideration(
      ActivatedJob job, @VariablesAsType HardshipVariables.ReconsiderationInput in) {
    return steps.recordReconsideration(
        in.caseNumber(), in.reconsiderationDecision(), in.reconsiderationReason(), key(job));
  }

  @JobWorker(type = "assistance.refusal-final")
  public void refusalFinal(ActivatedJob job, @VariablesAsType CaseOnly in) {
    steps.refusalFinal(in.caseNumber(), key(job));
  }

  @JobWorker(type = "assistance.close-case")
  public void closeCase(ActivatedJob job, @VariablesAsType CaseOnly in) {
    steps.closeCase(in.caseNumber(), key(job));
  }

  @JobWorker(type = "assistance.close-withdrawn")
  public void closeWithdrawn(ActivatedJob job, @VariablesAsType CaseOnly in) {
    steps.closeWithdrawn(in.caseNumber(), key(job));
  }

  @JobWorker(type = "assistance.record-follow-up")
  public void recordFollowUp(ActivatedJob job, @VariablesAsType FollowUpInput in) {
    steps.recordFollowUp(in.caseNumber(), in.followUpNotes(), key(job));
  }

  /**
   * One key per element instance: a retried job finds its own history line and does nothing twice.
   */
  private static String key(ActivatedJob job) {
    return job.getElementId() + ":" + job.getElementInstanceKey();
  }
}
