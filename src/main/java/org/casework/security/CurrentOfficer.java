package org.casework.security;

import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.StaffMember;

/**
 * The logged-in officer, read fresh from the staff directory on every call, so a disabled or
 * re-assigned user loses access at once (not at their next login).
 */
public interface CurrentOfficer {

  StaffMember officer();

  default RegionScope scope() {
    return RegionScope.of(officer());
  }
}
