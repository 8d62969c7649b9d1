package org.casework.casefile;

import java.time.Instant;

public record HistoryView(
    Instant at, String actor, String actorRole, String action, String outcome, String reason) {

  /** As pages and the API show it: ID and mobile numbers typed into the text masked. */
  public HistoryView masked() {
    return new HistoryView(
        at,
        actor,
        actorRole,
        org.casework.common.Masking.scrub(action),
        org.casework.common.Masking.scrub(outcome),
        org.casework.common.Masking.scrub(reason));
  }
}
