package org.casework.assistance.web;

import static org.casework.security.Access.CASE_READERS;
import static org.casework.security.Access.FILERS;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/** Who may use the hardship-assistance API (region checks are in the services). */
@Component
class HardshipAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("assistance");
    access.post("/api/hardship/applications").to(FILERS);
    // materials, objections and reconsideration are received at the township or the county desk
    access
        .post(
            "/api/hardship/cases/*/materials",
            "/api/hardship/cases/*/objections",
            "/api/hardship/cases/*/reconsideration")
        .to(Role.TOWNSHIP_CASEWORKER, Role.COUNTY_CASEWORKER);
    access.get("/api/hardship/cases/**").to(CASE_READERS);
  }
}
