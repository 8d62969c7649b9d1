package org.casework.jurisdiction.web;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/** Staff administration. */
@Component
class StaffAdminAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("jurisdiction");
    access.any("/admin/**").to(Role.ADMIN);
  }
}
