package org.casework.security.internal;

import jakarta.servlet.FilterConfig;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.operaton.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * The REST API's engine login: every request runs as the logged-in member of staff with their
 * current groups ({@code IdentityService.setAuthentication}), cleared when the request ends, so the
 * engine's authorizations (candidate groups, filters, applications) apply to it.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  EngineRestAuthenticationFilter(AuthenticationProvider provider, String restPath) {
    this.authenticationProvider = provider;
    this.servletPathPrefix = restPath;
  }

  @Override
  public void init(FilterConfig filterConfig) {
    // the provider and the path are given to the constructor
  }
}
