package org.casework.assistance.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.casework.assistance.HardshipCause;

@Entity
@Table(name = "assistance_application")
class ApplicationEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private long caseId;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "applicant_person_id")
  private long applicantPersonId;

  @Enumerated(EnumType.STRING)
  private HardshipCause cause;

  @Column(name = "cause_year")
  private int causeYear;

  private String description;

  @Column(name = "amount_requested")
  private BigDecimal amountRequested;

  @Column(name = "approved_amount")
  private BigDecimal approvedAmount;

  @Column(name = "emergency_paid")
  private BigDecimal emergencyPaid;

  private boolean emergency;

  @Column(name = "household_size")
  private int householdSize;

  @Column(name = "monthly_income")
  private BigDecimal monthlyIncome;

  private String reviewer;

  @Column(name = "materials_requested")
  private boolean materialsRequested;

  private String outcome;

  @Column(name = "refusal_reason")
  private String refusalReason;

  @Column(name = "duplicate_of")
  private String duplicateOf;

  @Column(name = "refused_by")
  private String refusedBy;

  @Column(name = "reconsideration_requested_at")
  private java.time.Instant reconsiderationRequestedAt;

  @Column(name = "reconsideration_outcome")
  private String reconsiderationOutcome;

  @Column(name = "filed_by")
  private String filedBy;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  protected ApplicationEntity() {}

  ApplicationEntity(
      long caseId,
      String caseNumber,
      long applicantPersonId,
      HardshipCause cause,
      int causeYear,
      String description,
      BigDecimal amountRequested,
      boolean emergency,
      int householdSize,
      BigDecimal monthlyIncome) {
    this.caseId = caseId;
    this.caseNumber = caseNumber;
    this.applicantPersonId = applicantPersonId;
    this.cause = cause;
    this.causeYear = causeYear;
    this.description = description;
    this.amountRequested = amountRequested;
    this.emergency = emergency;
    this.householdSize = householdSize;
    this.monthlyIncome = monthlyIncome;
  }

  /** The client's Idempotency-Key for this submission (unique per filing officer). */
  void submittedWithKey(String officer, String key) {
    this.filedBy = officer;
    this.idempotencyKey = key;
  }

  void reviewed(String reviewerUsername, BigDecimal recommended) {
    this.reviewer = reviewerUsername;
    this.approvedAmount = recommended;
  }

  void materialsRequested() {
    this.materialsRequested = true;
  }

  void refused(String by, String reason) {
    this.outcome = "REFUSED";
    this.refusedBy = by;
    this.refusalReason = reason;
  }

  void refusedAsDuplicate(String earlierCase, String reason) {
    refused("SYSTEM", reason);
    this.duplicateOf = earlierCase;
  }

  /** The applicant asked for 复核; false when that was done before (it is allowed once). */
  boolean reconsiderationRequested(java.time.Instant at) {
    if (reconsiderationRequestedAt != null) {
      return false;
    }
    reconsiderationRequestedAt = at;
    return true;
  }

  /** UPHOLD keeps the refusal; OVERTURN sends the case back to review. */
  void reconsidered(String result) {
    this.reconsiderationOutcome = result;
    if ("OVERTURN".equals(result)) {
      this.outcome = null;
    }
  }

  public String getRefusedBy() {
    return refusedBy;
  }

  public java.time.Instant getReconsiderationRequestedAt() {
    return reconsiderationRequestedAt;
  }

  public String getReconsiderationOutcome() {
    return reconsiderationOutcome;
  }

  void approved() {
    this.outcome = "APPROVED";
  }

  void emergencyPaid(BigDecimal amount) {
    this.emergencyPaid = amount;
  }

  public Long getId() {
    return id;
  }

  public long getCaseId() {
    return caseId;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public long getApplicantPersonId() {
    return applicantPersonId;
  }

  public HardshipCause getCause() {
    return cause;
  }

  public int getCauseYear() {
    return causeYear;
  }

  public String getDescription() {
    return description;
  }

  public BigDecimal getAmountRequested() {
    return amountRequested;
  }

  public BigDecimal getApprovedAmount() {
    return approvedAmount;
  }

  public BigDecimal getEmergencyPaid() {
    return emergencyPaid;
  }

  public boolean isEmergency() {
    return emergency;
  }

  public int getHouseholdSize() {
    return householdSize;
  }

  public BigDecimal getMonthlyIncome() {
    return monthlyIncome;
  }

  public String getReviewer() {
    return reviewer;
  }

  public boolean isMaterialsRequested() {
    return materialsRequested;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getRefusalReason() {
    return refusalReason;
  }

  public String getDuplicateOf() {
    return duplicateOf;
  }
}
