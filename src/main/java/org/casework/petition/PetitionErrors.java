package org.casework.petition;

/** BPMN error codes of bpmn/petition.bpmn (the same strings are in the BPMN file). */
public final class PetitionErrors {

  public static final String CASE_MISSING = "CASE_MISSING";
  public static final String INVALID_INPUT = "INVALID_INPUT";

  private PetitionErrors() {}
}
