package org.casework.security.internal;

import jakarta.servlet.FilterConfig;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.operaton.bpm.webapp.impl.security.auth.Authentications;
import org.operaton.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Operaton's container-based login for its web apps (Tasklist, Cockpit, Admin, Welcome), with the
 * app's Spring Security session as the container. The provider is a Spring-made object rather than
 * a class name in an init parameter, and the web apps' session login is renewed on every request
 * (groups and the apps they open are never older than the request).
 */
class WebappSessionAuthenticationFilter extends ContainerBasedAuthenticationFilter {

  WebappSessionAuthenticationFilter(AuthenticationProvider provider) {
    this.authenticationProvider = provider;
  }

  @Override
  public void init(FilterConfig filterConfig) {
    // the provider is given to the constructor
  }

  @Override
  protected boolean existisAuthentication(
      Authentications authentications, String engineName, String username) {
    return false;
  }
}
