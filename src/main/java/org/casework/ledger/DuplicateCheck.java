package org.casework.ledger;

import java.util.List;

/**
 * Help the same household received for the same cause in the same period from another programme
 * (other cases). {@code blocked} when the region's rule forbids paying again; otherwise the
 * approver sees {@code message} as a warning.
 */
public record DuplicateCheck(List<Disbursement> others, boolean blocked, String message) {

  public boolean found() {
    return !others.isEmpty();
  }
}
