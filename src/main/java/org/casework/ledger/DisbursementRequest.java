package org.casework.ledger;

import java.math.BigDecimal;

/**
 * One payment to make. (caseNumber, beneficiaryPersonId, purpose, period) is the business key: it
 * pays at most once.
 */
public record DisbursementRequest(
    String caseNumber,
    long beneficiaryPersonId,
    Programme programme,
    String purpose,
    String period,
    BigDecimal amount,
    String regionCode) {}
