package org.casework.web;

import static org.casework.security.Access.ANY_STAFF;
import static org.casework.security.Access.CASE_READERS;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Pickers of the forms: regions for every member of staff (limited to their scope by the query),
 * people for those who work on cases (the registry checks the region of every person), the
 * liaison's phone pages for the village liaison.
 */
@Component
class PickerAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("web");
    access.get("/api/pickers/regions").to(ANY_STAFF);
    access.get("/api/pickers/people", "/api/pickers/people/*").to(CASE_READERS);
    access.get("/liaison").to(Role.VILLAGE_LIAISON);
    access.post("/liaison/visits").to(Role.VILLAGE_LIAISON);
  }
}
