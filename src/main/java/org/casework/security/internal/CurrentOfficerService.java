package org.casework.security.internal;

import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.StaffMember;
import org.casework.security.CurrentOfficer;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

@Service
class CurrentOfficerService implements CurrentOfficer {

  private final Jurisdiction jurisdiction;

  CurrentOfficerService(Jurisdiction jurisdiction) {
    this.jurisdiction = jurisdiction;
  }

  @Override
  public StaffMember officer() {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    if (who == null
        || !who.isAuthenticated()
        || !(who.getPrincipal() instanceof OfficerPrincipal)) {
      throw new AuthenticationCredentialsNotFoundException("no officer logged in");
    }
    // a security exception: Spring Security answers it (login page / 401), the session ends
    return jurisdiction
        .staff(who.getName())
        .filter(StaffMember::enabled)
        .orElseThrow(() -> new DisabledException("staff disabled since login"));
  }
}
