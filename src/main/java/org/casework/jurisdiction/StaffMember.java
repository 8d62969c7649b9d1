package org.casework.jurisdiction;

/** A member of staff as other modules see it (no password hash). */
public record StaffMember(
    String username, String displayName, Role role, RegionCode region, boolean enabled) {

  public String candidateGroup() {
    return CandidateGroups.of(region, role);
  }

  /** A person acts only inside their own region and the regions below it. */
  public boolean covers(RegionCode other) {
    return region.contains(other);
  }
}
