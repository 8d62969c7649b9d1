package org.casework.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Abuse (issue 15, item 11): anonymous requests cannot grow the audit log without bound, request
 * bodies are limited also when chunked, the health endpoint shows details to administrators only,
 * and the cockpit's chart runs under a script policy without 'unsafe-inline'.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class AbuseTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserDetailsService users;

  @BeforeEach
  void setUp() {
    region.ensure();
    RegionCode county = new RegionCode(DemoRegion.COUNTY);
    jurisdiction.addStaff("ab-admin", "管理员", Role.ADMIN, county, "demo123");
    jurisdiction.addStaff("ab-sup", "督办", Role.SUPERVISOR, county, "demo123");
  }

  @Test
  void shouldNotGrowTheAuditLogWithAnonymousPostsWithoutCsrfToken() throws Exception {
    String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
    long before = anonymousRefusals();
    for (int i = 0; i < 40; i++) {
      int status =
          mvc.perform(
                  post("/api/hardship/applications")
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{}")
                      .with(
                          r -> {
                            r.setRemoteAddr(address);
                            return r;
                          }))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(status).isEqualTo(403);
    }
    assertThat(anonymousRefusals() - before).isBetween(0L, 1L);
  }

  @Test
  void shouldRefuseABodyOverTheLimit() throws Exception {
    // a body without a length: common/web/RequestSizeLimitFilterTest
    // through the application: a declared 5 MB body is refused before anything reads it
    mvc.perform(
            post("/api/hardship/applications")
                .with(user(users.loadUserByUsername("zhangwei")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(new byte[5 * 1024 * 1024]))
        .andExpect(
            r -> {
              assertThat(r.getResponse().getStatus()).isEqualTo(413);
              assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                  .contains("TOO_LARGE");
            });
  }

  @Test
  void shouldShowHealthDetailsToAdministratorsOnly() throws Exception {
    String anonymous =
        mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString();
    assertThat(anonymous).contains("\"status\"").doesNotContain("components").doesNotContain("db");
    String caseworker =
        mvc.perform(get("/actuator/health").with(user(users.loadUserByUsername("zhangwei"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(caseworker).doesNotContain("components");
    String admin =
        mvc.perform(get("/actuator/health").with(user(users.loadUserByUsername("ab-admin"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(admin).contains("components").contains("db");
  }

  @Test
  void shouldDrawTheCockpitChartWithoutAnInlineScript() throws Exception {
    MockHttpServletResponse page =
        mvc.perform(get("/sla/cockpit").with(user(users.loadUserByUsername("ab-sup"))))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString(StandardCharsets.UTF_8);
    assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html).find())
        .as("an inline script, blocked by the policy")
        .isFalse();
    assertThat(html).contains("/js/cockpit-chart.js").contains("data-counts=\"[");
    String policy = page.getHeader("Content-Security-Policy");
    String scripts = policy.replaceAll(".*script-src ([^;]*).*", "$1");
    assertThat(scripts).isEqualTo("'self'");
    assertThat(
            mvc.perform(get("/js/cockpit-chart.js")).andReturn().getResponse().getContentAsString())
        .contains("data-counts");
  }

  private long anonymousRefusals() {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_entry WHERE kind = 'ACCESS_DENIED' AND actor IS NULL",
        Long.class);
  }
}
