package org.casework.ledger.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.casework.ledger.EntryType;
import org.casework.ledger.Programme;

/**
 * Append-only: no setters, and database triggers refuse UPDATE and DELETE. A correction is a
 * reversing entry.
 */
@Entity
@Table(name = "ledger_disbursement")
class DisbursementEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "disbursement_id", updatable = false)
  private String disbursementId;

  @Enumerated(EnumType.STRING)
  @Column(name = "entry_type", updatable = false)
  private EntryType entryType;

  @Column(name = "case_number", updatable = false)
  private String caseNumber;

  @Column(name = "beneficiary_person_id", updatable = false)
  private long beneficiaryPersonId;

  @Column(name = "household_id", updatable = false)
  private long householdId;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private Programme programme;

  @Column(updatable = false)
  private String purpose;

  @Column(updatable = false)
  private String cause;

  @Column(updatable = false)
  private String period;

  @Column(updatable = false)
  private int revision;

  @Column(updatable = false)
  private BigDecimal amount;

  @Column(name = "region_code", updatable = false)
  private String regionCode;

  @Column(name = "reverses_id", updatable = false)
  private String reversesId;

  @Column(updatable = false)
  private String reason;

  @Column(name = "recorded_by", updatable = false)
  private String recordedBy;

  @Column(name = "created_at", updatable = false)
  private Instant createdAt;

  protected DisbursementEntity() {}

  private DisbursementEntity(
      String disbursementId,
      EntryType entryType,
      String caseNumber,
      long beneficiaryPersonId,
      long householdId,
      Programme programme,
      String purpose,
      String cause,
      String period,
      int revision,
      BigDecimal amount,
      String regionCode,
      String reversesId,
      String reason,
      String recordedBy,
      Instant createdAt) {
    this.disbursementId = disbursementId;
    this.entryType = entryType;
    this.caseNumber = caseNumber;
    this.beneficiaryPersonId = beneficiaryPersonId;
    this.householdId = householdId;
    this.programme = programme;
    this.purpose = purpose;
    this.cause = cause;
    this.period = period;
    this.revision = revision;
    this.amount = amount;
    this.regionCode = regionCode;
    this.reversesId = reversesId;
    this.reason = reason;
    this.recordedBy = recordedBy;
    this.createdAt = createdAt;
  }

  static DisbursementEntity payment(
      String disbursementId,
      String caseNumber,
      long beneficiaryPersonId,
      long householdId,
      Programme programme,
      String purpose,
      String cause,
      String period,
      int revision,
      BigDecimal amount,
      String regionCode,
      String reason,
      String recordedBy,
      Instant createdAt) {
    return new DisbursementEntity(
        disbursementId,
        EntryType.PAYMENT,
        caseNumber,
        beneficiaryPersonId,
        householdId,
        programme,
        purpose,
        cause,
        period,
        revision,
        amount,
        regionCode,
        null,
        reason,
        recordedBy,
        createdAt);
  }

  /** The mirror image of a payment: same key and revision, negative amount, with the reason. */
  DisbursementEntity reversal(String reversalId, String why, String by, Instant at) {
    return new DisbursementEntity(
        reversalId,
        EntryType.REVERSAL,
        caseNumber,
        beneficiaryPersonId,
        householdId,
        programme,
        purpose,
        cause,
        period,
        revision,
        amount.negate(),
        regionCode,
        disbursementId,
        why,
        by,
        at);
  }

  public String getDisbursementId() {
    return disbursementId;
  }

  public EntryType getEntryType() {
    return entryType;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public long getBeneficiaryPersonId() {
    return beneficiaryPersonId;
  }

  public long getHouseholdId() {
    return householdId;
  }

  public Programme getProgramme() {
    return programme;
  }

  public String getPurpose() {
    return purpose;
  }

  public String getCause() {
    return cause;
  }

  public String getPeriod() {
    return period;
  }

  public int getRevision() {
    return revision;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getRegionCode() {
    return regionCode;
  }

  public String getReversesId() {
    return reversesId;
  }

  public String getReason() {
    return reason;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
