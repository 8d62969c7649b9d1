package org.casework.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.common.web.ApiError;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.StaffMember;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.operaton.bpm.webapp.impl.security.auth.Authentications;
import org.operaton.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web apps' own login form (shown after their logout) logs in to the app: the same password
 * check and lock-out as the app's login page ({@link StaffLogin}), a new session id, the Spring
 * Security context in the session, and the web apps' login for the engine, answered as Operaton
 * answers it ({@code userId}, {@code authorizedApps}). The engine itself never checks a password.
 */
class WebappLoginBridge extends OncePerRequestFilter {

  private final Pattern login;
  private final StaffLogin staffLogin;
  private final Jurisdiction jurisdiction;
  private final ProcessEngine engine;
  private final ObjectMapper json;
  private final SessionAuthenticationStrategy sessions;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

  WebappLoginBridge(
      String appPath,
      StaffLogin staffLogin,
      Jurisdiction jurisdiction,
      ProcessEngine engine,
      ObjectMapper json,
      SessionAuthenticationStrategy sessions) {
    this.sessions = sessions;
    this.login =
        Pattern.compile(Pattern.quote(appPath) + "/api/admin/auth/user/([^/]+)/login/([^/]+)");
    this.staffLogin = staffLogin;
    this.jurisdiction = jurisdiction;
    this.engine = engine;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher m = login.matcher(path);
    if (!"POST".equals(request.getMethod()) || !m.matches()) {
      chain.doFilter(request, response);
      return;
    }
    if (!sameOrigin(request)) {
      answer(response, 403, ApiError.of("CSRF", "请求来源无法确认，请刷新页面后重试"));
      return;
    }
    if (!engine.getName().equals(m.group(1))) {
      answer(response, 404, ApiError.of("NO_ENGINE", "没有名为 " + m.group(1) + " 的流程引擎"));
      return;
    }
    String username = Optional.ofNullable(request.getParameter("username")).orElse("").strip();
    UsernamePasswordAuthenticationToken attempt =
        UsernamePasswordAuthenticationToken.unauthenticated(
            username, Optional.ofNullable(request.getParameter("password")).orElse(""));
    attempt.setDetails(details.buildDetails(request));
    Authentication who;
    try {
      who = staffLogin.manager().authenticate(attempt);
    } catch (AuthenticationException e) {
      answer(
          response,
          401,
          e instanceof LockedException
              ? ApiError.of("LOCKED", "登录失败次数过多，账号或地址已暂时锁定，请稍后再试")
              : ApiError.of("BAD_CREDENTIALS", "用户名或密码错误"));
      return;
    }
    Optional<StaffMember> staff = jurisdiction.staff(who.getName()).filter(StaffMember::enabled);
    if (staff.isEmpty()) {
      // answered like a wrong password: no page tells a disabled account apart
      answer(response, 401, ApiError.of("BAD_CREDENTIALS", "用户名或密码错误"));
      return;
    }
    UserAuthentication webappLogin =
        AuthenticationUtil.createAuthentication(
            engine, who.getName(), staff.get().groups(), List.of());
    if (!webappLogin.isAuthorizedForApp(m.group(2))) {
      answer(response, 403, ApiError.of("APP_DENIED", "您的岗位无权使用此应用"));
      return;
    }
    // as after the app's login form: a fresh session id, then the login in the session
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    // counted and registered like a login on the app's form (at most N sessions per person)
    sessions.onAuthentication(who, request, response);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(who);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    HttpSession session = request.getSession();
    Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
    logins.addOrReplace(webappLogin);
    AuthenticationUtil.updateSession(session, logins);
    response.setStatus(200);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(
        response.getOutputStream(),
        Map.of(
            "userId",
            who.getName(),
            "authorizedApps",
            new TreeSet<>(webappLogin.getAuthorizedApps())));
  }

  /** A browser names the page's origin on a POST; one from another site is refused. */
  private static boolean sameOrigin(HttpServletRequest request) {
    String source = request.getHeader("Origin");
    if (source == null) {
      source = request.getHeader("Referer");
    }
    if (source == null) {
      return false;
    }
    try {
      URI uri = URI.create(source);
      int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
      return request.getServerName().equalsIgnoreCase(uri.getHost())
          && request.getServerPort() == port
          && request.getScheme().equalsIgnoreCase(uri.getScheme());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void answer(HttpServletResponse response, int status, ApiError body) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), body);
  }
}
