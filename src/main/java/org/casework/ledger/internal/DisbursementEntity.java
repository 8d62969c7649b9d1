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
import org.casework.ledger.Programme;

/** Append-only: no setters; a correction is a reversing entry (issue 6). */
@Entity
@Table(name = "ledger_disbursement")
class DisbursementEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "disbursement_id")
  private String disbursementId;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "beneficiary_person_id")
  private long beneficiaryPersonId;

  @Enumerated(EnumType.STRING)
  private Programme programme;

  private String purpose;
  private String period;
  private BigDecimal amount;

  @Column(name = "region_code")
  private String regionCode;

  @Column(name = "created_at")
  private Instant createdAt;

  protected DisbursementEntity() {}

  DisbursementEntity(
      String disbursementId,
      String caseNumber,
      long beneficiaryPersonId,
      Programme programme,
      String purpose,
      String period,
      BigDecimal amount,
      String regionCode,
      Instant createdAt) {
    this.disbursementId = disbursementId;
    this.caseNumber = caseNumber;
    this.beneficiaryPersonId = beneficiaryPersonId;
    this.programme = programme;
    this.purpose = purpose;
    this.period = period;
    this.amount = amount;
    this.regionCode = regionCode;
    this.createdAt = createdAt;
  }

  public String getDisbursementId() {
    return disbursementId;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public long getBeneficiaryPersonId() {
    return beneficiaryPersonId;
  }

  public Programme getProgramme() {
    return programme;
  }

  public String getPurpose() {
    return purpose;
  }

  public String getPeriod() {
    return period;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getRegionCode() {
    return regionCode;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
