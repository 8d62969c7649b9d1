package org.casework.audit;

import java.time.Instant;

/**
 * Result of recomputing the chain: {@code intact}, or the first entry where it breaks ({@code
 * brokenEntryId}, its case) and why, in Chinese.
 */
public record ChainVerification(
    boolean intact,
    long entriesChecked,
    Long brokenEntryId,
    String brokenCaseNumber,
    String problem,
    Instant verifiedAt) {}
