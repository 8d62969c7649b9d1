package org.casework.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.audit.AuditLog;
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
import org.springframework.test.context.ActiveProfiles;

/** History written without the audit module (an upgraded database) is appended at start-up. */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class AuditCatchUpTest {

  @Autowired AuditCatchUp catchUp;
  @Autowired AuditLog audit;
  @Autowired HardshipAssistance assistance;
  @Autowired DemoRegion region;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    region.ensure();
  }

  @Test
  void shouldAppendHistoryThatNeverWentThroughTheEventsAndKeepTheChainIntact() {
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
    // a line written straight into the table, as history from before the audit module was
    jdbc.update(
        "INSERT INTO casefile_history (case_id, at, actor, actor_role, action, outcome, reason)"
            + " VALUES (?, ?, 'wangfang', 'TOWNSHIP_CASEWORKER', '电话回访', '已联系', '旧系统导入')",
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
                    "SELECT COUNT(*) FROM audit_entry WHERE case_number = ?", Long.class, number),
            n -> n >= 1);

    assertThat(catchUp.appendMissing()).isPositive();

    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE source_key = ?",
                Long.class,
                "history:" + historyId))
        .isEqualTo(1);
    assertThat(audit.verify().intact()).isTrue();
  }
}
