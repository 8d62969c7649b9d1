package org.casework.web;

import static org.casework.security.Access.ANY_STAFF;
import static org.casework.security.Access.CASE_READERS;
import static org.casework.security.Access.FILERS;

import org.casework.jurisdiction.Role;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/** Who may use the shared pages: the start page, case lookup and the hardship filing form. */
@Component
class PageAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("web");
    access.get("/").to(ANY_STAFF);
    access.any("/applications", "/applications/**").to(FILERS);
    access
        .post("/cases/*/materials", "/cases/*/objections", "/cases/*/reconsideration")
        .to(Role.TOWNSHIP_CASEWORKER, Role.COUNTY_CASEWORKER);
    // 查看完整个人信息: the service decides further (handler of the case, audited)
    access.post("/cases/*/personal-data").to(CASE_READERS);
    access.get("/cases", "/cases/**").to(CASE_READERS);
  }
}
