package org.casework.casefile.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "casefile_case_link")
class CaseLinkEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "from_case")
  private String fromCase;

  @Column(name = "to_case")
  private String toCase;

  private String kind;

  private String reason;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  protected CaseLinkEntity() {}

  CaseLinkEntity(
      String fromCase,
      String toCase,
      String kind,
      String reason,
      String createdBy,
      Instant createdAt) {
    this.fromCase = fromCase;
    this.toCase = toCase;
    this.kind = kind;
    this.reason = reason;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  Long getId() {
    return id;
  }

  String getFromCase() {
    return fromCase;
  }

  String getToCase() {
    return toCase;
  }

  String getKind() {
    return kind;
  }

  String getReason() {
    return reason;
  }

  String getCreatedBy() {
    return createdBy;
  }

  Instant getCreatedAt() {
    return createdAt;
  }
}
