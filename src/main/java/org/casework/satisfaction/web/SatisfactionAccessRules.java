package org.casework.satisfaction.web;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Stations' satisfaction rates: the township head (their own station), the county and the
 * supervisors; the county draws its random spot check. The facade checks the region.
 */
@Component
class SatisfactionAccessRules implements AccessRules {

  static final java.util.Set<Role> READERS =
      java.util.EnumSet.of(
          Role.TOWNSHIP_HEAD,
          Role.COUNTY_CASEWORKER,
          Role.COUNTY_APPROVER,
          Role.COUNTY_HEAD,
          Role.SUPERVISOR,
          Role.AUDITOR);

  @Override
  public void declare(Access access) {
    access.module("satisfaction");
    access
        .post("/satisfaction/spot-check", "/satisfaction/spot-check/rating")
        .to(Role.COUNTY_APPROVER, Role.COUNTY_HEAD, Role.SUPERVISOR);
    access.get("/satisfaction", "/api/satisfaction/rates").to(READERS);
  }
}
