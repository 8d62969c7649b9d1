package org.casework.web;

import static org.casework.security.Access.CASE_READERS;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * People (一人一档): sheets imported and registers exported by township and county caseworkers;
 * statuses, needs and households recorded by the stations; attachments added by whoever works on
 * the case; everything read by everybody on cases. Region scope is checked by the registry for
 * every person.
 */
@Component
class PeopleAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("web");
    access
        .any(
            "/people/import",
            "/people/import/**",
            "/people/export",
            "/api/people/imports",
            "/api/people/imports/**")
        .to(Role.TOWNSHIP_CASEWORKER, Role.COUNTY_CASEWORKER);
    access
        .post(
            "/people/*/statuses",
            "/people/*/needs",
            "/people/*/needs/*/answer",
            "/people/*/household",
            "/api/people/*/statuses",
            "/api/people/*/needs")
        .to(Role.VILLAGE_LIAISON, Role.TOWNSHIP_CASEWORKER, Role.COUNTY_CASEWORKER);
    access.get("/people", "/people/**", "/api/people", "/api/people/**").to(CASE_READERS);
    access
        .post("/cases/*/attachments", "/api/cases/*/attachments")
        .to(
            Role.VILLAGE_LIAISON,
            Role.TOWNSHIP_CASEWORKER,
            Role.COUNTY_CASEWORKER,
            Role.LEGAL_AID_OFFICER,
            Role.LEGAL_AID_LAWYER,
            Role.PETITION_OFFICER);
    access.get("/attachments/**").to(CASE_READERS);
  }
}
