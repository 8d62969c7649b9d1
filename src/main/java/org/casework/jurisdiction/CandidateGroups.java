package org.casework.jurisdiction;

/**
 * Candidate group names: {@code <level>-<region code>-<role>}, e.g. township-350502001-caseworker.
 */
public final class CandidateGroups {

  private CandidateGroups() {}

  public static String of(RegionCode region, Role role) {
    return region.level().groupPrefix() + "-" + region.value() + "-" + role.groupSuffix();
  }
}
