package org.casework.clocks.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "sla_clock_pause")
class PauseEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "clock_id")
  private long clockId;

  private String reason;

  @Column(name = "paused_at")
  private Instant pausedAt;

  @Column(name = "resumed_at")
  private Instant resumedAt;

  @Column(name = "days_added")
  private int daysAdded;

  private String actor;

  protected PauseEntity() {}

  PauseEntity(long clockId, String reason, Instant pausedAt, String actor) {
    this.clockId = clockId;
    this.reason = reason;
    this.pausedAt = pausedAt;
    this.actor = actor;
  }

  void resume(Instant at, int days) {
    this.resumedAt = at;
    this.daysAdded = days;
  }

  Long getId() {
    return id;
  }

  String getReason() {
    return reason;
  }

  Instant getPausedAt() {
    return pausedAt;
  }

  Instant getResumedAt() {
    return resumedAt;
  }

  int getDaysAdded() {
    return daysAdded;
  }
}
