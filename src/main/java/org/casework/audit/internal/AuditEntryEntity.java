package org.casework.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.casework.audit.AuditKind;

/** Append-only: no setters, no update path; the hashes are fixed at construction. */
@Entity
@Table(name = "audit_entry")
class AuditEntryEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "source_key", updatable = false)
  private String sourceKey;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private AuditKind kind;

  @Column(name = "case_number", updatable = false)
  private String caseNumber;

  @Column(name = "region_code", updatable = false)
  private String regionCode;

  @Column(updatable = false)
  private Instant at;

  @Column(updatable = false)
  private String actor;

  @Column(name = "actor_role", updatable = false)
  private String actorRole;

  @Column(updatable = false)
  private String action;

  @Column(updatable = false)
  private String outcome;

  @Column(updatable = false)
  private String reason;

  @Column(name = "recorded_at", updatable = false)
  private Instant recordedAt;

  @Column(name = "case_prev_hash", updatable = false)
  private String casePrevHash;

  @Column(name = "prev_hash", updatable = false)
  private String prevHash;

  @Column(updatable = false)
  private String hash;

  /** The HMAC key that signed the entry; {@code null} for plain SHA-256 entries before V150. */
  @Column(name = "key_id", updatable = false)
  private String keyId;

  protected AuditEntryEntity() {}

  AuditEntryEntity(
      AuditRecord r,
      Instant recordedAt,
      String casePrevHash,
      String prevHash,
      String keyId,
      javax.crypto.Mac mac) {
    this.sourceKey = r.sourceKey();
    this.kind = r.kind();
    this.caseNumber = r.caseNumber();
    this.regionCode = r.regionCode();
    this.at = r.at();
    this.actor = r.actor();
    this.actorRole = r.actorRole();
    this.action = r.action();
    this.outcome = r.outcome();
    this.reason = r.reason();
    this.recordedAt = recordedAt;
    this.casePrevHash = casePrevHash;
    this.prevHash = prevHash;
    this.keyId = keyId;
    this.hash = AuditHasher.keyed(mac, keyId, prevHash, casePrevHash, r, recordedAt);
  }

  /** The fields as stored, for recomputing the hash. */
  AuditRecord record() {
    return new AuditRecord(
        sourceKey, kind, caseNumber, regionCode, at, actor, actorRole, action, outcome, reason);
  }

  /**
   * Where the entry sits in the case's own history: entries copied from the case history keep that
   * history's order even when they arrived here out of order within the same second.
   */
  long historyOrder() {
    return sourceKey != null && sourceKey.startsWith("history:")
        ? Long.parseLong(sourceKey.substring("history:".length()))
        : Long.MAX_VALUE;
  }

  Long getId() {
    return id;
  }

  String getCaseNumber() {
    return caseNumber;
  }

  String getRegionCode() {
    return regionCode;
  }

  AuditKind getKind() {
    return kind;
  }

  Instant getAt() {
    return at;
  }

  String getActor() {
    return actor;
  }

  String getActorRole() {
    return actorRole;
  }

  String getAction() {
    return action;
  }

  String getOutcome() {
    return outcome;
  }

  String getReason() {
    return reason;
  }

  Instant getRecordedAt() {
    return recordedAt;
  }

  String getCasePrevHash() {
    return casePrevHash;
  }

  String getPrevHash() {
    return prevHash;
  }

  String getHash() {
    return hash;
  }

  String getKeyId() {
    return keyId;
  }
}
