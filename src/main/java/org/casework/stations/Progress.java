package org.casework.stations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Progress of the townships in a scope against their quarterly targets, and the county's. */
public record Progress(
    int year,
    int quarter,
    BigDecimal townshipTarget,
    List<TownshipProgress> townships,
    List<YearTarget> yearTargets,
    long excellentVillages,
    long villages) {

  /** One township: village stations, how many passed by the quarter, statement status. */
  public record TownshipProgress(
      String townshipCode,
      String townshipName,
      long villages,
      long passed,
      BigDecimal share,
      BigDecimal target,
      String statement,
      boolean lateOrMissing,
      LocalDate dueOn) {

    public boolean onTarget() {
      return share.compareTo(target) >= 0;
    }
  }

  /** A yearly excellent-station target of the county (seed 003). */
  public record YearTarget(int planYear, String label, BigDecimal percent, String kind) {}
}
