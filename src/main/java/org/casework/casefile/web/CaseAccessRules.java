package org.casework.casefile.web;

import static org.casework.security.Access.CASE_READERS;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/** Who may use the case API: read by everybody on cases, clocks extended by the heads. */
@Component
class CaseAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("casefile");
    access
        .post("/api/cases/*/clocks/*/extensions")
        .to(Role.TOWNSHIP_HEAD, Role.COUNTY_APPROVER, Role.COUNTY_HEAD);
    access.get("/api/cases", "/api/cases/**").to(CASE_READERS);
  }
}
