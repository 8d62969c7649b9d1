package org.casework.ledger;

import java.math.BigDecimal;
import java.time.Instant;

public record Disbursement(
    String disbursementId,
    String caseNumber,
    long beneficiaryPersonId,
    Programme programme,
    String purpose,
    String period,
    BigDecimal amount,
    String regionCode,
    Instant createdAt) {}
