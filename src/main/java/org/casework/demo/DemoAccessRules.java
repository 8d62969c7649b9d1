package org.casework.demo;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/** The demo finance file, a sample for the reconciliation import. */
@Component
class DemoAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("demo");
    access.get("/demo/finance-sample.csv").to(Role.COUNTY_CASEWORKER, Role.COUNTY_APPROVER);
  }
}
