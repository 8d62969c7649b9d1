package org.casework.registry.web;

import static org.casework.security.Access.CASE_READERS;
import static org.casework.security.Access.FILERS;

import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.stereotype.Component;

/**
 * The registry: life events recorded where the person lives, records read by everybody on cases.
 */
@Component
class RegistryAccessRules implements AccessRules {

  @Override
  public void declare(Access access) {
    access.module("registry");
    access.post("/api/registry/persons/*/death", "/api/registry/persons/*/moved-away").to(FILERS);
    access.get("/api/registry/**").to(CASE_READERS);
  }
}
