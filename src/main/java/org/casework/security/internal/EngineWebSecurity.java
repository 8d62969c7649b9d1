package org.casework.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffMember;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.spring.boot.starter.property.OperatonBpmProperties;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The engine's web apps ({@code /operaton}) and REST API ({@code /engine-rest}) behind the app's
 * login: one session for the app's pages, Tasklist, Cockpit and Admin.
 *
 * <ul>
 *   <li>Anonymous: the web apps redirect to the app's login page (and come back after it), the REST
 *       APIs answer 401 in Chinese.
 *   <li>Logged in: Operaton's container-based filter takes the user from the session for the web
 *       apps, the REST filter sets the engine's authentication per request; groups are the staff
 *       directory's at that moment.
 *   <li>Cockpit and Admin only for enabled staff with the ADMIN role (read now, not at login); the
 *       engine's own application authorizations say the same.
 *   <li>The web apps' login form (after their logout) is the app's login: {@link
 *       WebappLoginBridge}; their logout ends the app's session too.
 *   <li>CSRF: the web apps' own API is protected by Operaton's CSRF filter (its XSRF cookie and
 *       header), {@code /engine-rest} by Spring Security's token like the app's pages.
 * </ul>
 */
@Configuration
class EngineWebSecurity {

  /** Filters behind Spring Security's chain (order -100) and before Operaton's own. */
  static final int ENGINE_AUTHENTICATION_ORDER = 10;

  @Bean
  StaffSessionAuthenticationProvider staffSessionAuthenticationProvider(
      Jurisdiction jurisdiction, ObjectMapper json) {
    return new StaffSessionAuthenticationProvider(jurisdiction, json);
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineFilterChain(
      HttpSecurity http,
      OperatonBpmProperties operaton,
      JerseyApplicationPath rest,
      Jurisdiction jurisdiction,
      JsonAuthenticationEntryPoint jsonEntryPoint,
      ChineseAccessDeniedHandler deniedHandler,
      StaffLogin staffLogin,
      ProcessEngine engine,
      ObjectMapper json,
      StaffSessions sessions)
      throws Exception {
    String app = operaton.getWebapp().getApplicationPath();
    String restPath = rest.getPath();
    // matched on the whole path: the REST API is not a Spring MVC servlet, so MVC patterns miss it
    RequestMatcher webapps = under(app);
    RequestMatcher apis =
        request -> under(restPath).matches(request) || under(app + "/api").matches(request);
    RequestMatcher adminApps =
        request ->
            under(app + "/app/cockpit").matches(request)
                || under(app + "/app/admin").matches(request)
                || under(app + "/api/cockpit").matches(request)
                || under(app + "/api/admin/plugin").matches(request)
                || under(app + "/api/admin/setup").matches(request);
    http.securityMatcher(request -> webapps.matches(request) || under(restPath).matches(request))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(adminApps)
                    .access(
                        (who, context) ->
                            new AuthorizationDecision(
                                jurisdiction
                                    .staff(who.get().getName())
                                    .filter(StaffMember::enabled)
                                    .filter(s -> s.role() == Role.ADMIN)
                                    .isPresent()))
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(jsonEntryPoint, apis)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                    .accessDeniedHandler(deniedHandler))
        .csrf(c -> c.ignoringRequestMatchers(webapps))
        // the web apps' login form and logout are the app's login and logout
        .addFilterBefore(
            new WebappLoginBridge(
                app, staffLogin, jurisdiction, engine, json, sessions.loginStrategy()),
            AuthorizationFilter.class)
        .logout(
            l ->
                l.logoutRequestMatcher(
                        request ->
                            "POST".equals(request.getMethod())
                                && request
                                    .getRequestURI()
                                    .substring(request.getContextPath().length())
                                    .matches(
                                        Pattern.quote(app) + "/api/admin/auth/user/[^/]+/logout"))
                    .logoutSuccessHandler(
                        (request, response, who) ->
                            response.setStatus(HttpServletResponse.SC_NO_CONTENT)))
        // Operaton's header filter writes the web apps' content security policy
        .headers(h -> h.frameOptions(f -> f.sameOrigin()).cacheControl(c -> c.disable()))
        // the same registry as the app's chain: an ended session ends here too
        .sessionManagement(
            s ->
                s.sessionFixation(f -> f.changeSessionId())
                    .maximumSessions(sessions.maxPerPerson())
                    .sessionRegistry(sessions.staffSessionRegistry())
                    .expiredSessionStrategy(StaffSessions.expiredAnswer(json)));
    return http.build();
  }

  /** The path itself or anything below it, relative to the context path. */
  private static RequestMatcher under(String prefix) {
    return request -> {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return path.equals(prefix) || path.startsWith(prefix + "/");
    };
  }

  @Bean
  FilterRegistrationBean<WebappSessionAuthenticationFilter> webappSessionAuthenticationFilter(
      StaffSessionAuthenticationProvider provider, OperatonBpmProperties operaton) {
    FilterRegistrationBean<WebappSessionAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new WebappSessionAuthenticationFilter(provider));
    registration.setName("casework webapp session authentication");
    registration.addUrlPatterns(operaton.getWebapp().getApplicationPath() + "/*");
    registration.setOrder(ENGINE_AUTHENTICATION_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthenticationFilter(
      StaffSessionAuthenticationProvider provider, JerseyApplicationPath rest) {
    FilterRegistrationBean<EngineRestAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(provider, rest.getPath()));
    registration.setName("casework engine-rest authentication");
    registration.addUrlPatterns(rest.getPath() + "/*");
    registration.setOrder(ENGINE_AUTHENTICATION_ORDER);
    return registration;
  }
}
