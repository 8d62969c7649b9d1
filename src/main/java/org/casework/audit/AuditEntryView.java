package org.casework.audit;

import java.time.Instant;

public record AuditEntryView(
    long id,
    AuditKind kind,
    String caseNumber,
    String regionCode,
    Instant at,
    String actor,
    String actorRole,
    String action,
    String outcome,
    String reason,
    String hash) {}
