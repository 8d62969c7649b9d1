package org.casework.ledger.web;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/** Money: the county books, reverses and reconciles; auditors read. */
@Component
class LedgerAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("ledger");
    access
        .post("/api/ledger/disbursements/*/reversal", "/api/ledger/disbursements/*/correction")
        .to(Role.COUNTY_APPROVER, Role.COUNTY_HEAD);
    access
        .post("/api/ledger/reconciliations", "/ledger/reconciliation")
        .to(Role.COUNTY_CASEWORKER, Role.COUNTY_APPROVER);
    access
        .get("/api/ledger/**", "/ledger/**")
        .to(Role.COUNTY_CASEWORKER, Role.COUNTY_APPROVER, Role.COUNTY_HEAD, Role.AUDITOR);
  }
}
