package org.casework.registry;

import java.time.Instant;
import java.time.LocalDate;

/** One dated status record; the latest of a kind is the current value, the earlier ones stay. */
public record StatusRecord(
    long id,
    long personId,
    StatusKind kind,
    String value,
    String previousValue,
    LocalDate effectiveOn,
    String reason,
    String recordedBy,
    Instant recordedAt) {}
