package org.casework.ledger;

import java.math.BigDecimal;

/**
 * Net paid (payments minus reversals) per region, programme and period; {@code payments} counts
 * payments that still stand.
 */
public record LedgerTotal(
    String regionCode,
    String regionName,
    Programme programme,
    String period,
    long payments,
    long reversals,
    BigDecimal netAmount) {}
