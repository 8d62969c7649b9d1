package org.casework.casefile.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.CaseType;

@Entity
@Table(name = "casefile_case")
class CaseEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number")
  private String caseNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "case_type")
  private CaseType type;

  @Column(name = "county_code")
  private String countyCode;

  @Column(name = "township_code")
  private String townshipCode;

  @Column(name = "village_code")
  private String villageCode;

  @Column(name = "applicant_person_id")
  private long applicantPersonId;

  private String title;

  @Enumerated(EnumType.STRING)
  private CaseStatus status;

  private String stage;

  @Column(name = "stage_due_at")
  private Instant stageDueAt;

  @Column(name = "assigned_officer")
  private String assignedOfficer;

  @Column(name = "filed_by")
  private String filedBy;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "filed_at")
  private Instant filedAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "review_hold")
  private boolean reviewHold;

  @Column(name = "review_hold_reason")
  private String reviewHoldReason;

  @Version private long version;

  protected CaseEntity() {}

  CaseEntity(
      String caseNumber,
      CaseType type,
      String countyCode,
      String townshipCode,
      String villageCode,
      long applicantPersonId,
      String title,
      String filedBy,
      Instant filedAt) {
    this.caseNumber = caseNumber;
    this.type = type;
    this.countyCode = countyCode;
    this.townshipCode = townshipCode;
    this.villageCode = villageCode;
    this.applicantPersonId = applicantPersonId;
    this.title = title;
    this.filedBy = filedBy;
    this.status = CaseStatus.FILED;
    this.filedAt = filedAt;
    this.updatedAt = filedAt;
  }

  void changeStatus(CaseStatus newStatus, Instant at) {
    this.status = newStatus;
    this.updatedAt = at;
    if (newStatus.isClosed() && closedAt == null) {
      this.closedAt = at;
    } else if (!newStatus.isClosed()) {
      // reopened (e.g. a legal-aid refusal overturned on objection): no longer closed
      this.closedAt = null;
    }
  }

  void enterStage(String newStage, CaseStatus newStatus, Instant dueAt, Instant at) {
    this.stage = newStage;
    this.stageDueAt = dueAt;
    changeStatus(newStatus, at);
  }

  String regionCode() {
    return villageCode != null ? villageCode : townshipCode;
  }

  void assign(String officer, Instant at) {
    this.assignedOfficer = officer;
    this.updatedAt = at;
  }

  void attachProcessInstance(String id) {
    this.processInstanceId = id;
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public CaseType getType() {
    return type;
  }

  public String getCountyCode() {
    return countyCode;
  }

  public String getTownshipCode() {
    return townshipCode;
  }

  public String getVillageCode() {
    return villageCode;
  }

  public long getApplicantPersonId() {
    return applicantPersonId;
  }

  public String getTitle() {
    return title;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public String getStage() {
    return stage;
  }

  public Instant getStageDueAt() {
    return stageDueAt;
  }

  public String getAssignedOfficer() {
    return assignedOfficer;
  }

  public String getFiledBy() {
    return filedBy;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getFiledAt() {
    return filedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public boolean isReviewHold() {
    return reviewHold;
  }

  public String getReviewHoldReason() {
    return reviewHoldReason;
  }
}
