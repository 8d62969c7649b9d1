package org.casework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Login, throttling, CSRF, headers, and a refused case of another township that is recorded. */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class LoginAndRefusalTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired HardshipAssistance assistance;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    region.ensure();
  }

  @Test
  void shouldSendAnonymousVisitorsToTheChineseLoginPageAndApiClientsA401() throws Exception {
    mvc.perform(get("/cases")).andExpect(redirectedUrl("http://localhost/login"));
    mvc.perform(get("/api/cases/BF-350502-2026-000001"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().doesNotExist("WWW-Authenticate"))
        .andExpect(jsonPath("$.message", containsString("请先登录")));
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("用户名")))
        .andExpect(content().string(containsString("_csrf")));
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }

  @Test
  void shouldLogInWithTheTasklistPasswordAndSendSecureHeaders() throws Exception {
    mvc.perform(formLogin("/login").user("zhangwei").password("demo123"))
        .andExpect(authenticated().withUsername("zhangwei").withRoles("TOWNSHIP_CASEWORKER"))
        .andExpect(redirectedUrl("/"));
    mvc.perform(formLogin("/login").user("zhangwei").password("wrong"))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(get("/login"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(
            header().string("Content-Security-Policy", containsString("default-src 'self'")));
  }

  @Test
  void shouldLockAnAccountAfterFiveFailuresEvenForTheRightPassword() throws Exception {
    // a fresh name: locks are kept in the database (they survive a restart, and a rerun)
    String locktest =
        "locktest" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);
    jurisdiction.addStaff(
        locktest, "锁定测试", Role.TOWNSHIP_CASEWORKER, new RegionCode(DemoRegion.TOWNSHIP), "demo123");
    for (int i = 0; i < 5; i++) {
      mvc.perform(formLogin("/login").user(locktest).password("guess" + i))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(formLogin("/login").user(locktest).password("demo123"))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?locked"));
    mvc.perform(get("/login").param("locked", ""))
        .andExpect(content().string(containsString("账号或地址已暂时锁定")));
    mvc.perform(get("/api/cases").with(httpBasic(locktest, "demo123")))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("LOCKED"));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE kind = 'ACCESS_DENIED' AND actor = ?",
                Long.class,
                locktest))
        .isPositive();
  }

  @Test
  void shouldRefuseAPostWithoutCsrfTokenButAcceptHttpBasicForApiClients() throws Exception {
    mvc.perform(
            post("/api/hardship/cases/BF-350502-2026-999999/materials")
                .with(user(users.loadUserByUsername("zhangwei")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"收到\"}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("CSRF"));
    mvc.perform(
            post("/api/hardship/cases/BF-350502-2026-999999/materials")
                .with(httpBasic("zhangwei", "demo123"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"收到\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.message", containsString("未找到案件")));
  }

  @Test
  void shouldRefuseACaseOfAnotherTownshipWithAChineseMessageAndRecordTheAttempt() throws Exception {
    String number =
        assistance
            .apply(
                new ApplyForAssistance(
                    TestPeople.veteran("郑𠮷生", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                    HardshipCause.ILLNESS,
                    "长期患病",
                    new BigDecimal("700.00"),
                    new BigDecimal("500.00"),
                    false,
                    "zhangwei"))
            .caseNumber();

    mvc.perform(get("/cases/" + number).with(user(users.loadUserByUsername("chenjing"))))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("不在您的管辖范围")))
        .andExpect(content().string(containsString("本次访问已记录")));
    mvc.perform(get("/api/cases/" + number).with(httpBasic("chenjing", "demo123")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("OUTSIDE_REGION"));
    mvc.perform(get("/api/cases").with(httpBasic("chenjing", "demo123")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString(number))));
    mvc.perform(get("/api/cases").with(httpBasic("zhangwei", "demo123")))
        .andExpect(content().string(containsString(number)));

    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE kind = 'ACCESS_REFUSED'"
                    + " AND actor = 'chenjing' AND case_number = ?",
                Long.class,
                number))
        .isEqualTo(2);
  }
}
