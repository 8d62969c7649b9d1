package org.casework.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.stream.Stream;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for pages and the JSON API.
 *
 * <ul>
 *   <li>Pages: form login (Chinese page at /login), session cookie, CSRF token in every form.
 *   <li>JSON API (/api/**): either the same session (a page's script sends the CSRF token in the
 *       {@code X-CSRF-TOKEN} header) or HTTP Basic per request for API clients. A request that
 *       carries Basic credentials is exempt from CSRF: a browser never adds them by itself, because
 *       the API answers 401 without a {@code WWW-Authenticate} challenge, so no browser prompt ever
 *       caches them. No session is created for Basic requests.
 * </ul>
 *
 * Role rules per URL are declared by each module ({@link AccessRules} beans in its {@code web}
 * package) and assembled here, most specific first, after the public pages; a URL that no rule
 * names is refused (deny by default). Region rules live in the services' queries, which take the
 * officer's {@code RegionScope}.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

  /** Reachable without login. */
  static final RequestMatcher PUBLIC =
      new OrRequestMatcher(
          Stream.of(
                  "/login",
                  // 菜单式服务: a person's own online request (services module; CSRF, throttled,
                  // audited)
                  "/public/services/request",
                  "/denied",
                  "/error",
                  "/css/**",
                  "/js/**",
                  "/vendor/**",
                  "/favicon.ico",
                  "/actuator/health",
                  "/actuator/health/**",
                  // the applicant's own status lookup (citizen module): CSRF-protected form,
                  // throttled and audited there; no staff data behind it
                  "/public/lookup")
              .map(p -> AccessRuleAssembly.matcher(null, p))
              .toList());

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      StaffLogin login,
      ChineseAccessDeniedHandler deniedHandler,
      JsonAuthenticationEntryPoint jsonEntryPoint,
      ObjectProvider<AccessRules> modules,
      StaffSessions sessions,
      ObjectMapper json)
      throws Exception {
    ProviderManager manager = login.manager();

    RequestMatcher api =
        request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    RequestMatcher basic =
        request -> {
          String h = request.getHeader("Authorization");
          return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
        };

    List<Access.Rule> ordered = AccessRuleAssembly.assemble(modules.orderedStream().toList());
    http.authenticationManager(manager)
        .authorizeHttpRequests(
            auth -> {
              auth.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                  .permitAll()
                  .requestMatchers(PUBLIC)
                  .permitAll()
                  .requestMatchers(AccessRuleAssembly.matcher("GET", "/actuator/**"))
                  .hasRole("ADMIN");
              for (Access.Rule rule : ordered) {
                auth.requestMatchers(AccessRuleAssembly.matcher(rule.method(), rule.pattern()))
                    .hasAnyRole(rule.roles().stream().map(Enum::name).toArray(String[]::new));
              }
              // deny by default: a URL no module declared is refused to everybody
              auth.anyRequest().denyAll();
            })
        .formLogin(
            form ->
                form.loginPage("/login")
                    .failureHandler(
                        (request, response, e) -> {
                          // a disabled account is answered like a wrong password
                          String why = e instanceof LockedException ? "locked" : "error";
                          response.sendRedirect(request.getContextPath() + "/login?" + why);
                        })
                    .defaultSuccessUrl("/", false)
                    .permitAll())
        .httpBasic(b -> b.authenticationEntryPoint(jsonEntryPoint))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
        .csrf(
            c ->
                c.requireCsrfProtectionMatcher(
                    new AndRequestMatcher(
                        CsrfFilter.DEFAULT_CSRF_MATCHER, new NegatedRequestMatcher(basic))))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(jsonEntryPoint, api)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                    .accessDeniedHandler(deniedHandler))
        .sessionManagement(
            s ->
                s.sessionFixation(f -> f.changeSessionId())
                    .maximumSessions(sessions.maxPerPerson())
                    .sessionRegistry(sessions.staffSessionRegistry())
                    .expiredSessionStrategy(StaffSessions.expiredAnswer(json)))
        .headers(
            h ->
                h.contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                                    + " img-src 'self' data:; font-src 'self'; object-src 'none';"
                                    + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }
}
