package org.casework.ledger;

import java.math.BigDecimal;

/**
 * One payment to make. (caseNumber, beneficiaryPersonId, purpose, period) is the business key: it
 * pays at most once. {@code householdId} is the registry record of the household (一人一档 record
 * holder) and {@code cause} the reason for help (e.g. {@code ILLNESS}); together with the period
 * they find help for the same cause from another programme.
 */
public record DisbursementRequest(
    String caseNumber,
    long beneficiaryPersonId,
    long householdId,
    Programme programme,
    String purpose,
    String cause,
    String period,
    BigDecimal amount,
    String regionCode) {

  /** The beneficiary's own record is the household and the purpose is the cause. */
  public DisbursementRequest(
      String caseNumber,
      long beneficiaryPersonId,
      Programme programme,
      String purpose,
      String period,
      BigDecimal amount,
      String regionCode) {
    this(
        caseNumber,
        beneficiaryPersonId,
        beneficiaryPersonId,
        programme,
        purpose,
        purpose,
        period,
        amount,
        regionCode);
  }
}
