package org.casework.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.OwnerDatabase;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hash chain on the real database: an edited or deleted row, changed behind the app's back in
 * MariaDB (as the schema owner, with the append-only triggers removed: the app's login cannot), is
 * found by "verify", which names the first broken entry. Each test puts the row back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class AuditChainTest {

  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;
  @Autowired HardshipAssistance assistance;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserTasks tasks;
  @Autowired Environment env;

  String number;
  long filedEntry;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff(
        "linfeng", "林峰", Role.AUDITOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    number =
        assistance
            .apply(
                new ApplyForAssistance(
                    TestPeople.veteran("吴𠮷平", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                    HardshipCause.ILLNESS,
                    "长期患病",
                    new BigDecimal("600.00"),
                    new BigDecimal("500.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    filedEntry =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    jdbc.queryForList(
                        "SELECT id FROM audit_entry WHERE case_number = ? AND action = '登记受理'",
                        Long.class,
                        number),
                ids -> ids.size() == 1)
            .getFirst();
    // the case's next entry (its first stage) follows, so a deleted "filed" row leaves a gap
    tasks.idle();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT COUNT(*) FROM audit_entry WHERE id > ?", Long.class, filedEntry),
            n -> n > 0);
  }

  private static org.hamcrest.Matcher<Object> intact() {
    return new org.hamcrest.CustomTypeSafeMatcher<>("an intact chain") {
      @Override
      protected boolean matchesSafely(Object item) {
        return item instanceof ChainVerification v && v.intact();
      }
    };
  }

  @Test
  void shouldFindTheEditedRowWhenAReasonIsChangedInTheDatabase() {
    assertIntact("before tampering");
    String original =
        jdbc.queryForObject(
            "SELECT reason FROM audit_entry WHERE id = ?", String.class, filedEntry);
    try (OwnerDatabase owner = new OwnerDatabase(env)) {
      owner.withoutAuditTriggers(
          () -> {
            try {
              owner
                  .jdbc()
                  .update(
                      "UPDATE audit_entry SET reason = '申请金额 ¥60,000.00' WHERE id = ?", filedEntry);

              ChainVerification result = audit.verify();

              assertThat(result.intact()).isFalse();
              assertThat(result.brokenEntryId()).isEqualTo(filedEntry);
              assertThat(result.brokenCaseNumber()).isEqualTo(number);
              assertThat(result.problem()).contains("被改动过");
            } finally {
              owner
                  .jdbc()
                  .update("UPDATE audit_entry SET reason = ? WHERE id = ?", original, filedEntry);
            }
          });
    }
    assertIntact("after putting the row back");
  }

  @Test
  void shouldFindTheGapWhenARowIsDeletedInTheDatabase() {
    assertIntact("before deleting");
    Map<String, Object> row =
        jdbc.queryForMap("SELECT * FROM audit_entry WHERE id = ?", filedEntry);
    Long next =
        jdbc.queryForObject("SELECT MIN(id) FROM audit_entry WHERE id > ?", Long.class, filedEntry);
    try (OwnerDatabase owner = new OwnerDatabase(env)) {
      owner.withoutAuditTriggers(
          () -> owner.jdbc().update("DELETE FROM audit_entry WHERE id = ?", filedEntry));
    }
    try {
      ChainVerification result = audit.verify();

      assertThat(result.intact()).isFalse();
      assertThat(result.brokenEntryId()).isEqualTo(next);
      assertThat(result.problem()).contains("前一条记录被删除");
    } finally {
      String columns = String.join(", ", row.keySet());
      String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
      jdbc.update(
          "INSERT INTO audit_entry (" + columns + ") VALUES (" + marks + ")",
          row.values().toArray());
    }
    assertIntact("after putting the row back");
  }

  private void assertIntact(String when) {
    ChainVerification v = audit.verify();
    assertThat(v.intact()).as("chain %s: %s", when, v).isTrue();
  }

  @Test
  void shouldShowTheAuditorTheTimelineAndTheVerifyResultInChinese() throws Exception {
    var auditor = user(users.loadUserByUsername("linfeng"));
    mvc.perform(get("/audit/cases/" + number).with(auditor))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("案件审计时间线")))
        .andExpect(content().string(containsString("登记受理")))
        .andExpect(content().string(containsString("zhangwei")));
    mvc.perform(post("/audit/verify").with(csrf()).with(auditor))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("verification", intact()));
    mvc.perform(get("/audit").param("officer", "zhangwei").with(auditor))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(number)));
    mvc.perform(get("/audit/cases/" + number).with(user(users.loadUserByUsername("zhangwei"))))
        .andExpect(status().isForbidden())
        .andExpect(forwardedUrl("/denied"));
  }
}
