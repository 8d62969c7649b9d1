package org.casework.jurisdiction;

/**
 * Candidate group names: {@code <level>-<region code>-<role>}, e.g. township-350502001-caseworker.
 */
public final class CandidateGroups {

  /**
   * The engine's administrators (Cockpit, Admin, every authorization): staff with the ADMIN role.
   * The engine treats this group id as an admin group by default.
   */
  public static final String ENGINE_ADMINS = "operaton-admin";

  private CandidateGroups() {}

  public static String of(RegionCode region, Role role) {
    return region.level().groupPrefix() + "-" + region.value() + "-" + role.groupSuffix();
  }
}
