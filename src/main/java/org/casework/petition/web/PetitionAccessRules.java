package org.casework.petition.web;

import static org.casework.security.Access.CASE_READERS;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Petitions: registered (and review requests received) by the township or the county petition
 * officer; recusal, assignment and referral also by the unit head.
 */
@Component
class PetitionAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("petition");
    var registrars = java.util.EnumSet.of(Role.TOWNSHIP_CASEWORKER, Role.PETITION_OFFICER);
    access.any("/petitions/new", "/petitions").to(registrars);
    access
        .post(
            "/api/petitions",
            "/api/petitions/*/review-requests",
            "/api/petitions/*/rereview-requests")
        .to(registrars);
    access
        .post(
            "/api/petitions/*/conflicts",
            "/api/petitions/*/officer",
            "/api/petitions/*/linked-cases")
        .to(Role.TOWNSHIP_CASEWORKER, Role.TOWNSHIP_HEAD, Role.PETITION_OFFICER, Role.COUNTY_HEAD);
    access.get("/api/petitions/**").to(CASE_READERS);
  }
}
