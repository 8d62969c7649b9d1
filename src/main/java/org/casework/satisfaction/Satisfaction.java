package org.casework.satisfaction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.casework.jurisdiction.RegionScope;

/** Satisfaction ratings of cases, stations' rates, spot checks and follow-ups of a 不满意. */
public interface Satisfaction {

  /**
   * Records a rating (idempotent by case and source key). A 不满意 needs a reason; a case without a
   * record is refused. Returns the rating and whether it was new.
   */
  Recorded record(RecordRating rating);

  /** The process instance that follows up a 不满意 (set once). */
  void followUpStarted(long ratingId, String processInstanceId);

  /** The station head's note on a 不满意 (idempotent: the first note stands). */
  void recordFollowUp(long ratingId, String note, String username);

  List<RatingView> ofCase(String caseNumber);

  /**
   * Every township and village of the region (in scope) with its ratings collected in the period.
   */
  List<StationRate> rates(String regionCode, LocalDate from, LocalDate to, RegionScope scope);

  /** The 不满意 ratings of the region in the period, with their follow-ups. */
  List<RatingView> dissatisfied(String regionCode, LocalDate from, LocalDate to, RegionScope scope);

  /**
   * Draws (or returns the drawn) spot check of the county for the period: a reproducible sample of
   * the cases closed in it.
   */
  SpotCheck spotCheck(String countyCode, LocalDate from, LocalDate to, RegionScope scope);

  /**
   * The satisfaction rate (0..1, (满意 + 基本满意) ÷ ratings) of a station's region in the period,
   * counting only ratings collected through {@code channels}; empty without ratings. For the
   * acceptance sheet's items the system fills (no officer: not scoped).
   */
  java.util.Optional<BigDecimal> systemRate(
      String regionCode, LocalDate from, LocalDate to, java.util.Set<SatisfactionChannel> channels);

  /**
   * The spot check already drawn for the county and period (nothing is drawn: {@link #spotCheck}
   * draws), or empty.
   */
  java.util.Optional<SpotCheck> drawnSpotCheck(
      String countyCode, LocalDate from, LocalDate to, RegionScope scope);

  /**
   * Records the 随机抽查 rating of a case drawn by the spot check {@code checkId}, collected by the
   * officer (idempotent: one rating per case and check, the first stands). A 不满意 opens the
   * follow-up for the station head. A case outside the sample, a check outside the officer's scope
   * or bad input is refused in Chinese.
   */
  Recorded recordSpotRating(
      long checkId, String caseNumber, Rating rating, String reason, RegionScope scope);

  /** The line a station's rate is held against (percent), for a region. */
  BigDecimal targetPct(String regionCode);

  record Recorded(RatingView rating, boolean created) {}
}
