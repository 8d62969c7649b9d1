package org.casework.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The citizens' pages make no session: their CSRF token is a cookie ({@code HttpOnly}, {@code
 * SameSite=Strict}, path {@code /public}) matched against the form's token, so a crowd of visitors
 * costs no session memory and no session-registry read per request.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CitizenPagesTest {

  static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired MockMvc mvc;
  @Autowired WebApplicationContext context;
  @Autowired FilterChainProxy filters;

  @BeforeEach
  void productionTokens() {
    // spring-security-test's csrf() (other tests of this context) swaps the chain's token
    // repository for a session-backed test one, for good: put the app's own back
    MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext());
    request.setRequestURI("/public/lookup");
    CsrfTokenRepository current = WebTestUtils.getCsrfTokenRepository(request);
    if (current.getClass().getName().contains("TestCsrfTokenRepository")) {
      WebTestUtils.setCsrfTokenRepository(request, SecurityConfig.citizenCsrfTokens());
    } else {
      assertThat(current).isInstanceOf(CookieCsrfTokenRepository.class);
    }
  }

  @Test
  void shouldServeThePagesFromAChainWithoutSessions() {
    for (String page : List.of("/public/lookup", "/public/services/request")) {
      assertThat(chainOf(page))
          .as(page)
          .noneMatch(f -> f instanceof ConcurrentSessionFilter)
          .anyMatch(f -> f instanceof CsrfFilter)
          .first()
          .isInstanceOf(CitizenBulkhead.class);
    }
    // the staff pages keep theirs
    assertThat(chainOf("/cases")).anyMatch(f -> f instanceof ConcurrentSessionFilter);
  }

  @Test
  void shouldKeepTheCsrfTokenInACookieAndMakeNoSession() throws Exception {
    for (String page : List.of("/public/lookup", "/public/services/request")) {
      MvcResult form = mvc.perform(get(page)).andReturn();
      assertThat(form.getResponse().getStatus()).isEqualTo(200);
      assertThat(form.getRequest().getSession(false)).as("session after GET %s", page).isNull();
      Cookie cookie = form.getResponse().getCookie("XSRF-TOKEN");
      assertThat(cookie).as("token cookie of %s", page).isNotNull();
      assertThat(cookie.isHttpOnly()).isTrue();
      assertThat(cookie.getPath()).isEqualTo("/public");
      assertThat(cookie.getAttribute("SameSite")).isEqualTo("Strict");
    }
  }

  @Test
  void shouldAnswerAPostWithTheFormsTokenAndItsCookieOnlyAndStillMakeNoSession() throws Exception {
    MvcResult form = mvc.perform(get("/public/lookup")).andReturn();
    Cookie cookie = form.getResponse().getCookie("XSRF-TOKEN");
    Matcher field = TOKEN.matcher(form.getResponse().getContentAsString());
    assertThat(field.find()).isTrue();
    String token = field.group(1);

    MvcResult answered = mvc.perform(lookup(token).cookie(cookie)).andReturn();
    assertThat(answered.getResponse().getStatus()).isEqualTo(200);
    assertThat(answered.getResponse().getContentAsString()).contains("未查到");
    assertThat(answered.getRequest().getSession(false)).isNull();

    // the token without its cookie, or with another visitor's cookie: refused
    Cookie other =
        mvc.perform(get("/public/lookup")).andReturn().getResponse().getCookie("XSRF-TOKEN");
    assertThat(other.getValue()).isNotEqualTo(cookie.getValue());
    assertThat(mvc.perform(lookup(token)).andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(lookup(token).cookie(other)).andReturn().getResponse().getStatus())
        .isEqualTo(403);
  }

  /** The filters of the first chain that takes a GET of {@code path}. */
  private List<Filter> chainOf(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext());
    request.setMethod("GET");
    request.setRequestURI(path);
    return filters.getFilterChains().stream()
        .filter(chain -> chain.matches(request))
        .findFirst()
        .orElseThrow()
        .getFilters();
  }

  private static MockHttpServletRequestBuilder lookup(String token) {
    return post("/public/lookup")
        .with(
            r -> {
              r.setRemoteAddr("10.77.0." + (1 + (int) (Math.random() * 250)));
              return r;
            })
        .param("_csrf", token)
        .param("caseNumber", "FY-350502-2026-999999")
        .param("idTail", "0000");
  }
}
