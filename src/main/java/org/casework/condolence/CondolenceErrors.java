package org.casework.condolence;

/** BPMN error codes of bpmn/condolence.bpmn (the same strings are in the BPMN file). */
public final class CondolenceErrors {

  public static final String CASE_MISSING = "CASE_MISSING";
  public static final String INVALID_INPUT = "INVALID_INPUT";
  public static final String DECLINED = "DECLINED";
  public static final String RETURNED = "RETURNED";

  private CondolenceErrors() {}
}
