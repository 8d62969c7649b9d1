package org.casework.stations;

import java.math.BigDecimal;

/**
 * What a sheet makes of the scores: base points, the bonus counted (highest tier per matter,
 * capped), whether a veto applies, the final score and whether the station passed.
 */
public record ScoreResult(
    BigDecimal base, BigDecimal bonus, boolean vetoed, BigDecimal finalScore, boolean passed) {}
