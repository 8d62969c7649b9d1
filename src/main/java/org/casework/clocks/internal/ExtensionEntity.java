package org.casework.clocks.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "sla_clock_extension")
class ExtensionEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "clock_id")
  private long clockId;

  private int days;
  private String reason;
  private String approver;

  @Column(name = "extended_at")
  private Instant extendedAt;

  @Column(name = "due_before")
  private Instant dueBefore;

  @Column(name = "due_after")
  private Instant dueAfter;

  protected ExtensionEntity() {}

  ExtensionEntity(
      long clockId,
      int days,
      String reason,
      String approver,
      Instant extendedAt,
      Instant dueBefore,
      Instant dueAfter) {
    this.clockId = clockId;
    this.days = days;
    this.reason = reason;
    this.approver = approver;
    this.extendedAt = extendedAt;
    this.dueBefore = dueBefore;
    this.dueAfter = dueAfter;
  }

  Long getId() {
    return id;
  }

  int getDays() {
    return days;
  }

  String getReason() {
    return reason;
  }

  String getApprover() {
    return approver;
  }

  Instant getExtendedAt() {
    return extendedAt;
  }

  Instant getDueBefore() {
    return dueBefore;
  }

  Instant getDueAfter() {
    return dueAfter;
  }
}
