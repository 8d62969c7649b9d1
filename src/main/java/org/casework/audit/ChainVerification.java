package org.casework.audit;

import java.time.Instant;

/**
 * Result of recomputing the chain: {@code intact}, or the first entry where it breaks ({@code
 * brokenEntryId}, its case) and why, in Chinese; {@code checkpoint} says how the chain compares to
 * the last signed checkpoint kept outside the database.
 */
public record ChainVerification(
    boolean intact,
    long entriesChecked,
    Long brokenEntryId,
    String brokenCaseNumber,
    String problem,
    Instant verifiedAt,
    String checkpoint) {}
