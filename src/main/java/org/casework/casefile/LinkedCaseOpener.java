package org.casework.casefile;

/**
 * Implemented by a case-type module (a Spring bean) that can open its kind of case for a matter
 * that came in through another case. {@link CaseLinks#spawn} picks the opener by type, so casefile
 * needs to know none of them; a type without an opener is refused with a Chinese message.
 */
public interface LinkedCaseOpener {

  CaseType type();

  /**
   * Opens the case (all or nothing, in the caller's transaction) and returns it; refuses bad or
   * missing details with a {@code BusinessRuleException}.
   */
  CaseView open(LinkedCaseRequest request);
}
