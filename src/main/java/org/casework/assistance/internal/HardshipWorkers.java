package org.casework.assistance.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.casework.assistance.HardshipErrors;
import org.casework.assistance.internal.HardshipDecisions.Approval;
import org.casework.assistance.internal.HardshipDecisions.Reconsideration;
import org.casework.assistance.internal.HardshipDecisions.Review;
import org.casework.assistance.internal.HardshipVariables.ApprovalInput;
import org.casework.assistance.internal.HardshipVariables.CaseOnly;
import org.casework.assistance.internal.HardshipVariables.EmergencyInput;
import org.casework.assistance.internal.HardshipVariables.FollowUpInput;
import org.casework.assistance.internal.HardshipVariables.PaymentOutput;
import org.casework.assistance.internal.HardshipVariables.ReconsiderationInput;
import org.casework.assistance.internal.HardshipVariables.ReviewInput;
import org.casework.assistance.internal.HardshipVariables.VerificationInput;
import org.casework.common.Decisions;
import org.casework.common.FaultPoints;
import org.casework.common.process.ProcessVariables;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The process adapter of bpmn/hardship-assistance.bpmn (the module's only class with engine types):
 * each service task calls one method here ({@code ${hardshipWorkers.x(execution, ...)}}), which
 * reads a variables record, calls one step and writes the result record back. The step key
 * (activity instance) makes every step idempotent. A business outcome ({@link
 * org.casework.common.StepOutcome}) becomes the BPMN error caught by the task's boundary event.
 */
@Component
public class HardshipWorkers {

  private final HardshipSteps steps;
  private final FaultPoints faults;

  HardshipWorkers(HardshipSteps steps, FaultPoints faults) {
    this.steps = steps;
    this.faults = faults;
  }

  public void loadCaseFacts(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    write(execution, steps.load(in.caseNumber(), execution.getProcessInstanceId()));
  }

  public void payEmergency(DelegateExecution execution) {
    EmergencyInput in = ProcessVariables.read(execution, EmergencyInput.class);
    write(
        execution,
        steps.payEmergency(
            in.caseNumber(), in.emergencyAmount(), in.emergencyNote(), key(execution)));
  }

  public void recordVerification(DelegateExecution execution) {
    faults.at("assistance.record-verification");
    VerificationInput in = ProcessVariables.read(execution, VerificationInput.class);
    steps.recordVerification(
        in.caseNumber(), in.verificationConfirmed(), in.verificationFindings(), key(execution));
  }

  public void recordReview(DelegateExecution execution) {
    ReviewInput in = ProcessVariables.read(execution, ReviewInput.class);
    Review decision =
        Decisions.parse(Review.class, in.reviewDecision(), HardshipErrors.INVALID_REVIEW, "审核结论");
    write(execution, steps.recordReview(in, decision, key(execution)));
  }

  public void checkDuplicate(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.checkDuplicate(in.caseNumber());
  }

  public void refuseDuplicate(DelegateExecution execution) {
    String caseNumber = ProcessVariables.read(execution, "caseNumber", String.class);
    String duplicateOf = ProcessVariables.read(execution, "duplicateOf", String.class);
    steps.refuseDuplicate(caseNumber, duplicateOf, key(execution));
  }

  public void startPublicity(DelegateExecution execution) {
    String caseNumber = ProcessVariables.read(execution, "caseNumber", String.class);
    String duration = ProcessVariables.read(execution, "publicityDuration", String.class);
    steps.startPublicity(caseNumber, duration, key(execution));
  }

  /**
   * {@code task}: the approval task just completed; county approval is final unless a countersign
   * follows.
   */
  public void recordApproval(DelegateExecution execution, String task) {
    ApprovalInput in = ProcessVariables.read(execution, ApprovalInput.class);
    String approvalLevel = ProcessVariables.read(execution, "approvalLevel", String.class);
    boolean finalLevel =
        !("Task_CountyApproval".equals(task) && "COUNTY_HEAD".equals(approvalLevel));
    write(
        execution,
        steps.recordApproval(
            in.caseNumber(),
            task,
            Decisions.parse(
                Approval.class, in.approvalDecision(), HardshipErrors.INVALID_APPROVAL, "审批意见"),
            in.approvalReason(),
            finalLevel,
            key(execution)));
  }

  public void recordPayment(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    PaymentOutput paid = steps.recordPayment(in.caseNumber(), key(execution));
    // fault suite: the payment is written, the engine's step not yet done (both roll back together)
    faults.at("assistance.record-payment.paid");
    write(execution, paid);
  }

  /** {@code notice}: which notice (APPROVED, REFUSED, MISSING_MATERIALS). */
  public void notifyApplicant(DelegateExecution execution, String notice) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.notifyApplicant(in.caseNumber(), notice, key(execution));
  }

  public void recordReconsideration(DelegateExecution execution) {
    ReconsiderationInput in = ProcessVariables.read(execution, ReconsiderationInput.class);
    write(
        execution,
        steps.recordReconsideration(
            in.caseNumber(),
            Decisions.parse(
                Reconsideration.class,
                in.reconsiderationDecision(),
                HardshipErrors.INVALID_REVIEW,
                "复核结论"),
            in.reconsiderationReason(),
            key(execution)));
  }

  public void refusalFinal(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.refusalFinal(in.caseNumber(), key(execution));
  }

  public void closeCase(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.closeCase(in.caseNumber(), key(execution));
  }

  public void closeWithdrawn(DelegateExecution execution) {
    CaseOnly in = ProcessVariables.read(execution, CaseOnly.class);
    steps.closeWithdrawn(in.caseNumber(), key(execution));
  }

  public void recordFollowUp(DelegateExecution execution) {
    FollowUpInput in = ProcessVariables.read(execution, FollowUpInput.class);
    steps.recordFollowUp(in.caseNumber(), in.followUpNotes(), key(execution));
  }

  /**
   * Writes a result record as process variables. Amounts (BigDecimal) are written as numbers the
   * engine stores as such (Double): the authority and publicity decisions (DMN) compare them, and
   * the engine would otherwise need Java serialization, which it refuses. They read back into
   * BigDecimal through {@link ProcessVariables#read}.
   */
  private static void write(DelegateExecution execution, Object result) {
    if (result == null) {
      return;
    }
    Map<String, Object> variables = ProcessVariables.asVariables(result);
    variables.replaceAll((name, value) -> value instanceof BigDecimal d ? d.doubleValue() : value);
    execution.setVariables(variables);
  }

  /** One key per activity instance: a step that runs again finds its own history line. */
  private static String key(DelegateExecution execution) {
    return execution.getCurrentActivityId() + ":" + execution.getActivityInstanceId();
  }
}
