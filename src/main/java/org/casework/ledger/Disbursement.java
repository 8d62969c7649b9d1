package org.casework.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One ledger line. A {@link EntryType#PAYMENT} has a positive amount; a {@link EntryType#REVERSAL}
 * has the negative amount of the payment it reverses ({@code reversesId}) and a reason. Lines are
 * never changed.
 */
public record Disbursement(
    String disbursementId,
    EntryType entryType,
    String caseNumber,
    long beneficiaryPersonId,
    long householdId,
    Programme programme,
    String purpose,
    String cause,
    String period,
    int revision,
    BigDecimal amount,
    String regionCode,
    String reversesId,
    String reason,
    String recordedBy,
    Instant createdAt) {

  public boolean isPayment() {
    return entryType == EntryType.PAYMENT;
  }
}
