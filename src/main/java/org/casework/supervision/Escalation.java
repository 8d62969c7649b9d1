package org.casework.supervision;

/**
 * Who supervises a breach (督办): one level above the level that does the work. Village and township
 * work (and the whole-case clock, owned by the township station that accepted the case) go to the
 * county's supervisors {@code county-<6 digits>-supervisor}; county work goes to the city's
 * supervisors {@code city-<4 digits>-supervisor} (the jurisdiction tree has no city level yet, the
 * group follows the same naming).
 */
public final class Escalation {

  private Escalation() {}

  public static String supervisorGroup(String workLevel, String regionCode) {
    if ("COUNTY".equals(workLevel)) {
      return "city-" + regionCode.substring(0, 4) + "-supervisor";
    }
    return "county-" + regionCode.substring(0, 6) + "-supervisor";
  }
}
