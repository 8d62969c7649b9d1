package org.casework.casefile.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "casefile_notice")
class NoticeEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id")
  private long caseId;

  @Column(name = "step_key")
  private String stepKey;

  private String channel;
  private String title;
  private String text;

  @Column(name = "delivery_state")
  private String deliveryState;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected NoticeEntity() {}

  NoticeEntity(
      long caseId, String stepKey, String channel, String title, String text, Instant sentAt) {
    this.caseId = caseId;
    this.stepKey = stepKey;
    this.channel = channel;
    this.title = title;
    this.text = text;
    this.sentAt = sentAt;
    this.deliveryState = "PENDING";
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getDeliveryState() {
    return deliveryState;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public String getChannel() {
    return channel;
  }

  public String getText() {
    return text;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
