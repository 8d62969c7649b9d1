package org.casework.casefile;

import java.time.Instant;

/**
 * A line was appended to a case's history (published in the same transaction; the event publication
 * registry delivers it to listeners such as the audit log even after a crash). {@code historyId}
 * identifies the line, so a listener that runs twice can ignore the second run.
 */
public record CaseHistoryAppended(
    long historyId,
    String caseNumber,
    String regionCode,
    Instant at,
    String actor,
    String actorRole,
    String action,
    String outcome,
    String reason) {}
