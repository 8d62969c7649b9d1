package org.casework.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casework.jurisdiction.StaffMember;
import org.casework.security.CurrentOfficer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the layout's header shows on every rendered page: the logged-in member's name and the
 * Chinese label of their role (model attribute {@code me}), so no page shows a user name or a role
 * constant. Added only to views (not to redirects or JSON answers).
 */
@Configuration
class PageChrome implements WebMvcConfigurer {

  /** The header's person: display name, role label (中文) and role name (for CSS/tests only). */
  public record Me(
      String username, String name, String roleLabel, String role, String regionCode) {}

  /** Looked up when a page renders (a web slice test may have no staff directory at all). */
  private final ObjectProvider<CurrentOfficer> current;

  PageChrome(ObjectProvider<CurrentOfficer> current) {
    this.current = current;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(
        new HandlerInterceptor() {
          @Override
          public void postHandle(
              HttpServletRequest request,
              HttpServletResponse response,
              Object handler,
              ModelAndView view) {
            if (view == null
                || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))
                || view.getModel().containsKey("me")) {
              return;
            }
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null
                || !auth.isAuthenticated()
                || auth instanceof AnonymousAuthenticationToken) {
              return;
            }
            try {
              CurrentOfficer who = current.getIfAvailable();
              if (who == null) {
                return;
              }
              StaffMember officer = who.officer();
              view.addObject(
                  "me",
                  new Me(
                      officer.username(),
                      officer.displayName(),
                      officer.role().label(),
                      officer.role().name(),
                      officer.region().value()));
            } catch (RuntimeException notStaff) {
              // a principal that is not a member of staff (none in production): name only
            }
          }
        });
  }
}
