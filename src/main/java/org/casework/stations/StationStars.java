package org.casework.stations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.casework.jurisdiction.RegionScope;

/**
 * Star rating (评星定级): a county's star rules as data, the rating of a station for a year from its
 * best final acceptance of the year (append-only history), and the 五星帮带三星 pairs with visits.
 */
public interface StationStars {

  /** A star rule: the stars a station gets when it meets the criteria. */
  record StarRule(int stars, BigDecimal minScore, boolean needFiveHas, String label, int version) {}

  /** One rating of a station. */
  record Rating(
      long stationId,
      String stationName,
      int year,
      int stars,
      BigDecimal score,
      String basis,
      String ratedBy,
      Instant ratedAt) {}

  /** A 五星帮带三星 pair and its visits. */
  record Pair(
      long id,
      long mentorId,
      String mentorName,
      long menteeId,
      String menteeName,
      LocalDate since,
      List<PairVisit> visits) {}

  record PairVisit(LocalDate visitedOn, String note, String recordedBy) {}

  /** The rules in force for the region on the day, highest stars first. */
  List<StarRule> rules(String regionCode, LocalDate day);

  /** Rates the station for the year by the rules in force: county staff only. */
  Rating rate(long stationId, int year, RegionScope scope);

  /** The latest rating of every station in the scope. */
  List<Rating> current(RegionScope scope);

  /** Every rating of a station, newest first. */
  List<Rating> history(long stationId, RegionScope scope);

  /** Pairs a five-star station with a three-star one (their current ratings). */
  Pair pair(long mentorId, long menteeId, RegionScope scope);

  Pair recordVisit(long pairId, LocalDate visitedOn, String note, RegionScope scope);

  List<Pair> pairs(RegionScope scope);
}
