package org.casework.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.common.Throttles;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Sessions and the login (issue 15, item 10): a role change or a disabled account ends the person's
 * sessions at once, at most three sessions per person, an absolute timeout, a throttle that counts
 * one account however its name is spelt and survives a restart, and a disabled account answered
 * exactly like a wrong password.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class SessionsAndLoginTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;
  @Autowired SessionRegistry registry;
  @Autowired Clock clock;

  String username;

  @BeforeEach
  void setUp() {
    region.ensure();
    username = "sess" + ThreadLocalRandom.current().nextInt(1_000_000);
    jurisdiction.addStaff(
        username,
        "会话测试",
        Role.TOWNSHIP_CASEWORKER,
        new RegionCode(DemoRegion.TOWNSHIP),
        "pw-12345");
  }

  @Test
  void shouldEndTheSessionsOfAPersonWhoseRoleChangesOrWhoIsDisabled() throws Exception {
    MockHttpSession session = login(username);
    assertThat(status(session, "/applications/new")).isEqualTo(200);

    // a region change keeps the session (the scope is read fresh on every request)
    jurisdiction.reassign(
        username, Role.TOWNSHIP_CASEWORKER, new RegionCode(DemoRegion.OTHER_TOWNSHIP));
    assertThat(status(session, "/applications/new")).isEqualTo(200);

    // the role is in the session's authorities: a role change must end the session
    jurisdiction.reassign(username, Role.TOWNSHIP_HEAD, new RegionCode(DemoRegion.TOWNSHIP));
    MvcResult after = mvc.perform(get("/applications/new").session(session)).andReturn();
    assertThat(after.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
    MvcResult api = mvc.perform(get("/api/cases").session(session)).andReturn();
    assertThat(api.getResponse().getStatus()).isEqualTo(401);

    MockHttpSession second = login(username);
    assertThat(status(second, "/cases")).isEqualTo(200);
    jurisdiction.setEnabled(username, false);
    assertThat(
            mvc.perform(get("/cases").session(second)).andReturn().getResponse().getRedirectedUrl())
        .isEqualTo("/login?expired");
  }

  @Test
  void shouldKeepAtMostThreeSessionsPerPersonEndingTheOldest() throws Exception {
    List<MockHttpSession> sessions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sessions.add(login(username));
    }
    assertThat(
            mvc.perform(get("/cases").session(sessions.getFirst()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/login?expired");
    for (MockHttpSession s : sessions.subList(1, 4)) {
      assertThat(status(s, "/cases")).isEqualTo(200);
    }
  }

  @Test
  void shouldEndTheSessionsOfAPersonOnEveryNodeWhenTheRoleChangesOnOne() {
    // another node of the same app: its own registry over the same database
    StaffSessionStore otherNode = new StaffSessionStore(jdbc, clock, Duration.ofMinutes(30));
    otherNode.registerNewSession("node-b-" + username, officer(username));
    assertThat(otherNode.getSessionInformation("node-b-" + username).isExpired()).isFalse();

    // the role changes on this node: the other node's session is ended at its next request
    jurisdiction.reassign(username, Role.TOWNSHIP_HEAD, new RegionCode(DemoRegion.TOWNSHIP));

    assertThat(otherNode.getSessionInformation("node-b-" + username).isExpired()).isTrue();
    // only a hash of the session id is stored
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM security_staff_session WHERE session_key = ?",
                Integer.class,
                "node-b-" + username))
        .isZero();
  }

  @Test
  void shouldCountTheSessionsOfEveryNodeTowardsTheLimit() throws Exception {
    for (int i = 0; i < 3; i++) {
      // three sessions on another node, logged in 3, 2 and 1 minutes ago
      Clock then = Clock.offset(clock, Duration.ofMinutes(i - 3L));
      new StaffSessionStore(jdbc, then, Duration.ofMinutes(30))
          .registerNewSession("node-b-" + i + "-" + username, officer(username));
    }
    MockHttpSession here = login(username);
    assertThat(status(here, "/cases")).isEqualTo(200);

    StaffSessionStore otherNode = new StaffSessionStore(jdbc, clock, Duration.ofMinutes(30));
    assertThat(otherNode.getSessionInformation("node-b-0-" + username).isExpired()).isTrue();
    assertThat(otherNode.getSessionInformation("node-b-1-" + username).isExpired()).isFalse();
    assertThat(otherNode.getSessionInformation("node-b-2-" + username).isExpired()).isFalse();
  }

  @Test
  void shouldPruneSessionsANodeLeftBehindAndNotCountThem() {
    Clock longAgo = Clock.offset(clock, Duration.ofHours(-2));
    new StaffSessionStore(jdbc, longAgo, Duration.ofMinutes(30))
        .registerNewSession("crashed-" + username, officer(username));
    StaffSessionStore store = new StaffSessionStore(jdbc, clock, Duration.ofMinutes(30));
    assertThat(store.getAllSessions(officer(username), false)).isEmpty();

    assertThat(store.prune()).isPositive();
    assertThat(store.getSessionInformation("crashed-" + username)).isNull();
  }

  private OfficerPrincipal officer(String name) {
    return new OfficerPrincipal(jurisdiction.staff(name).orElseThrow(), null);
  }

  @Test
  void shouldEndASessionAfterTheAbsoluteTimeoutHoweverActive() throws Exception {
    MockHttpSession session = new MockHttpSession();
    Clock later =
        Clock.fixed(Instant.now().plus(Duration.ofHours(12).plusMinutes(1)), ZoneOffset.UTC);
    var filter =
        new StaffSessions.AbsoluteSessionTimeoutFilter(Duration.ofHours(12), later, registry);
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cases");
    request.setSession(session);
    filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    assertThat(session.isInvalid()).isTrue();

    MockHttpSession fresh = new MockHttpSession();
    var now = new StaffSessions.AbsoluteSessionTimeoutFilter(Duration.ofHours(12), clock, registry);
    MockHttpServletRequest again = new MockHttpServletRequest("GET", "/cases");
    again.setSession(fresh);
    now.doFilter(again, new MockHttpServletResponse(), new MockFilterChain());
    assertThat(fresh.isInvalid()).isFalse();
  }

  @Test
  void shouldCountOneAccountHoweverItsNameIsSpeltAndAcrossARestart() throws Exception {
    String upper = username.toUpperCase();
    String wide = " " + toFullWidth(username) + " ";
    String[] spellings = {username, upper, wide, "Sess" + username.substring(4), upper};
    for (String spelt : spellings) {
      mvc.perform(formLogin("/login").user(spelt).password("wrong")).andReturn();
    }
    MvcResult locked =
        mvc.perform(formLogin("/login").user(username).password("pw-12345")).andReturn();
    assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?locked");

    // a new throttle (as after a restart) reads the same lock from the database
    LoginThrottle restarted =
        new LoginThrottle(new Throttles(jdbc, clock), 5, 20, Duration.ofMinutes(15));
    assertThat(restarted.isLocked(upper, "192.0.2.1")).isTrue();
  }

  @Test
  void shouldLockAnAddressTryingManyNames() {
    String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    LoginThrottle throttle =
        new LoginThrottle(new Throttles(jdbc, clock), 5, 3, Duration.ofMinutes(15));
    throttle.failed("a" + username, address);
    throttle.failed("b" + username, address);
    assertThat(throttle.isLocked("c" + username, address)).isFalse();
    assertThat(throttle.failed("c" + username, address)).isTrue();
    assertThat(throttle.isLocked("someone-else", address)).isTrue();
    assertThat(throttle.isLocked("someone-else", "198.51.100.0")).isFalse();
  }

  @Test
  void shouldAnswerADisabledAccountExactlyLikeAWrongPassword() throws Exception {
    String other = username + "x";
    jurisdiction.addStaff(
        other, "停用测试", Role.TOWNSHIP_CASEWORKER, new RegionCode(DemoRegion.TOWNSHIP), "pw-12345");
    jurisdiction.setEnabled(other, false);
    MvcResult disabled =
        mvc.perform(formLogin("/login").user(other).password("pw-12345")).andReturn();
    MvcResult wrong = mvc.perform(formLogin("/login").user(username).password("nope")).andReturn();
    assertThat(disabled.getResponse().getRedirectedUrl())
        .isEqualTo(wrong.getResponse().getRedirectedUrl())
        .isEqualTo("/login?error");
    String page =
        mvc.perform(get("/login?disabled")).andReturn().getResponse().getContentAsString();
    assertThat(page).doesNotContain("停用");
  }

  private MockHttpSession login(String user) throws Exception {
    MvcResult r = mvc.perform(formLogin("/login").user(user).password("pw-12345")).andReturn();
    assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/");
    return (MockHttpSession) r.getRequest().getSession(false);
  }

  private int status(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus();
  }

  private static String toFullWidth(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : c);
    }
    return b.toString();
  }
}
