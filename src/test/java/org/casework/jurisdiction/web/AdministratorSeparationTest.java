package org.casework.jurisdiction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 三员分立 on the staff page, as each administrator would try it: the refusals are shown in Chinese,
 * nothing changes in the staff directory, and each attempt is in the audit log as a failed staff
 * change with the refusal; the audit administrator reads them on 管理员操作记录.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class AdministratorSeparationTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;

  String sfx;
  String admin;
  String securityAdmin;
  String auditAdmin;
  String clerk;
  String auditor;

  @BeforeEach
  void setUp() {
    region.ensure();
    sfx = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    RegionCode county = new RegionCode(DemoRegion.COUNTY);
    admin = add("xt", Role.ADMIN, county);
    securityAdmin = add("aq", Role.SECURITY_ADMIN, county);
    auditAdmin = add("sg", Role.AUDIT_ADMIN, county);
    clerk = add("yw", Role.COUNTY_CASEWORKER, county);
    auditor = add("sj", Role.AUDITOR, county);
  }

  private String add(String prefix, Role role, RegionCode region) {
    String username = prefix + sfx;
    jurisdiction.addStaff(username, "三员" + role.label(), role, region, "demo1234");
    return username;
  }

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void shouldRefuseEveryoneChangingTheirOwnRoleRegionOrStatus() throws Exception {
    mvc.perform(
            post("/admin/staff/" + securityAdmin + "/assignment")
                .with(csrf())
                .with(as(securityAdmin))
                .param("role", "ADMIN")
                .param("region", DemoRegion.COUNTY))
        .andExpect(flash().attribute("error", containsString("不能调整自己的岗位或地区")));
    assertThat(role(securityAdmin)).isEqualTo(Role.SECURITY_ADMIN);
    refusalAudited(securityAdmin, "/assignment", "不能调整自己的岗位或地区");

    // a region change of one's own account is a self-grant too
    mvc.perform(
            post("/admin/staff/" + securityAdmin + "/assignment")
                .with(csrf())
                .with(as(securityAdmin))
                .param("role", "SECURITY_ADMIN")
                .param("region", DemoRegion.TOWNSHIP))
        .andExpect(flash().attribute("error", containsString("不能调整自己的岗位或地区")));
    assertThat(jurisdiction.staff(securityAdmin).orElseThrow().region())
        .isEqualTo(new RegionCode(DemoRegion.COUNTY));

    mvc.perform(
            post("/admin/staff/" + auditAdmin + "/enabled")
                .with(csrf())
                .with(as(auditAdmin))
                .param("enabled", "false"))
        .andExpect(flash().attribute("error", containsString("不能停用自己的账号")));
    assertThat(jurisdiction.staff(auditAdmin).orElseThrow().enabled()).isTrue();
    refusalAudited(auditAdmin, "/enabled", "不能停用自己的账号");
  }

  @Test
  void shouldRefuseTheSystemAdministratorCreatingAnAuditorOrGrantingRoles() throws Exception {
    String wouldBe = "nsj" + sfx;
    mvc.perform(
            post("/admin/staff")
                .with(csrf())
                .with(as(admin))
                .param("username", wouldBe)
                .param("displayName", "想当审计")
                .param("role", "AUDITOR")
                .param("region", DemoRegion.COUNTY)
                .param("password", "start-1234"))
        .andExpect(flash().attribute("error", containsString("系统管理员无权创建审计/纪检账号（应由审计管理员办理，三员分立）")));
    assertThat(jurisdiction.staff(wouldBe)).isEmpty();
    refusalAudited(admin, "POST /admin/staff", "系统管理员无权创建审计/纪检账号");

    for (String privileged : List.of("ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN")) {
      mvc.perform(
              post("/admin/staff")
                  .with(csrf())
                  .with(as(admin))
                  .param("username", wouldBe)
                  .param("displayName", "想当管理员")
                  .param("role", privileged)
                  .param("region", DemoRegion.COUNTY)
                  .param("password", "start-1234"))
          .andExpect(flash().attribute("error", containsString("系统管理员无权创建")));
      assertThat(jurisdiction.staff(wouldBe)).isEmpty();
    }

    // no role or region is granted by the system administrator any more
    mvc.perform(
            post("/admin/staff/" + clerk + "/assignment")
                .with(csrf())
                .with(as(admin))
                .param("role", "COUNTY_APPROVER")
                .param("region", DemoRegion.COUNTY))
        .andExpect(flash().attribute("error", containsString("系统管理员无权调整县级经办人的岗位或地区")));
    assertThat(role(clerk)).isEqualTo(Role.COUNTY_CASEWORKER);
    refusalAudited(admin, "/assignment", "系统管理员无权调整");

    // nor does the system administrator touch an auditor's or the security administrator's account
    for (String other : List.of(auditor, securityAdmin, auditAdmin)) {
      mvc.perform(
              post("/admin/staff/" + other + "/enabled")
                  .with(csrf())
                  .with(as(admin))
                  .param("enabled", "false"))
          .andExpect(flash().attribute("error", containsString("系统管理员无权停用")));
      assertThat(jurisdiction.staff(other).orElseThrow().enabled()).isTrue();
    }

    // what stays: a business account, created and disabled
    String newcomer = "nyw" + sfx;
    mvc.perform(
            post("/admin/staff")
                .with(csrf())
                .with(as(admin))
                .param("username", newcomer)
                .param("displayName", "新经办")
                .param("role", "TOWNSHIP_CASEWORKER")
                .param("region", DemoRegion.TOWNSHIP)
                .param("password", "start-1234"))
        .andExpect(flash().attribute("message", containsString("已添加")));
    mvc.perform(
            post("/admin/staff/" + newcomer + "/enabled")
                .with(csrf())
                .with(as(admin))
                .param("enabled", "false"))
        .andExpect(flash().attribute("message", containsString("已停用")));
    assertThat(jurisdiction.staff(newcomer).orElseThrow().enabled()).isFalse();
  }

  @Test
  void shouldRefuseTheSecurityAdministratorGrantingTheAuditorRole() throws Exception {
    mvc.perform(
            post("/admin/staff/" + clerk + "/assignment")
                .with(csrf())
                .with(as(securityAdmin))
                .param("role", "AUDITOR")
                .param("region", DemoRegion.COUNTY))
        .andExpect(flash().attribute("error", containsString("安全管理员无权授予审计/纪检岗位（应由审计管理员办理，三员分立）")));
    assertThat(role(clerk)).isEqualTo(Role.COUNTY_CASEWORKER);
    refusalAudited(securityAdmin, "/assignment", "安全管理员无权授予审计/纪检岗位");

    // nor take an auditor out of the audit side, nor create accounts
    mvc.perform(
            post("/admin/staff/" + auditor + "/assignment")
                .with(csrf())
                .with(as(securityAdmin))
                .param("role", "COUNTY_CASEWORKER")
                .param("region", DemoRegion.COUNTY))
        .andExpect(flash().attribute("error", containsString("安全管理员无权调整审计/纪检的岗位或地区")));
    assertThat(role(auditor)).isEqualTo(Role.AUDITOR);

    // what the security administrator does: roles and regions of the others
    mvc.perform(
            post("/admin/staff/" + clerk + "/assignment")
                .with(csrf())
                .with(as(securityAdmin))
                .param("role", "COUNTY_APPROVER")
                .param("region", DemoRegion.COUNTY))
        .andExpect(flash().attribute("message", containsString("已调整")));
    assertThat(role(clerk)).isEqualTo(Role.COUNTY_APPROVER);
    mvc.perform(get("/admin/staff").with(as(securityAdmin)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"add-staff\""))))
        .andExpect(content().string(not(containsString(auditor))))
        .andExpect(content().string(not(containsString("value=\"AUDITOR\""))));
  }

  @Test
  void shouldLetTheAuditAdministratorCreateAnAuditorAndReadTheAdministratorsTrail()
      throws Exception {
    String newAuditor = "nsj" + sfx;
    mvc.perform(
            post("/admin/staff")
                .with(csrf())
                .with(as(auditAdmin))
                .param("username", newAuditor)
                .param("displayName", "新审计")
                .param("role", "AUDITOR")
                .param("region", DemoRegion.COUNTY)
                .param("password", "start-1234"))
        .andExpect(flash().attribute("message", containsString("已添加")));
    assertThat(role(newAuditor)).isEqualTo(Role.AUDITOR);
    Map<String, Object> entry = latestStaffChange(auditAdmin);
    assertThat((String) entry.get("outcome")).startsWith("完成");
    assertThat((String) entry.get("reason")).contains(newAuditor, "AUDITOR");

    // and grants the audit roles on the audit side: the new auditor moves to another region and
    // the existing auditor becomes a second audit administrator
    mvc.perform(
            post("/admin/staff/" + newAuditor + "/assignment")
                .with(csrf())
                .with(as(auditAdmin))
                .param("role", "AUDITOR")
                .param("region", DemoRegion.TOWNSHIP))
        .andExpect(flash().attribute("message", containsString("已调整")));
    assertThat(jurisdiction.staff(newAuditor).orElseThrow().region())
        .isEqualTo(new RegionCode(DemoRegion.TOWNSHIP));
    mvc.perform(
            post("/admin/staff/" + auditor + "/assignment")
                .with(csrf())
                .with(as(auditAdmin))
                .param("role", "AUDIT_ADMIN")
                .param("region", DemoRegion.COUNTY))
        .andExpect(flash().attribute("message", containsString("已调整")));
    assertThat(role(auditor)).isEqualTo(Role.AUDIT_ADMIN);
    assertThat((String) latestStaffChange(auditAdmin).get("outcome")).startsWith("完成");

    // but no business account
    mvc.perform(
            post("/admin/staff")
                .with(csrf())
                .with(as(auditAdmin))
                .param("username", "nyw" + sfx)
                .param("displayName", "不行")
                .param("role", "COUNTY_CASEWORKER")
                .param("region", DemoRegion.COUNTY)
                .param("password", "start-1234"))
        .andExpect(flash().attribute("error", containsString("审计管理员无权创建县级经办人账号")));

    // the page offers only the auditor's role and only audit-side accounts
    // the township's accounts first (the newest auditor was moved there), a long page
    mvc.perform(get("/admin/staff?sort=region&dir=desc&size=100").with(as(auditAdmin)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"AUDITOR\"")))
        .andExpect(content().string(not(containsString("value=\"TOWNSHIP_CASEWORKER\""))))
        .andExpect(content().string(not(containsString(clerk))))
        .andExpect(content().string(containsString(newAuditor)));
    mvc.perform(get("/admin/staff").with(as(admin)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"TOWNSHIP_CASEWORKER\"")))
        .andExpect(content().string(not(containsString("value=\"AUDITOR\""))))
        .andExpect(content().string(not(containsString("value=\"SECURITY_ADMIN\""))));

    // a refused attempt of the system administrator, read on 管理员操作记录
    mvc.perform(
        post("/admin/staff/" + newAuditor + "/enabled")
            .with(csrf())
            .with(as(admin))
            .param("enabled", "false"));
    assertThat(jurisdiction.staff(newAuditor).orElseThrow().enabled()).isTrue();
    mvc.perform(get("/audit/administrators").with(as(auditAdmin)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(admin)))
        .andExpect(content().string(containsString("系统管理员无权停用审计/纪检账号")))
        .andExpect(content().string(containsString("审计管理员")));
    mvc.perform(get("/audit").with(as(auditAdmin))).andExpect(status().isForbidden());
    // administrators land on their home page (staff per role, engine health), not on the case
    // lookup they may not read
    mvc.perform(formLogin("/login").user(auditAdmin).password("demo1234"))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").with(as(securityAdmin)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("安全管理员")))
        .andExpect(content().string(containsString("/admin/staff")));
    mvc.perform(get("/cases").with(as(auditAdmin))).andExpect(status().isForbidden());
  }

  @Test
  void shouldLetTheSystemAdministratorResetABusinessPasswordEndingTheSessionsButNotAnAuditors()
      throws Exception {
    MvcResult login = mvc.perform(formLogin("/login").user(clerk).password("demo1234")).andReturn();
    assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
    MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
    assertThat(mvc.perform(get("/cases").session(session)).andReturn().getResponse().getStatus())
        .isEqualTo(200);

    mvc.perform(
            post("/admin/staff/" + clerk + "/password")
                .with(csrf())
                .with(as(admin))
                .param("password", "new-pass-5678"))
        .andExpect(flash().attribute("message", containsString("已重置")));
    assertThat(
            mvc.perform(get("/cases").session(session))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/login?expired");
    mvc.perform(formLogin("/login").user(clerk).password("demo1234"))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(formLogin("/login").user(clerk).password("new-pass-5678"))
        .andExpect(redirectedUrl("/"));
    Map<String, Object> done = latestStaffChange(admin);
    assertThat((String) done.get("outcome")).startsWith("完成");
    assertThat((String) done.get("reason")).contains("/password").doesNotContain("new-pass-5678");

    // an auditor's password is the audit administrator's to reset
    mvc.perform(
            post("/admin/staff/" + auditor + "/password")
                .with(csrf())
                .with(as(admin))
                .param("password", "taken-over-1"))
        .andExpect(flash().attribute("error", containsString("系统管理员无权重置审计/纪检的密码")));
    mvc.perform(formLogin("/login").user(auditor).password("taken-over-1"))
        .andExpect(redirectedUrl("/login?error"));
    refusalAudited(admin, "/password", "系统管理员无权重置审计/纪检的密码");
    mvc.perform(
            post("/admin/staff/" + auditor + "/password")
                .with(csrf())
                .with(as(auditAdmin))
                .param("password", "audit-reset-1"))
        .andExpect(flash().attribute("message", containsString("已重置")));
  }

  private Role role(String username) {
    return jurisdiction.staff(username).map(StaffMember::role).orElseThrow();
  }

  private Map<String, Object> latestStaffChange(String actor) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT * FROM audit_entry WHERE kind = 'STAFF_CHANGE' AND actor = ?"
                + " ORDER BY id DESC LIMIT 1",
            actor);
    assertThat(rows).as("a staff-change entry by %s", actor).hasSize(1);
    return rows.getFirst();
  }

  private void refusalAudited(String actor, String path, String message) {
    Map<String, Object> entry = latestStaffChange(actor);
    assertThat((String) entry.get("outcome")).startsWith("失败").contains(message);
    assertThat((String) entry.get("reason")).contains(path);
  }
}
