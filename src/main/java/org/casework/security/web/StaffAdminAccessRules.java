package org.casework.security.web;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Staff administration ({@code jurisdiction/web/StaffAdminPage}). Declared here, not in
 * jurisdiction: security reads the staff directory, so jurisdiction cannot depend on security.
 */
@Component
class StaffAdminAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("jurisdiction");
    // 三员分立: all three administrators use the page; AdministratorDuties decides what each may do
    // the county's division and station codes (jurisdiction/web/DivisionImportPage): the system
    // administrator's
    access.any("/admin/divisions", "/admin/divisions/**").to(Role.ADMIN);
    access.any("/admin/**").to(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
  }
}
