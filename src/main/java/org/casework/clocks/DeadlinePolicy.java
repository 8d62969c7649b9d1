package org.casework.clocks;

import java.time.LocalDate;

/**
 * One row of the versioned deadline policy (期限规则): the period of a stage (or {@link #CASE}, the
 * whole case) of a case type, the level that does the work ({@code VILLAGE}, {@code TOWNSHIP},
 * {@code COUNTY}: a breach escalates one level up) in a region, what starts, pauses and stops it,
 * its warning points and how many extensions of how many days in total it allows.
 */
public record DeadlinePolicy(
    long id,
    String regionCode,
    String caseType,
    String stage,
    int version,
    LocalDate validFrom,
    int periodAmount,
    PeriodUnit periodUnit,
    String startsOn,
    String pausesOn,
    String stopsOn,
    String workLevel,
    int warnFirstPct,
    int warnSecondPct,
    int maxExtensions,
    int maxExtensionDays) {

  /** The stage name of the whole-case clock. */
  public static final String CASE = "CASE";

  public String periodText() {
    return periodAmount + "个" + periodUnit.label();
  }
}
