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
    String hash) {

  /**
   * As the auditors' pages show it: ID and mobile numbers typed into the text masked (the entry
   * itself, hashed as written, is unchanged; the unmasked PDF export is the audited way to them).
   */
  public AuditEntryView masked() {
    return new AuditEntryView(
        id,
        kind,
        caseNumber,
        regionCode,
        at,
        actor,
        actorRole,
        org.casework.common.Masking.scrub(action),
        org.casework.common.Masking.scrub(outcome),
        org.casework.common.Masking.scrub(reason),
        hash);
  }
}
