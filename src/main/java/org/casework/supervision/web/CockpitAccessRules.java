package org.casework.supervision.web;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/** The supervisors' cockpit, its API and the incidents' 重试 are for supervisors only. */
@Component
class CockpitAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("supervision");
    access
        .any("/sla/cockpit", "/sla/cockpit/**", "/api/sla/cockpit", "/api/sla/cockpit/**")
        .to(Role.SUPERVISOR);
  }
}
