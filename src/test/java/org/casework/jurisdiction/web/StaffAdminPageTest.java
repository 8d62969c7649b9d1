package org.casework.jurisdiction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffMember;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The system administrator adds and disables users, the security administrator re-assigns them; the
 * login follows at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class StaffAdminPageTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired UserDetailsService users;

  RequestPostProcessor admin;
  RequestPostProcessor securityAdmin;
  String username;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff("gaoyan", "高燕", Role.ADMIN, new RegionCode(DemoRegion.COUNTY), "demo123");
    jurisdiction.addStaff(
        "tangjun", "唐军", Role.SECURITY_ADMIN, new RegionCode(DemoRegion.COUNTY), "demo123");
    admin = user(users.loadUserByUsername("gaoyan"));
    securityAdmin = user(users.loadUserByUsername("tangjun"));
    username = "u" + ThreadLocalRandom.current().nextInt(1_000_000);
  }

  @Test
  void shouldAddAUserWhoCanLogInThenDisableAndReassignThem() throws Exception {
    mvc.perform(
            post("/admin/staff")
                .with(csrf())
                .with(admin)
                .param("username", username)
                .param("displayName", "何𠮷新")
                .param("role", "TOWNSHIP_CASEWORKER")
                .param("region", DemoRegion.TOWNSHIP)
                .param("password", "start-1234"))
        .andExpect(redirectedUrl("/admin/staff"))
        .andExpect(flash().attribute("message", containsString("已添加")));
    mvc.perform(formLogin("/login").user(username).password("start-1234"))
        .andExpect(authenticated().withRoles("TOWNSHIP_CASEWORKER"));

    // 三员分立: the security administrator moves people (the system administrator may not)
    mvc.perform(
            post("/admin/staff/" + username + "/assignment")
                .with(csrf())
                .with(securityAdmin)
                .param("role", "TOWNSHIP_CASEWORKER")
                .param("region", DemoRegion.OTHER_TOWNSHIP))
        .andExpect(flash().attribute("message", containsString("已调整")));
    assertThat(jurisdiction.staff(username).map(StaffMember::region))
        .contains(new RegionCode(DemoRegion.OTHER_TOWNSHIP));

    var loggedInBefore = user(users.loadUserByUsername(username));
    mvc.perform(
            post("/admin/staff/" + username + "/enabled")
                .with(csrf())
                .with(admin)
                .param("enabled", "false"))
        .andExpect(flash().attribute("message", containsString("已停用")));
    mvc.perform(get("/api/cases").with(loggedInBefore)).andExpect(status().isUnauthorized());
    mvc.perform(get("/cases").with(loggedInBefore))
        .andExpect(redirectedUrl("http://localhost/login"));
    mvc.perform(formLogin("/login").user(username).password("start-1234"))
        .andExpect(redirectedUrl("/login?error"));
    // the list is paged (50): the administrator finds the person by user name
    mvc.perform(get("/admin/staff").param("q", username.toUpperCase()).with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(username)))
        .andExpect(content().string(containsString("已停用")))
        .andExpect(content().string(containsString("共 1 条")));
    mvc.perform(get("/admin/staff").param("q", "没有这个人").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(username))));
  }

  @Test
  void shouldRefuseARoleThatDoesNotFitTheRegionLevelAndNonAdmins() throws Exception {
    mvc.perform(
            post("/admin/staff")
                .with(csrf())
                .with(admin)
                .param("username", username)
                .param("displayName", "何新")
                .param("role", "COUNTY_APPROVER")
                .param("region", DemoRegion.TOWNSHIP)
                .param("password", "start-1234"))
        .andExpect(flash().attribute("error", containsString("县局审批人只能设在县（区）一级")));
    assertThat(jurisdiction.staff(username)).isEmpty();
    mvc.perform(
            post("/admin/staff/zhangwei/enabled")
                .with(csrf())
                .with(
                    SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("zhangwei")))
                .param("enabled", "false"))
        .andExpect(status().isForbidden());
    assertThat(jurisdiction.staff("zhangwei").orElseThrow().enabled()).isTrue();
  }
}
