package org.casework.audit;

import java.time.Instant;

/**
 * Someone opened a person's dossier, imported a collection sheet or exported a register: {@code
 * kind} says which, {@code subject} names the record or file (never personal data).
 */
public record PersonRecordAccessed(
    AuditKind kind,
    Instant at,
    String username,
    String role,
    String regionCode,
    String action,
    String subject,
    String detail) {}
