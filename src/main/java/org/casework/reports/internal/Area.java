package org.casework.reports.internal;

/**
 * The region a report covers, as SQL filters: a city (4-digit prefix, the roll-up), a county, a
 * township or a village. {@code countyLike} filters county_code columns (index range), {@code
 * placeLike} the village-or-township column when the region is below the county.
 */
record Area(String level, String code) {

  static final String CITY = "CITY";

  boolean city() {
    return CITY.equals(level);
  }

  boolean belowCounty() {
    return code.length() > 6;
  }

  String countyLike() {
    return (code.length() >= 6 ? code.substring(0, 6) : code) + "%";
  }

  String placeLike() {
    return code + "%";
  }

  /** Digits of the areas one level down (the breakdown): counties, townships, villages. */
  int childDigits() {
    return switch (code.length()) {
      case 4 -> 6;
      case 6 -> 9;
      default -> 12;
    };
  }
}
