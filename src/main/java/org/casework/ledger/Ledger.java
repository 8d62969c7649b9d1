package org.casework.ledger;

import java.util.List;

/** The benefit ledger: every yuan paid once, to the right person, for one reason. */
public interface Ledger {

  /**
   * Records the disbursement, or returns the one already recorded under the same business key (a
   * retried worker, a race): never a second payment.
   */
  Disbursement disburse(DisbursementRequest request);

  List<Disbursement> forCase(String caseNumber);
}
