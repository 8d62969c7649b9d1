package org.casework.casefile;

import java.time.Instant;

/**
 * One line of a case's history: who (username or "system"), in which role, did what, with what
 * outcome and why. {@code stepKey} makes the entry idempotent for a retried job.
 */
public record HistoryEntry(
    Instant at,
    String actor,
    String actorRole,
    String action,
    String outcome,
    String reason,
    String stepKey) {

  public static final String SYSTEM = "system";

  public static HistoryEntry system(String action, String outcome, String reason, String stepKey) {
    return new HistoryEntry(Instant.now(), SYSTEM, "SYSTEM", action, outcome, reason, stepKey);
  }
}
