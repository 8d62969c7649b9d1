package org.casework.security.internal;

import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.StaffMember;
import org.casework.security.CurrentOfficer;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

@Service
class CurrentOfficerService implements CurrentOfficer {

  /** The request attribute holding the officer looked up for this request (per user name). */
  private static final String MEMO = CurrentOfficerService.class.getName() + ".officer.";

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
    // once per request: the argument resolver, the page's header and the handler all ask
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    String key = MEMO + who.getName();
    if (request != null
        && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST)
            instanceof StaffMember known) {
      return known;
    }
    // a security exception: Spring Security answers it (login page / 401), the session ends
    StaffMember officer =
        jurisdiction
            .staff(who.getName())
            .filter(StaffMember::enabled)
            .orElseThrow(() -> new DisabledException("staff disabled since login"));
    if (request != null) {
      request.setAttribute(key, officer, RequestAttributes.SCOPE_REQUEST);
    }
    return officer;
  }
}
