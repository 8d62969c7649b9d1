package org.casework.stations.web;

import static org.casework.security.Access.CASE_READERS;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Stations: everybody on cases reads the register of their region; township and county staff keep
 * it; the village liaison self-assesses, the township head scores and sends the statement, the
 * county caseworker spot-checks. The services check the region of every station and acceptance.
 */
@Component
class StationAccessRules implements AccessRules {

  static final Role[] EDITORS = {
    Role.TOWNSHIP_CASEWORKER, Role.TOWNSHIP_HEAD, Role.COUNTY_CASEWORKER, Role.COUNTY_HEAD
  };

  @Override
  public void declare(Access access) {
    access.module("stations");
    access
        .post(
            "/stations",
            "/stations/*/facts",
            "/stations/*/staff",
            "/stations/*/staff/*/remove",
            "/stations/*/funding",
            "/stations/*/rooms")
        .to(EDITORS[0], EDITORS[1], EDITORS[2], EDITORS[3]);
    access.post("/stations/*/acceptance").to(Role.VILLAGE_LIAISON, Role.TOWNSHIP_HEAD);
    access
        .post("/stations/acceptance/*/evidence", "/stations/acceptance/*/self")
        .to(Role.VILLAGE_LIAISON);
    access.post("/stations/acceptance/*/score", "/stations/statements").to(Role.TOWNSHIP_HEAD);
    access
        .post(
            "/stations/acceptance/*/correct",
            "/stations/acceptance/*/finish",
            "/stations/spot-check")
        .to(Role.COUNTY_CASEWORKER);
    access
        .get("/stations/statements", "/stations/statements/**", "/stations/progress")
        .to(Role.TOWNSHIP_HEAD, Role.COUNTY_CASEWORKER, Role.COUNTY_HEAD, Role.SUPERVISOR);
    access.post("/stations/stars", "/stations/pairs").to(Role.COUNTY_CASEWORKER, Role.COUNTY_HEAD);
    access.post("/stations/pairs/*/visits").to(EDITORS[0], EDITORS[1], EDITORS[2], EDITORS[3]);
    access
        .post(
            "/stations/training/courses",
            "/stations/training/courses/*/attendance",
            "/stations/training/courses/*/edit",
            "/stations/training/courses/*/delete",
            "/stations/training/courses/*/attendance/*/remove",
            "/stations/training/certificates")
        .to(EDITORS[0], EDITORS[1], EDITORS[2], EDITORS[3]);
    access
        .post(
            "/stations/volunteers",
            "/stations/volunteers/*/members",
            "/stations/volunteers/*/members/*/leave",
            "/stations/volunteers/*/activities",
            "/stations/volunteers/*/activities/*/edit",
            "/stations/volunteers/*/activities/*/void")
        .to(Role.VILLAGE_LIAISON, EDITORS);
    access
        .get("/stations", "/stations/*", "/stations/acceptance/*", "/stations/volunteers/*")
        .to(CASE_READERS);
  }
}
