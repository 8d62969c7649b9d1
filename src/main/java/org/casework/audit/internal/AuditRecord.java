package org.casework.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.casework.audit.AuditKind;

/**
 * What is appended, before chaining. Times are cut to microseconds (the column's precision), so the
 * hash recomputed from the row equals the hash computed at insert.
 */
record AuditRecord(
    String sourceKey,
    AuditKind kind,
    String caseNumber,
    String regionCode,
    Instant at,
    String actor,
    String actorRole,
    String action,
    String outcome,
    String reason) {

  AuditRecord {
    at = at.truncatedTo(ChronoUnit.MICROS);
    action = cut(action, 200);
    outcome = cut(outcome, 200);
    reason = cut(reason, 2000);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
