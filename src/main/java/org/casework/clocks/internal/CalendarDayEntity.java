package org.casework.clocks.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.casework.clocks.DayKind;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A holiday or make-up working day of one region; rows are never changed, only added. */
@Entity
@Table(name = "sla_calendar_day")
class CalendarDayEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "region_code")
  private String regionCode;

  private LocalDate day;

  // VARCHAR with a CHECK in the migration, not a native ENUM column
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private DayKind kind;

  private String name;
  private String source;

  @Column(name = "created_at")
  private Instant createdAt;

  protected CalendarDayEntity() {}

  CalendarDayEntity(
      String regionCode,
      LocalDate day,
      DayKind kind,
      String name,
      String source,
      Instant createdAt) {
    this.regionCode = regionCode;
    this.day = day;
    this.kind = kind;
    this.name = name;
    this.source = source;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getRegionCode() {
    return regionCode;
  }

  public LocalDate getDay() {
    return day;
  }

  public DayKind getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public String getSource() {
    return source;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
