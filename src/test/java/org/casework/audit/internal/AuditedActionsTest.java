package org.casework.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.condolence.Condolence;
import org.casework.condolence.VisitTrigger;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.ledger.Disbursement;
import org.casework.ledger.DisbursementRequest;
import org.casework.ledger.Ledger;
import org.casework.ledger.Programme;
import org.casework.support.DemoRegion;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every kind of action issue 15 item 7 names lands in the audit log with who, what and the outcome:
 * logins, failed logins and logouts; staff, role and region changes; ledger reversals and
 * corrections; amount, calendar and policy changes; Excel and PDF exports; reconciliation imports.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(DemoRegion.class)
class AuditedActionsTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired UserDetailsService users;
  @Autowired Ledger ledger;
  @Autowired Condolence condolence;
  @Autowired HardshipAssistance assistance;
  @Autowired AuditLog audit;
  @Autowired AuditedRequests requests;

  @Test
  void shouldAuditEveryKindOfActionTheIssueNames() throws Exception {
    region.ensure();
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    String officer = "aud" + suffix;
    String admin = "adm" + suffix;
    String auditor = "sj" + suffix;
    jurisdiction.addStaff(
        officer, "审计测", Role.COUNTY_APPROVER, new RegionCode(DemoRegion.COUNTY), "demo1234");
    jurisdiction.addStaff(admin, "管理测", Role.ADMIN, new RegionCode(DemoRegion.COUNTY), "demo1234");
    String securityAdmin = "aq" + suffix;
    jurisdiction.addStaff(
        securityAdmin, "安全测", Role.SECURITY_ADMIN, new RegionCode(DemoRegion.COUNTY), "demo1234");
    jurisdiction.addStaff(
        auditor, "审计员", Role.AUDITOR, new RegionCode(DemoRegion.COUNTY), "demo1234");
    Set<AuditKind> seen = EnumSet.noneOf(AuditKind.class);

    // logins, failed logins, logouts
    mvc.perform(formLogin("/login").user(officer).password("demo1234"))
        .andExpect(status().is3xxRedirection());
    seen.add(expect(AuditKind.LOGIN, officer, "成功", "地址"));
    mvc.perform(formLogin("/login").user(officer).password("wrong-password"))
        .andExpect(status().is3xxRedirection());
    expect(AuditKind.LOGIN_FAILED, officer, "拒绝", "BadCredentials");
    mvc.perform(formLogin("/login").user("nobody" + suffix).password("x"));
    seen.add(expect(AuditKind.LOGIN_FAILED, "nobody" + suffix, "拒绝", "无此账号"));
    mvc.perform(post("/logout").with(csrf()).with(as(officer)));
    seen.add(expect(AuditKind.LOGOUT, officer, "成功", ""));

    // staff, role and region changes (the password never lands in the log)
    String newcomer = "new" + suffix;
    mvc.perform(
            post("/admin/staff")
                .with(csrf())
                .with(as(admin))
                .param("username", newcomer)
                .param("displayName", "新同事")
                .param("role", "TOWNSHIP_CASEWORKER")
                .param("region", DemoRegion.TOWNSHIP)
                .param("password", "Secret-Pass-1"))
        .andExpect(status().is3xxRedirection());
    Map<String, Object> added = latest(AuditKind.STAFF_CHANGE, admin);
    assertThat((String) added.get("outcome")).startsWith("完成");
    assertThat((String) added.get("reason"))
        .contains("/admin/staff", newcomer, "TOWNSHIP_CASEWORKER", "password=***")
        .doesNotContain("Secret-Pass-1");
    // 三员分立: roles and regions are the security administrator's
    mvc.perform(
            post("/admin/staff/" + newcomer + "/assignment")
                .with(csrf())
                .with(as(securityAdmin))
                .param("role", "TOWNSHIP_CASEWORKER")
                .param("region", DemoRegion.OTHER_TOWNSHIP))
        .andExpect(status().is3xxRedirection());
    seen.add(
        expect(
            AuditKind.STAFF_CHANGE, securityAdmin, "完成", "/assignment", DemoRegion.OTHER_TOWNSHIP));
    // a change the page refuses (redirect with an error) is recorded as failed
    mvc.perform(
            post("/admin/staff/" + admin + "/enabled")
                .with(csrf())
                .with(as(admin))
                .param("enabled", "false"))
        .andExpect(status().is3xxRedirection());
    expect(AuditKind.STAFF_CHANGE, admin, "失败", "/enabled");

    // ledger reversal and correction
    Disbursement paid = ledger.disburse(payment());
    mvc.perform(
            post("/api/ledger/disbursements/" + paid.disbursementId() + "/reversal")
                .with(csrf())
                .with(as(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"收款账号错误\"}"))
        .andExpect(status().isCreated());
    seen.add(
        expect(
            AuditKind.LEDGER_REVERSAL, officer, "完成（HTTP 201）", paid.disbursementId(), "收款账号错误"));
    Disbursement wrong = ledger.disburse(payment());
    mvc.perform(
            post("/api/ledger/disbursements/" + wrong.disbursementId() + "/correction")
                .with(csrf())
                .with(as(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\":\"250.00\",\"reason\":\"金额录错\"}"))
        .andExpect(status().isCreated());
    seen.add(expect(AuditKind.LEDGER_CORRECTION, officer, "完成（HTTP 201）", "250.00", "金额录错"));

    // reconciliation import
    mvc.perform(
            multipart("/api/ledger/reconciliations")
                .file(
                    new MockMultipartFile(
                        "file",
                        "bank-" + suffix + ".csv",
                        "text/csv",
                        ("DB-unknown-" + suffix + ",100.00,PAID,2026-01-05\n")
                            .getBytes(StandardCharsets.UTF_8)))
                .with(csrf())
                .with(as(officer)))
        .andExpect(status().isCreated());
    seen.add(
        expect(
            AuditKind.RECONCILIATION_IMPORT, officer, "完成（HTTP 201）", "bank-" + suffix + ".csv"));

    // amount change: the township's amount set to what it already is (other tests use it)
    BigDecimal current =
        condolence.amountFor(DemoRegion.OTHER_TOWNSHIP, VisitTrigger.RETURN_HOME, null);
    mvc.perform(
            put("/api/condolence/amounts/" + DemoRegion.OTHER_TOWNSHIP + "/RETURN_HOME")
                .with(csrf())
                .with(as(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\":" + current.toPlainString() + "}"))
        .andExpect(status().isNoContent());
    seen.add(
        expect(
            AuditKind.AMOUNT_CHANGE,
            officer,
            "完成（HTTP 204）",
            "RETURN_HOME",
            current.toPlainString()));

    // calendar change: a holiday far in the future of a county no other test uses
    String day =
        java.time.LocalDate.of(2099, 1, 1)
            .plusDays(ThreadLocalRandom.current().nextInt(0, 20_000))
            .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY))
            .toString();
    mvc.perform(
            post("/api/calendar/days")
                .with(csrf())
                .with(as(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"regionCode\":\""
                        + DemoRegion.COUNTY
                        + "\",\"day\":\""
                        + day
                        + "\",\"kind\":\"HOLIDAY\","
                        + "\"name\":\"审计测试假日\"}"))
        .andExpect(status().is2xxSuccessful());
    seen.add(expect(AuditKind.CALENDAR_CHANGE, admin, "完成", day, "审计测试假日"));

    // policy change: no endpoint changes a policy today; the rule covers the first one that will
    MockHttpServletRequest policy = new MockHttpServletRequest("PUT", "/api/sla/policies/BF");
    assertThat(requests.match(policy).kind()).isEqualTo("POLICY_CHANGE");
    seen.add(AuditKind.POLICY_CHANGE);

    // Excel and PDF exports
    mvc.perform(get("/api/ledger/totals.xlsx").with(as(officer))).andExpect(status().isOk());
    seen.add(expect(AuditKind.EXPORT, officer, "完成（HTTP 200）", "totals.xlsx"));
    String number =
        assistance
            .apply(
                new ApplyForAssistance(
                    TestPeople.veteran("导出测", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                    HardshipCause.ILLNESS,
                    "长期患病",
                    new BigDecimal("600.00"),
                    new BigDecimal("500.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    mvc.perform(get("/audit/cases/" + number + "/history.pdf").with(as(auditor)))
        .andExpect(status().isOk());
    List<Map<String, Object>> pdf =
        jdbc.queryForList(
            "SELECT action FROM audit_entry WHERE kind = 'EXPORT' AND actor = ?", auditor);
    assertThat(pdf).as("one entry per PDF export, not two").hasSize(1);
    assertThat(pdf.getFirst().get("action")).isEqualTo("导出办理经过（PDF）");
    assertThat(requests.match(new MockHttpServletRequest("GET", "/api/petitions/X/notices/a.pdf")))
        .extracting(AuditedRequests.Rule::kind)
        .isEqualTo("EXPORT");

    assertThat(seen)
        .containsExactlyInAnyOrder(
            AuditKind.LOGIN,
            AuditKind.LOGIN_FAILED,
            AuditKind.LOGOUT,
            AuditKind.STAFF_CHANGE,
            AuditKind.LEDGER_REVERSAL,
            AuditKind.LEDGER_CORRECTION,
            AuditKind.RECONCILIATION_IMPORT,
            AuditKind.AMOUNT_CHANGE,
            AuditKind.CALENDAR_CHANGE,
            AuditKind.POLICY_CHANGE,
            AuditKind.EXPORT);
    assertThat(audit.verify().intact()).isTrue();
  }

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  private Map<String, Object> latest(AuditKind kind, String actor) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT * FROM audit_entry WHERE kind = ? AND actor = ? ORDER BY id DESC LIMIT 1",
            kind.name(),
            actor);
    assertThat(rows).as("an entry %s by %s", kind, actor).hasSize(1);
    return rows.getFirst();
  }

  private AuditKind expect(AuditKind kind, String actor, String outcome, String... inReason) {
    Map<String, Object> row = latest(kind, actor);
    assertThat((String) row.get("outcome")).as("%s outcome", kind).startsWith(outcome);
    assertThat(row.get("reason") == null ? "" : (String) row.get("reason"))
        .as("%s reason", kind)
        .contains(inReason);
    return kind;
  }

  private static DisbursementRequest payment() {
    long n = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    return new DisbursementRequest(
        "BF-350502-2026-" + n,
        42L,
        Programme.HARDSHIP,
        "HARDSHIP_GRANT",
        "2026",
        new BigDecimal("300.00"),
        DemoRegion.TOWNSHIP);
  }
}
