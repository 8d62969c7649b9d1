package org.casework.reports.web;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * The statistical report: the township head (their township), the county (caseworkers, approvers,
 * the head), supervisors and auditors. The region is checked by the facade; the city roll-up by
 * role ({@code casework.reports.city-roles}).
 */
@Component
class ReportAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("reports");
    access
        .get("/reports", "/reports.xlsx", "/reports.pdf", "/api/reports")
        .to(
            Role.TOWNSHIP_HEAD,
            Role.COUNTY_CASEWORKER,
            Role.COUNTY_APPROVER,
            Role.COUNTY_HEAD,
            Role.SUPERVISOR,
            Role.AUDITOR);
  }
}
