package org.casework.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.casework.common.web.ApiError;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.StaffMember;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The engine's web apps and REST API trust the app's login: the user is whoever Spring Security has
 * in this request's session, their groups are read from the staff directory now (not at login), so
 * a disabled or re-assigned member loses the engine's access with their next request.
 */
class StaffSessionAuthenticationProvider implements AuthenticationProvider {

  private final Jurisdiction jurisdiction;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  StaffSessionAuthenticationProvider(
      Jurisdiction jurisdiction, com.fasterxml.jackson.databind.ObjectMapper json) {
    this.jurisdiction = jurisdiction;
    this.json = json;
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Optional<StaffMember> staff = currentStaff();
    if (staff.isEmpty()) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(staff.get().username());
    result.setGroups(staff.get().groups());
    result.setTenants(List.of());
    return result;
  }

  /** The enabled member of staff logged in to this request's session, read fresh. */
  Optional<StaffMember> currentStaff() {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return jurisdiction.staff(who.getName()).filter(StaffMember::enabled);
  }

  /** A Chinese 401 body; deliberately no {@code WWW-Authenticate}: the login is the app's form. */
  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    if (response.isCommitted()) {
      return;
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    try {
      json.writeValue(
          response.getOutputStream(), ApiError.of("UNAUTHENTICATED", "账号未登录或已停用，请重新登录本系统后再办理"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
