package org.casework.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.casework.audit.AuditKind;

/**
 * What is appended, before chaining. Times are cut to whole seconds: Connector/J takes MariaDB
 * ("5.5.5-10.11") for a server without fractional seconds and drops them, so only whole seconds
 * survive the round trip and the hash recomputed from the row must equal the one computed at
 * insert.
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
    at = at.truncatedTo(ChronoUnit.SECONDS);
    action = cut(action, 200);
    outcome = cut(outcome, 200);
    reason = cut(reason, 2000);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
