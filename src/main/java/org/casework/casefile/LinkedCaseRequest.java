package org.casework.casefile;

import java.util.Map;

/**
 * Asks the module that owns {@code type} to open a case for a matter that came in through another
 * case (a petition that is really a hardship or legal-aid matter).
 *
 * @param fromCaseNumber the case the matter came in through
 * @param personId the registry person the new case is for
 * @param matter what the matter is about, in the petitioner's words (becomes the description)
 * @param requestedBy the logged-in officer
 * @param details type-specific facts, documented by each {@link LinkedCaseOpener} (e.g. hardship:
 *     {@code cause}, {@code amountRequested}, {@code monthlyIncome})
 */
public record LinkedCaseRequest(
    String fromCaseNumber,
    CaseType type,
    long personId,
    String matter,
    String requestedBy,
    Map<String, String> details) {

  public LinkedCaseRequest {
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
