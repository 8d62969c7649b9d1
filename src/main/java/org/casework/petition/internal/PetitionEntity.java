package org.casework.petition.internal;

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
import org.casework.petition.Channel;

/** A petition's own facts and where it stands; the case (history, status) is in casefile. */
@Entity
@Table(name = "petition")
class PetitionEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "case_id")
  long caseId;

  @Column(name = "case_number")
  String caseNumber;

  @Enumerated(EnumType.STRING)
  Channel channel;

  @Column(name = "lead_person_id")
  long leadPersonId;

  @Column(name = "matter_key")
  String matterKey;

  String subject;
  String requests;

  @Column(name = "group_size")
  int groupSize;

  @Column(name = "unit_level")
  String unitLevel;

  @Column(name = "unit_region")
  String unitRegion;

  @Column(name = "registered_by")
  String registeredBy;

  @Column(name = "registered_at")
  Instant registeredAt;

  @Column(name = "decision_due_at")
  Instant decisionDueAt;

  @Enumerated(EnumType.STRING)
  Phase phase;

  String decision;

  @Column(name = "decision_reason")
  String decisionReason;

  @Column(name = "transferred_to")
  String transferredTo;

  @Column(name = "decided_by")
  String decidedBy;

  @Column(name = "decided_at")
  Instant decidedAt;

  @Column(name = "handling_officer")
  String handlingOfficer;

  @Column(name = "handling_due_at")
  Instant handlingDueAt;

  @Column(name = "extension_days")
  Integer extensionDays;

  @Column(name = "extension_reason")
  String extensionReason;

  @Column(name = "extension_approver")
  String extensionApprover;

  String investigation;
  String meeting;
  String opinion;

  @Column(name = "opinion_at")
  Instant opinionAt;

  @Column(name = "review_requested_at")
  Instant reviewRequestedAt;

  @Column(name = "review_opinion")
  String reviewOpinion;

  /** 复查结论, a code of petition_review_outcome (维持/变更/撤销/责令重新办理). */
  @Column(name = "review_outcome")
  String reviewOutcome;

  @Column(name = "review_at")
  Instant reviewAt;

  @Column(name = "rereview_requested_at")
  Instant rereviewRequestedAt;

  @Column(name = "rereview_opinion")
  String rereviewOpinion;

  /** 复核结论, a code of petition_review_outcome. */
  @Column(name = "rereview_outcome")
  String rereviewOutcome;

  @Column(name = "rereview_at")
  Instant rereviewAt;

  @Column(name = "final_at")
  Instant finalAt;

  @Version Long version;

  /** Where the petition stands in the regulation's steps. */
  enum Phase {
    REGISTERED,
    ACCEPTED,
    OPINION_ISSUED,
    REVIEW,
    REVIEW_ISSUED,
    REREVIEW,
    FINAL,
    TRANSFERRED,
    NOT_ACCEPTED;

    /** The matter is still being handled by the unit that has it (首办责任). */
    boolean open() {
      return this != FINAL && this != TRANSFERRED && this != NOT_ACCEPTED;
    }
  }

  protected PetitionEntity() {}

  PetitionEntity(
      long caseId,
      String caseNumber,
      Channel channel,
      long leadPersonId,
      String matterKey,
      String subject,
      String requests,
      int groupSize,
      String unitLevel,
      String unitRegion,
      String registeredBy,
      Instant registeredAt,
      Instant decisionDueAt) {
    this.caseId = caseId;
    this.caseNumber = caseNumber;
    this.channel = channel;
    this.leadPersonId = leadPersonId;
    this.matterKey = matterKey;
    this.subject = subject;
    this.requests = requests;
    this.groupSize = groupSize;
    this.unitLevel = unitLevel;
    this.unitRegion = unitRegion;
    this.registeredBy = registeredBy;
    this.registeredAt = registeredAt;
    this.decisionDueAt = decisionDueAt;
    this.phase = Phase.REGISTERED;
  }

  /** The deadline the unit is working to now (decision, then handling incl. extension). */
  Instant currentDeadline() {
    return handlingDueAt != null ? handlingDueAt : decisionDueAt;
  }
}
