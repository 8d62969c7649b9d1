package org.casework.legalaid.web;

import static org.casework.security.Access.CASE_READERS;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Legal aid: consultations and applications at the county's workstation and the township and
 * village liaison points; objections to a refusal go to the county's legal-aid desk.
 */
@Component
class LegalAidAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("legalaid");
    var desks =
        java.util.EnumSet.of(
            Role.LEGAL_AID_OFFICER, Role.TOWNSHIP_CASEWORKER, Role.VILLAGE_LIAISON);
    access.any("/legal-aid/**").to(desks);
    // the duty roster: the officer plans it; supervisors and the county head read it and its gaps
    access.get("/legal-aid/roster").to(Role.LEGAL_AID_OFFICER, Role.SUPERVISOR, Role.COUNTY_HEAD);
    access.post("/legal-aid/roster", "/legal-aid/roster/*/removal").to(Role.LEGAL_AID_OFFICER);
    access
        .post(
            "/api/legal-aid/applications",
            "/api/legal-aid/consultations",
            "/api/legal-aid/consultations/*/application",
            "/api/legal-aid/cases/*/materials")
        .to(desks);
    access.post("/api/legal-aid/cases/*/objections").to(Role.LEGAL_AID_OFFICER);
    access.get("/api/legal-aid/**").to(CASE_READERS);
  }
}
