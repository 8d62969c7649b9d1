package org.casework.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.audit.AuditLog;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A history line that appeared without its audit entry (written straight into the table) is not
 * sealed into the log at start-up as if it had been recorded: it is reported once as a gap, and
 * auditors see it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class HistoryGapTest {

  @Autowired HistoryGaps gaps;
  @Autowired AuditLog audit;
  @Autowired HardshipAssistance assistance;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  @BeforeEach
  void setUp() {
    region.ensure();
  }

  @Test
  void shouldReportAHistoryLineWithoutItsAuditEntryAsAGapAndNotSealIt() throws Exception {
    jurisdiction.addStaff(
        "qiangap", "钱缺口", Role.AUDITOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    String number =
        assistance
            .apply(
                new ApplyForAssistance(
                    TestPeople.veteran("许𠮷海", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                    HardshipCause.ILLNESS,
                    "长期患病",
                    new BigDecimal("650.00"),
                    new BigDecimal("500.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    long caseId =
        jdbc.queryForObject(
            "SELECT id FROM casefile_case WHERE case_number = ?", Long.class, number);
    // a line written straight into the table, around the app and its audit log
    jdbc.update(
        "INSERT INTO casefile_history (case_id, at, actor, actor_role, action, outcome, reason)"
            + " VALUES (?, ?, 'wangfang', 'TOWNSHIP_CASEWORKER', '批准', '同意', '直接写入')",
        caseId,
        Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    long historyId =
        jdbc.queryForObject(
            "SELECT MAX(id) FROM casefile_history WHERE case_id = ?", Long.class, caseId);
    // let the live events of this case land first, so the line is the only one missing
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL",
                    Long.class),
            n -> n == 0);

    assertThat(gaps.reportMissing()).isPositive();
    assertThat(gaps.reportMissing()).as("reported once").isZero();

    assertThat(count("history:" + historyId)).as("not sealed as a history entry").isZero();
    assertThat(count("gap:history:" + historyId)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT kind FROM audit_entry WHERE source_key = ?",
                String.class,
                "gap:history:" + historyId))
        .isEqualTo("HISTORY_GAP");
    assertThat(audit.verify().intact()).isTrue();
    mvc.perform(get("/audit").with(user(users.loadUserByUsername("qiangap"))))
        .andExpect(content().string(containsString("审计缺口")))
        .andExpect(content().string(containsString("办理记录缺少审计记录：批准")))
        .andExpect(content().string(containsString(number)));
  }

  private long count(String sourceKey) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_entry WHERE source_key = ?", Long.class, sourceKey);
  }
}
