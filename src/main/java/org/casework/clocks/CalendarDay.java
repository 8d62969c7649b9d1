package org.casework.clocks;

import java.time.Instant;
import java.time.LocalDate;

/** One stored calendar row: a holiday or a make-up working day of a region (or the nation). */
public record CalendarDay(
    Long id,
    String regionCode,
    LocalDate day,
    DayKind kind,
    String name,
    String source,
    Instant createdAt) {

  /** A row that is not stored (tests, previews). */
  public static CalendarDay of(String regionCode, LocalDate day, DayKind kind, String name) {
    return new CalendarDay(null, regionCode, day, kind, name, null, null);
  }
}
