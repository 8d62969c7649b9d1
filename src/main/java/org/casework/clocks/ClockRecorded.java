package org.casework.clocks;

import java.time.Instant;

/**
 * A clock operation for the case history, published synchronously inside the operation's
 * transaction (the case file records it; a failure rolls the operation back). {@code stepKey} makes
 * the history line idempotent.
 */
public record ClockRecorded(
    String caseNumber,
    Instant at,
    String actor,
    String actorRole,
    String action,
    String outcome,
    String reason,
    String stepKey) {}
