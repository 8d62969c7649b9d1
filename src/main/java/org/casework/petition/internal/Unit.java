package org.casework.petition.internal;

import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;

/**
 * The unit that registered and (if it accepts) owns a petition: a township station (its caseworkers
 * handle, its head approves an extension) or a county centre (its petition officers handle, the
 * county head approves). Review (复查) goes to the body one level up, re-review (复核) to the one above
 * that: township → county → city → province.
 */
record Unit(String level, String region) {

  static final String TOWNSHIP = "TOWNSHIP";
  static final String COUNTY = "COUNTY";

  static Unit of(String level, String region) {
    return new Unit(level, region);
  }

  /** Higher is further up the tree; a higher unit may not take over a matter in time below. */
  int rank() {
    return TOWNSHIP.equals(level) ? 1 : 2;
  }

  String handlingGroup() {
    return TOWNSHIP.equals(level)
        ? CandidateGroups.of(new RegionCode(region), Role.TOWNSHIP_CASEWORKER)
        : CandidateGroups.of(new RegionCode(region), Role.PETITION_OFFICER);
  }

  String headGroup() {
    return TOWNSHIP.equals(level)
        ? CandidateGroups.of(new RegionCode(region), Role.TOWNSHIP_HEAD)
        : CandidateGroups.of(new RegionCode(region), Role.COUNTY_HEAD);
  }

  String reviewGroup() {
    return TOWNSHIP.equals(level)
        ? CandidateGroups.of(new RegionCode(region.substring(0, 6)), Role.PETITION_OFFICER)
        : "city-" + region.substring(0, 4) + "-petition";
  }

  String rereviewGroup() {
    return TOWNSHIP.equals(level)
        ? "city-" + region.substring(0, 4) + "-petition"
        : "province-" + region.substring(0, 2) + "-petition";
  }

  /** Candidate groups of the review task (复查): see {@link #recordedByCounty}. */
  String reviewTaskGroups() {
    return recordedByCounty(reviewGroup());
  }

  /** Candidate groups of the re-review task (复核): see {@link #recordedByCounty}. */
  String rereviewTaskGroups() {
    return recordedByCounty(rereviewGroup());
  }

  /**
   * A body above the county (city, province) has no staff in this system: its task goes to it and
   * to the county petition office, which records the body's written opinion (a completion by anyone
   * outside the task's groups is refused). The county office itself: its group alone.
   * Comma-separated, as the engine reads a candidate group expression.
   */
  private String recordedByCounty(String group) {
    String county =
        CandidateGroups.of(new RegionCode(region.substring(0, 6)), Role.PETITION_OFFICER);
    return group.equals(county) ? group : group + "," + county;
  }

  String label() {
    return TOWNSHIP.equals(level) ? "乡镇（街道）" : "县（区）";
  }
}
