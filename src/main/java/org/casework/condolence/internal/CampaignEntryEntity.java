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
import java.time.LocalDate;
import org.casework.registry.PersonCategory;

/**
 * A person on a campaign list. States: LISTED, EXCLUDED (drawn but left out, with the reason),
 * REMOVED (by the township, with reason), APPROVED, VISITED, NOT_VISITED, PAID, EXPIRED.
 */
@Entity
@Table(name = "condolence_campaign_entry")
class CampaignEntryEntity {

  static final String DRAWN = "DRAWN";
  static final String ADDED = "ADDED";
  static final String LISTED = "LISTED";
  static final String EXCLUDED = "EXCLUDED";
  static final String REMOVED = "REMOVED";
  static final String APPROVED = "APPROVED";
  static final String VISITED = "VISITED";
  static final String NOT_VISITED = "NOT_VISITED";
  static final String PAID = "PAID";
  static final String EXPIRED = "EXPIRED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "campaign_id")
  private long campaignId;

  @Column(name = "township_code")
  private String townshipCode;

  @Column(name = "person_id")
  private long personId;

  @Enumerated(EnumType.STRING)
  private PersonCategory category;

  private String source;
  private String state;
  private String reason;
  private BigDecimal amount;

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

  protected CampaignEntryEntity() {}

  CampaignEntryEntity(
      long campaignId,
      String townshipCode,
      long personId,
      PersonCategory category,
      String source,
      String state,
      String reason,
      BigDecimal amount) {
    this.campaignId = campaignId;
    this.townshipCode = townshipCode;
    this.personId = personId;
    this.category = category;
    this.source = source;
    this.state = state;
    this.reason = reason;
    this.amount = amount;
  }

  void moveTo(String newState, String why) {
    this.state = newState;
    if (why != null) {
      this.reason = why;
    }
  }

  void visited(String by, LocalDate on, String what, String receipt) {
    this.state = VISITED;
    this.visitedBy = by;
    this.visitedOn = on;
    this.handedOver = what;
    this.receiptRef = receipt;
  }

  void paid(String disbursement) {
    this.state = PAID;
    this.disbursementId = disbursement;
  }

  Long getId() {
    return id;
  }

  long getCampaignId() {
    return campaignId;
  }

  String getTownshipCode() {
    return townshipCode;
  }

  long getPersonId() {
    return personId;
  }

  PersonCategory getCategory() {
    return category;
  }

  String getSource() {
    return source;
  }

  String getState() {
    return state;
  }

  String getReason() {
    return reason;
  }

  BigDecimal getAmount() {
    return amount;
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
