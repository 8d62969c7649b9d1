package org.casework.security.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
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
 * Role rules per URL live here (one place, tested by the matrix test); region rules live in the
 * services' queries, which take the officer's {@code RegionScope}.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

  static final String[] CASE_READERS = {
    "VILLAGE_LIAISON",
    "TOWNSHIP_CASEWORKER",
    "TOWNSHIP_HEAD",
    "COUNTY_CASEWORKER",
    "COUNTY_APPROVER",
    "COUNTY_HEAD",
    "LEGAL_AID_OFFICER",
    "LEGAL_AID_LAWYER",
    "PETITION_OFFICER",
    "SUPERVISOR",
    "AUDITOR"
  };
  static final String[] FILERS = {"VILLAGE_LIAISON", "TOWNSHIP_CASEWORKER"};
  static final String[] IMPORTERS = {"TOWNSHIP_CASEWORKER", "COUNTY_CASEWORKER"};
  static final String[] RECORDERS = {"VILLAGE_LIAISON", "TOWNSHIP_CASEWORKER", "COUNTY_CASEWORKER"};
  static final String[] ATTACHERS = {
    "VILLAGE_LIAISON",
    "TOWNSHIP_CASEWORKER",
    "COUNTY_CASEWORKER",
    "LEGAL_AID_OFFICER",
    "LEGAL_AID_LAWYER",
    "PETITION_OFFICER"
  };
  static final String[] RECEIVERS = {"TOWNSHIP_CASEWORKER", "COUNTY_CASEWORKER"};
  // petitions: registered (and review requests received) by the township or the county's
  // petition officer; recusal, assignment and referral also by the unit's head
  static final String[] PETITION_REGISTRARS = {"TOWNSHIP_CASEWORKER", "PETITION_OFFICER"};
  static final String[] PETITION_HANDLERS = {
    "TOWNSHIP_CASEWORKER", "TOWNSHIP_HEAD", "PETITION_OFFICER", "COUNTY_HEAD"
  };

  /** Legal-aid workstations (county desk) and liaison points (township and village stations). */
  static final String[] LEGAL_AID_DESKS = {
    "LEGAL_AID_OFFICER", "TOWNSHIP_CASEWORKER", "VILLAGE_LIAISON"
  };

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      StaffLogin login,
      ChineseAccessDeniedHandler deniedHandler,
      JsonAuthenticationEntryPoint jsonEntryPoint)
      throws Exception {
    ProviderManager manager = login.manager();

    RequestMatcher api =
        request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    RequestMatcher basic =
        request -> {
          String h = request.getHeader("Authorization");
          return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
        };

    http.authenticationManager(manager)
        .authorizeHttpRequests(
            auth ->
                auth.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/denied")
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/audit/**", "/api/audit/**")
                    .hasRole("AUDITOR")
                    .requestMatchers("/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers(POST, "/api/calendar/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/applications/**", "/applications")
                    .hasAnyRole(FILERS)
                    .requestMatchers(POST, "/api/hardship/applications")
                    .hasAnyRole(FILERS)
                    .requestMatchers(
                        POST,
                        "/cases/*/materials",
                        "/cases/*/objections",
                        "/cases/*/reconsideration")
                    .hasAnyRole(RECEIVERS)
                    .requestMatchers(
                        POST,
                        "/api/hardship/cases/*/materials",
                        "/api/hardship/cases/*/objections",
                        "/api/hardship/cases/*/reconsideration")
                    .hasAnyRole(RECEIVERS)
                    // legal aid: consultations and applications at workstations and liaison
                    // points; objections to a refusal go to the county's legal-aid desk
                    .requestMatchers("/legal-aid/**")
                    .hasAnyRole(LEGAL_AID_DESKS)
                    .requestMatchers(
                        POST,
                        "/api/legal-aid/applications",
                        "/api/legal-aid/consultations",
                        "/api/legal-aid/consultations/*/application",
                        "/api/legal-aid/cases/*/materials")
                    .hasAnyRole(LEGAL_AID_DESKS)
                    .requestMatchers(POST, "/api/legal-aid/cases/*/objections")
                    .hasRole("LEGAL_AID_OFFICER")
                    .requestMatchers(GET, "/api/legal-aid/**")
                    .hasAnyRole(CASE_READERS)
                    // money: the county books, reverses and reconciles; auditors read
                    .requestMatchers(
                        POST,
                        "/api/ledger/disbursements/*/reversal",
                        "/api/ledger/disbursements/*/correction")
                    .hasAnyRole("COUNTY_APPROVER", "COUNTY_HEAD")
                    .requestMatchers(POST, "/api/ledger/reconciliations", "/ledger/reconciliation")
                    .hasAnyRole("COUNTY_CASEWORKER", "COUNTY_APPROVER")
                    .requestMatchers("/api/ledger/**", "/ledger/**")
                    .hasAnyRole("COUNTY_CASEWORKER", "COUNTY_APPROVER", "COUNTY_HEAD", "AUDITOR")
                    // the registry's life events: recorded where the person lives
                    .requestMatchers(
                        POST, "/api/registry/persons/*/death", "/api/registry/persons/*/moved-away")
                    .hasAnyRole(FILERS)
                    .requestMatchers(GET, "/api/registry/**")
                    .hasAnyRole(CASE_READERS)
                    // people (一人一档): sheets imported and registers exported by township and
                    // county; statuses and needs recorded by the stations; read by case readers
                    .requestMatchers(
                        "/people/import",
                        "/people/import/**",
                        "/people/export",
                        "/api/people/imports",
                        "/api/people/imports/**")
                    .hasAnyRole(IMPORTERS)
                    .requestMatchers(
                        POST,
                        "/people/*/statuses",
                        "/people/*/needs",
                        "/people/*/needs/*/answer",
                        "/people/*/household",
                        "/api/people/*/statuses",
                        "/api/people/*/needs")
                    .hasAnyRole(RECORDERS)
                    .requestMatchers(GET, "/people", "/people/**", "/api/people", "/api/people/**")
                    .hasAnyRole(CASE_READERS)
                    .requestMatchers(POST, "/cases/*/attachments", "/api/cases/*/attachments")
                    .hasAnyRole(ATTACHERS)
                    .requestMatchers(GET, "/attachments/**")
                    .hasAnyRole(CASE_READERS)
                    // condolence: single visits proposed locally, campaigns defined by the county
                    .requestMatchers(POST, "/api/condolence/visits")
                    .hasAnyRole(FILERS)
                    .requestMatchers(POST, "/api/condolence/campaigns", "/condolence/campaigns")
                    .hasAnyRole("COUNTY_CASEWORKER")
                    .requestMatchers(PUT, "/api/condolence/amounts/**")
                    .hasAnyRole("COUNTY_APPROVER", "COUNTY_HEAD")
                    .requestMatchers("/api/condolence/**", "/condolence/**")
                    .hasAnyRole(CASE_READERS)
                    .requestMatchers("/petitions/new", "/petitions")
                    .hasAnyRole(PETITION_REGISTRARS)
                    .requestMatchers(
                        POST,
                        "/api/petitions",
                        "/api/petitions/*/review-requests",
                        "/api/petitions/*/rereview-requests")
                    .hasAnyRole(PETITION_REGISTRARS)
                    .requestMatchers(
                        POST,
                        "/api/petitions/*/conflicts",
                        "/api/petitions/*/officer",
                        "/api/petitions/*/linked-cases")
                    .hasAnyRole(PETITION_HANDLERS)
                    .requestMatchers(GET, "/api/petitions/**")
                    .hasAnyRole(CASE_READERS)
                    .requestMatchers(
                        "/sla/cockpit",
                        "/sla/cockpit/**",
                        "/api/sla/cockpit",
                        "/api/sla/cockpit/**")
                    .hasRole("SUPERVISOR")
                    .requestMatchers(POST, "/api/cases/*/clocks/*/extensions")
                    .hasAnyRole("TOWNSHIP_HEAD", "COUNTY_APPROVER", "COUNTY_HEAD")
                    .requestMatchers(GET, "/cases", "/cases/**", "/api/cases/**")
                    .hasAnyRole(CASE_READERS)
                    .requestMatchers(GET, "/api/hardship/cases/**")
                    .hasAnyRole(CASE_READERS)
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .failureHandler(
                        (request, response, e) -> {
                          String why =
                              e instanceof LockedException
                                  ? "locked"
                                  : e instanceof DisabledException ? "disabled" : "error";
                          response.sendRedirect(request.getContextPath() + "/login?" + why);
                        })
                    .defaultSuccessUrl("/cases", false)
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
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
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
