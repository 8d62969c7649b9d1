package org.casework.assistance;

/** BPMN error codes shared by the workers and bpmn/hardship-assistance.bpmn. */
public final class HardshipErrors {

  /** The case row is gone (its filing transaction rolled back): discard the instance. */
  public static final String CASE_MISSING = "CASE_MISSING";

  /** Same person, same cause, same year: refused with a link to the earlier case. */
  public static final String DUPLICATE_APPLICATION = "DUPLICATE_APPLICATION";

  /**
   * The review form's input breaks a rule (补正 twice, refusal without reason...): back to review.
   */
  public static final String INVALID_REVIEW = "INVALID_REVIEW";

  /** The emergency amount is above the region's cap or the amount asked: back to the task. */
  public static final String INVALID_EMERGENCY_PAYMENT = "INVALID_EMERGENCY_PAYMENT";

  /** An approver refused the grant (with reasons): the refusal notice follows. */
  public static final String APPROVAL_REFUSED = "APPROVAL_REFUSED";

  /** The approval form's decision is missing or unknown: back to the approval task. */
  public static final String INVALID_APPROVAL = "INVALID_APPROVAL";

  /** The approver reviewed the case himself: the approval must be done by someone else. */
  public static final String SEPARATION_OF_DUTIES = "SEPARATION_OF_DUTIES";

  private HardshipErrors() {}
}
