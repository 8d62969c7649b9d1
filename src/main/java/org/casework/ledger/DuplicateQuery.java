package org.casework.ledger;

/** Who is about to be paid by which case, for which cause and period. */
public record DuplicateQuery(
    String caseNumber,
    long householdId,
    Programme programme,
    String cause,
    String period,
    String regionCode) {}
