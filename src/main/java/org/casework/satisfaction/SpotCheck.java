package org.casework.satisfaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The county's random spot check (随机抽查) for a period: {@code seed} is derived from the county and
 * the period, so the same county and period draw the same cases again.
 */
public record SpotCheck(
    long id,
    String countyCode,
    LocalDate from,
    LocalDate to,
    long seed,
    int population,
    String drawnBy,
    Instant drawnAt,
    List<SpotCheckCase> cases) {

  /** A drawn case, with the rating the spot check recorded for it (null until called). */
  public record SpotCheckCase(
      int position,
      String caseNumber,
      String caseTypeLabel,
      String townshipName,
      String applicantMasked,
      String spotRating) {}
}
