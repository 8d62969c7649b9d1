package org.casework.registry;

import java.time.Instant;

/**
 * A line of the needs ledger: what the person needs and which case (case number) or service (its
 * reference) answered it.
 */
public record Need(
    long id,
    long personId,
    String type,
    String description,
    NeedStatus status,
    String answeredBy,
    String answeredNote,
    Instant answeredAt,
    String recordedBy,
    Instant recordedAt) {}
