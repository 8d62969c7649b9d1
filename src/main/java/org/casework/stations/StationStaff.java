package org.casework.stations;

import java.time.Instant;

/** A member of a station's staff (a removed one stays, with when). */
public record StationStaff(
    long id,
    String name,
    String position,
    boolean fullTime,
    boolean veteran,
    Instant addedAt,
    Instant removedAt) {

  public boolean active() {
    return removedAt == null;
  }
}
