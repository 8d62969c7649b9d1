package org.casework.jurisdiction;

import java.util.List;

/** A member of staff as other modules see it (no password hash). */
public record StaffMember(
    String username, String displayName, Role role, RegionCode region, boolean enabled) {

  public String candidateGroup() {
    return CandidateGroups.of(region, role);
  }

  /**
   * The engine groups of this member: their candidate group, and for administrators also {@link
   * CandidateGroups#ENGINE_ADMINS}. Empty for a disabled member: they act nowhere.
   */
  public List<String> groups() {
    if (!enabled) {
      return List.of();
    }
    return role == Role.ADMIN
        ? List.of(candidateGroup(), CandidateGroups.ENGINE_ADMINS)
        : List.of(candidateGroup());
  }

  /** A person acts only inside their own region and the regions below it. */
  public boolean covers(RegionCode other) {
    return region.contains(other);
  }
}
