package org.casework.stations;

import java.time.Instant;
import java.util.List;

/** A county's spot-check sample of one quarter: seed, how many it was drawn from, which. */
public record SpotCheck(
    String countyCode,
    String period,
    long seed,
    int population,
    List<Long> acceptanceIds,
    String drawnBy,
    Instant drawnAt) {}
