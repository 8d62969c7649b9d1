package org.casework.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.casework.common.web.ApiError;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.StaffChanged;
import org.casework.jurisdiction.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.ConcurrentSessionControlAuthenticationStrategy;
import org.springframework.security.web.authentication.session.RegisterSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The logged-in sessions of each member of staff, in one registry shared by the app's chain and the
 * engine's web apps, kept in the database so that every node sees it ({@link StaffSessionStore}):
 *
 * <ul>
 *   <li>a change of the member (role, region, disabled, password) ends all their sessions at once:
 *       the next request of such a session is logged out (login page, or 401 for the API);
 *   <li>at most {@code casework.security.session.max-per-person} sessions per person (default 3): a
 *       new login ends the oldest;
 *   <li>an absolute timeout ({@code casework.security.session.absolute-timeout}, default 12 h)
 *       besides the idle timeout {@code server.servlet.session.timeout}.
 * </ul>
 */
@Configuration
class StaffSessions {

  private static final Logger log = LoggerFactory.getLogger(StaffSessions.class);

  /** Before Spring Security's chain (order -100): an expired session is gone before it is read. */
  static final int ABSOLUTE_TIMEOUT_ORDER = -110;

  private final StaffSessionStore registry;
  private final int maxPerPerson;
  private final ObjectProvider<Jurisdiction> jurisdiction;
  private final Duration absoluteTimeout;

  StaffSessions(
      ObjectProvider<Jurisdiction> jurisdiction,
      JdbcTemplate jdbc,
      Clock clock,
      @Value("${casework.security.session.max-per-person:3}") int maxPerPerson,
      @Value("${casework.security.session.absolute-timeout:PT12H}") Duration absoluteTimeout,
      @Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
    if (maxPerPerson < 1) {
      throw new IllegalStateException("casework.security.session.max-per-person must be >= 1");
    }
    this.maxPerPerson = maxPerPerson;
    this.jurisdiction = jurisdiction;
    this.absoluteTimeout = absoluteTimeout;
    this.registry = new StaffSessionStore(jdbc, clock, idleTimeout);
  }

  /** The sessions of every node, in the database (also told of ended and renamed sessions). */
  @Bean
  StaffSessionStore staffSessionRegistry() {
    return registry;
  }

  /** Rows of sessions no node will ask for again (a node that stopped without ending them). */
  @Scheduled(
      fixedDelayString = "${casework.security.session.prune-interval:PT10M}",
      initialDelayString = "${casework.security.session.prune-initial-delay:PT10M}")
  void pruneSessions() {
    registry.prune();
  }

  /** Tells the registry when the container ends a session (idle timeout, logout). */
  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  int maxPerPerson() {
    return maxPerPerson;
  }

  /** What a login does to sessions: limit per person, then register the new one. */
  SessionAuthenticationStrategy loginStrategy() {
    ConcurrentSessionControlAuthenticationStrategy limit =
        new ConcurrentSessionControlAuthenticationStrategy(registry);
    limit.setMaximumSessions(maxPerPerson);
    limit.setExceptionIfMaximumExceeded(false);
    return new CompositeSessionAuthenticationStrategy(
        List.of(limit, new RegisterSessionAuthenticationStrategy(registry)));
  }

  /** An ended session's next request: 401 in Chinese for APIs, the login page otherwise. */
  static SessionInformationExpiredStrategy expiredAnswer(ObjectMapper json) {
    return event -> {
      HttpServletRequest request = event.getRequest();
      HttpServletResponse response = event.getResponse();
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith("/api/")
          || path.startsWith("/engine-rest")
          || path.startsWith("/operaton")) {
        response.setStatus(401);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(
            response.getOutputStream(),
            ApiError.of("SESSION_ENDED", "登录已失效（账号已停用、岗位已调整或登录过久），请重新登录"));
      } else {
        response.sendRedirect(request.getContextPath() + "/login?expired");
      }
    };
  }

  /**
   * Ends every session of a member whose role changed or who was disabled (after the change is
   * committed). A change of region keeps the session: region scope and the engine's groups are read
   * fresh on every request.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void on(StaffChanged changed) {
    Optional<StaffMember> now = jurisdiction.getObject().staff(changed.username());
    int ended =
        registry.endSessionsOf(
            changed.username(),
            roleAtLogin ->
                now.isEmpty()
                    || !now.get().enabled()
                    || !now.get().role().name().equals(roleAtLogin),
            "ROLE_OR_ACCOUNT_CHANGED");
    if (ended > 0) {
      log.info("ended {} session(s) of {}: role changed or disabled", ended, changed.username());
    }
  }

  /** A password reset by an administrator ends every session of that member. */
  @TransactionalEventListener(fallbackExecution = true)
  void on(org.casework.jurisdiction.StaffPasswordReset reset) {
    int ended = registry.endSessionsOf(reset.username(), roleAtLogin -> true, "PASSWORD_RESET");
    if (ended > 0) {
      log.info("ended {} session(s) of {}: password reset", ended, reset.username());
    }
  }

  @Bean
  FilterRegistrationBean<AbsoluteSessionTimeoutFilter> absoluteSessionTimeout(Clock clock) {
    FilterRegistrationBean<AbsoluteSessionTimeoutFilter> registration =
        new FilterRegistrationBean<>(
            new AbsoluteSessionTimeoutFilter(absoluteTimeout, clock, registry));
    registration.setName("casework absolute session timeout");
    registration.setOrder(ABSOLUTE_TIMEOUT_ORDER);
    return registration;
  }

  /** Ends a session older than the absolute timeout, however active it was. */
  static final class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

    private final Duration limit;
    private final Clock clock;
    private final SessionRegistry registry;

    AbsoluteSessionTimeoutFilter(Duration limit, Clock clock, SessionRegistry registry) {
      this.limit = limit;
      this.clock = clock;
      this.registry = registry;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      HttpSession session = request.getSession(false);
      if (session != null && clock.millis() - session.getCreationTime() > limit.toMillis()) {
        log.info("session older than {} ended", limit);
        registry.removeSessionInformation(session.getId());
        session.invalidate();
      }
      chain.doFilter(request, response);
    }
  }
}
