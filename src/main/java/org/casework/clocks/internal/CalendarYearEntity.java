package org.casework.clocks.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Whether a year's holiday notice is loaded for a region; a missing row means not loaded. */
@Entity
@Table(name = "sla_calendar_year")
class CalendarYearEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "region_code")
  private String regionCode;

  private int year;
  private boolean loaded;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected CalendarYearEntity() {}

  CalendarYearEntity(String regionCode, int year, boolean loaded, Instant updatedAt) {
    this.regionCode = regionCode;
    this.year = year;
    this.loaded = loaded;
    this.updatedAt = updatedAt;
  }

  void markLoaded(Instant at) {
    this.loaded = true;
    this.updatedAt = at;
  }

  public String getRegionCode() {
    return regionCode;
  }

  public int getYear() {
    return year;
  }

  public boolean isLoaded() {
    return loaded;
  }
}
