package org.casework.legalaid;

/** BPMN error codes shared by the workers and bpmn/legal-aid.bpmn. */
public final class LegalAidErrors {

  /** The case row is missing or already run by another instance: discard this instance. */
  public static final String CASE_MISSING = "CASE_MISSING";

  /** A form's input breaks a rule (补正 twice, refusal without reason...): back to the task. */
  public static final String INVALID_TASK = "INVALID_TASK";

  /** The chosen lawyer is unknown, inactive or acts for the other party: choose another. */
  public static final String ASSIGNMENT_REFUSED = "ASSIGNMENT_REFUSED";

  private LegalAidErrors() {}
}
