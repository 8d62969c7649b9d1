package org.casework.casefile;

import java.time.Instant;

/**
 * A link between two cases as one of them sees it: {@code otherCase} of {@code otherType}, {@code
 * outgoing} when this case made the link (e.g. a petition that spawned a hardship case).
 */
public record CaseLink(
    String caseNumber,
    String otherCase,
    CaseType otherType,
    boolean outgoing,
    String kind,
    String reason,
    String createdBy,
    Instant createdAt) {}
