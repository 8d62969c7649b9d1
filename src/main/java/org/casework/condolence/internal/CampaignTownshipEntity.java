package org.casework.condolence.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One township's part of a campaign: DRAWN → CONFIRMED → APPROVED → PAID, or EXPIRED. */
@Entity
@Table(name = "condolence_campaign_township")
@IdClass(CampaignTownshipEntity.Key.class)
class CampaignTownshipEntity {

  static final String DRAWN = "DRAWN";
  static final String CONFIRMED = "CONFIRMED";
  static final String APPROVED = "APPROVED";
  static final String PAID = "PAID";
  static final String EXPIRED = "EXPIRED";

  @Id
  @Column(name = "campaign_id")
  private Long campaignId;

  @Id
  @Column(name = "township_code")
  private String townshipCode;

  private String state;

  @Column(name = "confirmed_by")
  private String confirmedBy;

  @Column(name = "approved_by")
  private String approvedBy;

  private String note;

  protected CampaignTownshipEntity() {}

  CampaignTownshipEntity(long campaignId, String townshipCode) {
    this.campaignId = campaignId;
    this.townshipCode = townshipCode;
    this.state = DRAWN;
  }

  void moveTo(String newState, String why) {
    this.state = newState;
    if (why != null) {
      this.note = why;
    }
  }

  /** Who confirmed the township's list (the Tasklist user who completed the task). */
  void confirmedBy(String username) {
    this.confirmedBy = username;
  }

  /** Who approved the township's list at the county. */
  void approvedBy(String username) {
    this.approvedBy = username;
  }

  String getConfirmedBy() {
    return confirmedBy;
  }

  String getApprovedBy() {
    return approvedBy;
  }

  String getTownshipCode() {
    return townshipCode;
  }

  String getState() {
    return state;
  }

  String getNote() {
    return note;
  }

  static class Key implements Serializable {
    private Long campaignId;
    private String townshipCode;

    Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(campaignId, k.campaignId)
          && Objects.equals(townshipCode, k.townshipCode);
    }

    @Override
    public int hashCode() {
      return Objects.hash(campaignId, townshipCode);
    }
  }
}
