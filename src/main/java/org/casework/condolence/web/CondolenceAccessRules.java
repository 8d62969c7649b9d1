package org.casework.condolence.web;

import static org.casework.security.Access.CASE_READERS;
import static org.casework.security.Access.FILERS;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/** Condolence: single visits proposed locally, campaigns defined and amounts set by the county. */
@Component
class CondolenceAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("condolence");
    access.post("/api/condolence/visits").to(FILERS);
    access.post("/api/condolence/campaigns", "/condolence/campaigns").to(Role.COUNTY_CASEWORKER);
    access.put("/api/condolence/amounts/**").to(Role.COUNTY_APPROVER, Role.COUNTY_HEAD);
    access.get("/api/condolence/**", "/condolence/**").to(CASE_READERS);
  }
}
