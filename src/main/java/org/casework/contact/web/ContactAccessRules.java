package org.casework.contact.web;

import static org.casework.security.Access.CASE_READERS;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * The contact programme: key contacts and must-visit events are flagged where the person lives,
 * visits are recorded by the village liaison or the township caseworker, the schedule is the
 * administrator's, coverage is for the township head and the supervisors. The facade checks the
 * region of every person and village.
 */
@Component
class ContactAccessRules implements AccessRules {

  static final Role[] FLAGGERS = {
    Role.VILLAGE_LIAISON, Role.TOWNSHIP_CASEWORKER, Role.TOWNSHIP_HEAD, Role.COUNTY_CASEWORKER
  };

  @Override
  public void declare(Access access) {
    access.module("contact");
    access
        .get("/contact/coverage", "/contact/coverage.xlsx", "/api/contact/coverage")
        .to(Role.TOWNSHIP_HEAD, Role.SUPERVISOR, Role.COUNTY_HEAD, Role.ADMIN);
    access.post("/api/contact/schedule").to(Role.ADMIN);
    access.get("/api/contact/schedule").to(Access.ANY_STAFF);
    access.post("/api/contact/visits").to(Role.VILLAGE_LIAISON, Role.TOWNSHIP_CASEWORKER);
    access
        .post(
            "/api/contact/persons/*/key-contact",
            "/contact/key-contacts",
            "/contact/key-contacts/*/clear",
            "/api/contact/events",
            "/contact/events")
        .to(FLAGGERS[0], FLAGGERS[1], FLAGGERS[2], FLAGGERS[3]);
    access
        .delete("/api/contact/key-contacts/*")
        .to(FLAGGERS[0], FLAGGERS[1], FLAGGERS[2], FLAGGERS[3]);
    access.get("/contact/key-contacts", "/api/contact/**").to(CASE_READERS);
  }
}
