package org.casework.jurisdiction;

/**
 * What one officer may see and act on: their own region and the regions below it. Services take it
 * as a parameter and put it into their queries, so a page or API cannot forget it.
 */
public record RegionScope(String username, Role role, RegionCode region) {

  public static RegionScope of(StaffMember officer) {
    return new RegionScope(officer.username(), officer.role(), officer.region());
  }

  public boolean covers(RegionCode other) {
    return region.contains(other);
  }

  /** The code prefix a region-scoped query filters on. */
  public String prefix() {
    return region.value();
  }
}
