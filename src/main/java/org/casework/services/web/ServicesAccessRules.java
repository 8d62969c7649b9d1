package org.casework.services.web;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * 菜单式服务: everybody on staff reads the menu, the administrator changes it; the stations file and
 * work requests; counsellors and the stations' caseworkers reach the session notes (the service
 * lets in only the appointment's counsellor and the request's handler). The public online request
 * page is permitted in the security module (no login).
 */
@Component
class ServicesAccessRules implements AccessRules {

  static final Role[] WORKERS = {Role.TOWNSHIP_CASEWORKER, Role.COUNTY_CASEWORKER};

  @Override
  public void declare(Access access) {
    access.module("services");
    access.post("/services/menu").to(Role.ADMIN);
    access.get("/services/menu").to(Access.ANY_STAFF);
    access.get("/services/requests/new").to(Access.FILERS);
    access.post("/services/requests").to(Access.FILERS);
    access
        .get("/services/requests")
        .to(
            Role.TOWNSHIP_CASEWORKER,
            Role.TOWNSHIP_HEAD,
            Role.COUNTY_CASEWORKER,
            Role.COUNTY_HEAD,
            Role.SUPERVISOR);
    access.post("/services/requests/*/appointments").to(WORKERS[0], WORKERS[1]);
    access.get("/services/requests/*").to(Access.CASE_READERS);
    access.any("/services/appointments/*/notes").to(Role.COUNSELLOR, WORKERS[0], WORKERS[1]);
    // the JSON API: the same roles as the pages; the answer is the station caseworker's task
    access.post("/api/services/requests").to(Access.FILERS);
    access
        .get("/api/services/requests")
        .to(
            Role.TOWNSHIP_CASEWORKER,
            Role.TOWNSHIP_HEAD,
            Role.COUNTY_CASEWORKER,
            Role.COUNTY_HEAD,
            Role.SUPERVISOR);
    access.post("/api/services/requests/*/referral-answer").to(Role.TOWNSHIP_CASEWORKER);
    access.get("/api/services/requests/*").to(Access.CASE_READERS);
  }
}
