package org.casework.audit.web;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/** The auditors' pages and API. */
@Component
class AuditAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("audit");
    access.any("/audit/**", "/api/audit/**").to(Role.AUDITOR);
    // 三员分立: the audit administrator reads the administrators' trail (and nothing else here)
    access.get("/audit/administrators").to(Role.AUDITOR, Role.AUDIT_ADMIN);
  }
}
