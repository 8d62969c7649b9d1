package org.casework.petition;

import java.time.Instant;

/**
 * What registering a petition led to.
 *
 * @param outcome {@code REGISTERED} (a new case, to be decided within 15 days), {@code LINKED} (a
 *     repeated petition on a matter with an open case: recorded on that case, not accepted again)
 *     or {@code NOT_ACCEPTED_AGAIN} (the matter is final: recorded and answered automatically)
 * @param caseNumber the new case, or the case the petition was recorded on
 * @param message what the officer tells the petitioner (Chinese)
 * @param decisionDueAt for a new case: the last moment of the 15-day decision period
 */
public record PetitionRegistered(
    String outcome, String caseNumber, String message, Instant decisionDueAt) {

  public static final String REGISTERED = "REGISTERED";
  public static final String LINKED = "LINKED";
  public static final String NOT_ACCEPTED_AGAIN = "NOT_ACCEPTED_AGAIN";
}
