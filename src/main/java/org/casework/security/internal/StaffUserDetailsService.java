package org.casework.security.internal;

import org.casework.jurisdiction.Jurisdiction;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** The login directory is {@code jurisdiction_staff}, the same directory the engine reads. */
@Service
class StaffUserDetailsService implements UserDetailsService {

  private final Jurisdiction jurisdiction;

  StaffUserDetailsService(Jurisdiction jurisdiction) {
    this.jurisdiction = jurisdiction;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String name = username == null ? "" : username.strip();
    return jurisdiction
        .staff(name)
        .map(s -> new OfficerPrincipal(s, jurisdiction.passwordHash(name).orElse(null)))
        .orElseThrow(() -> new UsernameNotFoundException("no staff"));
  }
}
