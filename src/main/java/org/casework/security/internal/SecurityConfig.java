package org.casework.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.casework.security.Access;
import org.casework.security.AccessRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
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

  /**
   * Reachable without login (and the citizens' pages, {@link #CITIZEN_PAGES}, in their own chain).
   */
  static final RequestMatcher PUBLIC =
      new OrRequestMatcher(
          Stream.of(
                  "/login",
                  "/denied",
                  "/error",
                  "/css/**",
                  "/js/**",
                  "/vendor/**",
                  "/favicon.ico",
                  "/actuator/health",
                  "/actuator/health/**")
              .map(p -> AccessRuleAssembly.matcher(null, p))
              .toList());

  /**
   * The citizens' pages, reachable without login: the applicant's own status lookup (citizen
   * module) and the online service request (services module); each is throttled and audited there
   * and shows no staff data.
   */
  static final String[] CITIZEN_PAGES = {"/public/lookup", "/public/services/request"};

  /**
   * The citizens' pages in a chain of their own that never makes a session: the CSRF token is a
   * cookie (double submit: the form's masked token must match the {@code HttpOnly}, {@code
   * SameSite=Strict} cookie, path {@code /public}) instead of an anonymous session per visitor, so
   * a crowd of lookups costs no session memory and no session-registry read on every request.
   * Everything else stays with the staff chain below.
   */
  @Bean
  @Order(2)
  SecurityFilterChain citizenFilterChain(
      HttpSecurity http, ChineseAccessDeniedHandler denied, CitizenBulkhead bulkhead)
      throws Exception {
    http.securityMatcher(
            new OrRequestMatcher(
                Stream.of(CITIZEN_PAGES).map(p -> AccessRuleAssembly.matcher(null, p)).toList()))
        .addFilterBefore(bulkhead, DisableEncodeUrlFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .logout(l -> l.disable())
        .csrf(c -> c.csrfTokenRepository(citizenCsrfTokens()))
        // the token is made before the page renders, so its cookie is set before anything is sent
        .addFilterAfter(
            (request, response, chain) -> {
              if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
              }
              chain.doFilter(request, response);
            },
            CsrfFilter.class)
        .exceptionHandling(e -> e.accessDeniedHandler(denied))
        .headers(
            h ->
                h.frameOptions(f -> f.deny())
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }

  @Bean
  CitizenBulkhead citizenBulkhead(
      @Value("${casework.citizen.max-concurrent:4}") int maxConcurrent,
      @Value("${casework.citizen.max-wait:PT0.5S}") Duration maxWait,
      MessageSource messages) {
    return new CitizenBulkhead(maxConcurrent, maxWait, messages);
  }

  /** Only in the citizens' chain, not as a servlet filter of every request. */
  @Bean
  FilterRegistrationBean<CitizenBulkhead> citizenBulkheadNotAServletFilter(CitizenBulkhead b) {
    FilterRegistrationBean<CitizenBulkhead> registration = new FilterRegistrationBean<>(b);
    registration.setEnabled(false);
    return registration;
  }

  /** The citizens' pages' CSRF token: a cookie for {@code /public} only, never sent cross-site. */
  static CookieCsrfTokenRepository citizenCsrfTokens() {
    CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();
    cookies.setCookiePath("/public");
    cookies.setCookieCustomizer(c -> c.sameSite("Strict"));
    return cookies;
  }

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
