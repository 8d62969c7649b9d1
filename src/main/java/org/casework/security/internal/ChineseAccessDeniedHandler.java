package org.casework.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.casework.common.web.ApiError;
import org.casework.security.AccessDenied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** A role that may not use a page or API: 403 with a Chinese message, and the attempt recorded. */
@Component
class ChineseAccessDeniedHandler implements AccessDeniedHandler {

  private static final Logger log = LoggerFactory.getLogger(ChineseAccessDeniedHandler.class);

  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;
  private final AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();

  private final AnonymousRefusals anonymous;

  ChineseAccessDeniedHandler(
      ApplicationEventPublisher events,
      ObjectMapper json,
      Clock clock,
      AnonymousRefusals anonymous) {
    this.events = events;
    this.anonymous = anonymous;
    this.json = json;
    this.clock = clock;
    page.setErrorPage("/denied");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException, ServletException {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    if (who instanceof AnonymousAuthenticationToken || (who != null && !who.isAuthenticated())) {
      who = null;
    }
    String username = who == null ? null : who.getName();
    String role =
        who == null
            ? null
            : who.getAuthorities().stream()
                .map(a -> a.getAuthority().replace("ROLE_", ""))
                .findFirst()
                .orElse(null);
    boolean csrf = e instanceof CsrfException;
    String message = csrf ? "页面已过期或请求来源无法确认，请刷新页面后重试" : "您的角色无权使用此功能；本次访问已记录";
    String path = request.getRequestURI().substring(request.getContextPath().length());
    log.warn(
        "access denied ({}) for {} ({}) to {} {}",
        csrf ? "csrf" : "role",
        username,
        role,
        request.getMethod(),
        path);
    // anonymous refusals are bounded: at most one audit entry per address and window
    boolean record = username != null || anonymous.shouldRecord(request.getRemoteAddr());
    if (record) {
      events.publishEvent(
          new AccessDenied(
              clock.instant(),
              username,
              role,
              request.getMethod(),
              path.length() > 200 ? path.substring(0, 200) : path,
              csrf ? "CSRF 令牌缺失或无效" : "角色无权访问"));
    }
    if (path.startsWith("/api/")) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(
          response.getOutputStream(), ApiError.of(csrf ? "CSRF" : "FORBIDDEN", message));
      return;
    }
    request.setAttribute("deniedMessage", message);
    page.handle(request, response, e);
  }
}
