package org.casework.condolence.internal;

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
import java.time.LocalDate;
import org.casework.condolence.VisitTrigger;

@Entity
@Table(name = "condolence_visit")
class VisitEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "person_id")
  private long personId;

  @Enumerated(EnumType.STRING)
  @Column(name = "visit_trigger")
  private VisitTrigger trigger;

  private String description;
  private BigDecimal amount;

  @Column(name = "requested_by")
  private String requestedBy;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "death_of")
  private Long deathOf;

  @Column(name = "confirmed_by")
  private String confirmedBy;

  @Column(name = "approved_by")
  private String approvedBy;

  @Column(name = "visited_by")
  private String visitedBy;

  @Column(name = "visited_on")
  private LocalDate visitedOn;

  @Column(name = "handed_over")
  private String handedOver;

  @Column(name = "receipt_ref")
  private String receiptRef;

  @Column(name = "disbursement_id")
  private String disbursementId;

  protected VisitEntity() {}

  VisitEntity(
      String caseNumber,
      long personId,
      VisitTrigger trigger,
      String description,
      BigDecimal amount,
      String requestedBy,
      Instant requestedAt) {
    this.caseNumber = caseNumber;
    this.personId = personId;
    this.trigger = trigger;
    this.description = description;
    this.amount = amount;
    this.requestedBy = requestedBy;
    this.requestedAt = requestedAt;
    this.deathOf = trigger == VisitTrigger.DEATH ? personId : null;
  }

  void confirmed(String by) {
    this.confirmedBy = by;
  }

  void approved(String by) {
    this.approvedBy = by;
  }

  void visited(String by, LocalDate on, String what, String receipt) {
    this.visitedBy = by;
    this.visitedOn = on;
    this.handedOver = what;
    this.receiptRef = receipt;
  }

  void paid(String disbursement) {
    this.disbursementId = disbursement;
  }

  String getCaseNumber() {
    return caseNumber;
  }

  long getPersonId() {
    return personId;
  }

  VisitTrigger getTrigger() {
    return trigger;
  }

  String getDescription() {
    return description;
  }

  BigDecimal getAmount() {
    return amount;
  }

  String getRequestedBy() {
    return requestedBy;
  }

  String getConfirmedBy() {
    return confirmedBy;
  }

  String getApprovedBy() {
    return approvedBy;
  }

  String getVisitedBy() {
    return visitedBy;
  }

  LocalDate getVisitedOn() {
    return visitedOn;
  }

  String getHandedOver() {
    return handedOver;
  }

  String getReceiptRef() {
    return receiptRef;
  }

  String getDisbursementId() {
    return disbursementId;
  }
}
