package org.casework.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.ledger.Disbursement;
import org.casework.ledger.DisbursementRequest;
import org.casework.ledger.Ledger;
import org.casework.ledger.Programme;
import org.casework.support.OwnerDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The app's own database login (the datasource every bean uses) has data rights only: it cannot
 * change or remove a ledger line or an audit entry (the append-only triggers), cannot remove those
 * triggers, cannot TRUNCATE, cannot alter a table. Migrations ran as the separate owner login.
 */
@SpringBootTest
@ActiveProfiles("test")
class DatabasePrivilegeTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Ledger ledger;
  @Autowired AuditLog audit;
  @Autowired Environment env;

  @Test
  void shouldConnectAsTheAppLoginNotTheOwner() {
    String app = jdbc.queryForObject("SELECT CURRENT_USER()", String.class);
    assertThat(app).startsWith(env.getRequiredProperty("spring.datasource.username") + "@");
    assertThat(app).doesNotStartWith(env.getRequiredProperty("spring.flyway.user") + "@");
    assertThat(app).doesNotStartWith("root@");
    String grants = String.join("\n", jdbc.queryForList("SHOW GRANTS", String.class));
    assertThat(grants).contains("SELECT, INSERT, UPDATE, DELETE ON");
    assertThat(grants).doesNotContain("ALL PRIVILEGES", "DROP", "TRIGGER", "ALTER", "CREATE");
    // Flyway's history names the owner as the one who migrated
    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT installed_by FROM flyway_schema_history", String.class))
        .containsExactly(env.getRequiredProperty("spring.flyway.user"));
  }

  @Test
  void shouldRefuseTheAppLoginToRewriteOrRemoveALedgerLine() {
    Disbursement paid = ledger.disburse(request());
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "UPDATE ledger_disbursement SET amount = 1 WHERE disbursement_id = ?",
                    paid.disbursementId()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "DELETE FROM ledger_disbursement WHERE disbursement_id = ?",
                    paid.disbursementId()))
        .hasMessageContaining("append-only");
  }

  @Test
  void shouldRefuseTheAppLoginToRewriteOrRemoveAnAuditEntry() {
    audit.record(
        new PersonalDataViewed(
            java.time.Instant.now(), "privtest", "AUDITOR", null, "350502", "权限测试"));
    long id = newestAuditEntry();
    assertThatThrownBy(
            () -> jdbc.update("UPDATE audit_entry SET reason = 'changed' WHERE id = ?", id))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE id = ?", id))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry"))
        .hasMessageContaining("append-only");
  }

  @Test
  void shouldRefuseTheAppLoginToDropTheTriggersTruncateOrAlter() {
    for (String ddl :
        new String[] {
          "DROP TRIGGER trg_audit_entry_no_update",
          "DROP TRIGGER trg_ledger_disbursement_no_delete",
          "TRUNCATE TABLE audit_entry",
          "TRUNCATE TABLE ledger_disbursement",
          "DROP TABLE audit_entry",
          "ALTER TABLE audit_entry DROP COLUMN reason",
          "CREATE TRIGGER trg_x BEFORE INSERT ON audit_entry FOR EACH ROW SET NEW.reason = 'x'"
        }) {
      assertThatThrownBy(() -> jdbc.execute(ddl))
          .as(ddl)
          .isInstanceOf(DataAccessException.class)
          .rootCause()
          .hasMessageContaining("denied");
    }
    assertThat(
            jdbc.queryForList(
                "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema ="
                    + " DATABASE()",
                String.class))
        .contains(
            "trg_audit_entry_no_update",
            "trg_audit_entry_no_delete",
            "trg_ledger_disbursement_no_update",
            "trg_ledger_disbursement_no_delete");
  }

  @Test
  void shouldLetTheOwnerLoginDoWhatTheAppCannot() {
    try (OwnerDatabase owner = new OwnerDatabase(env)) {
      String who = owner.jdbc().queryForObject("SELECT CURRENT_USER()", String.class);
      assertThat(who).startsWith(env.getRequiredProperty("spring.flyway.user") + "@");
      owner.withoutAuditTriggers(() -> {});
    }
  }

  private long newestAuditEntry() {
    Long id = jdbc.queryForObject("SELECT MAX(id) FROM audit_entry", Long.class);
    assertThat(id).isNotNull();
    return id;
  }

  private static DisbursementRequest request() {
    long n = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    return new DisbursementRequest(
        "BF-350502-2026-" + n,
        42L,
        Programme.HARDSHIP,
        "HARDSHIP_GRANT",
        "2026",
        new BigDecimal("300.00"),
        "350502001");
  }
}
