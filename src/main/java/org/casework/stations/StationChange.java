package org.casework.stations;

import java.time.Instant;

/** One line of a station's history: what changed, from what to what, why, who, when. */
public record StationChange(
    String what,
    String oldValue,
    String newValue,
    String reason,
    String changedBy,
    Instant changedAt) {}
