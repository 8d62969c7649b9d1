package org.casework.support;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The schema owner's login (the one Flyway migrates with: {@code spring.flyway.url/user/password}),
 * for a test that must do what the app's login may not: drop and recreate the append-only triggers
 * to tamper with history as an attacker with the owner's rights would. One connection, so session
 * state holds; close it after use.
 */
public final class OwnerDatabase implements AutoCloseable {

  private final SingleConnectionDataSource dataSource;
  private final JdbcTemplate jdbc;

  public OwnerDatabase(Environment env) {
    this.dataSource =
        new SingleConnectionDataSource(
            env.getRequiredProperty("spring.flyway.url"),
            env.getRequiredProperty("spring.flyway.user"),
            env.getProperty("spring.flyway.password", ""),
            true);
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  /** Runs {@code work} with the audit log's append-only triggers removed, and puts them back. */
  public void withoutAuditTriggers(Runnable work) {
    jdbc.execute("DROP TRIGGER IF EXISTS trg_audit_entry_no_update");
    jdbc.execute("DROP TRIGGER IF EXISTS trg_audit_entry_no_delete");
    try {
      work.run();
    } finally {
      jdbc.execute(
          "CREATE TRIGGER trg_audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW"
              + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only'");
      jdbc.execute(
          "CREATE TRIGGER trg_audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW"
              + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only'");
    }
  }

  @Override
  public void close() {
    dataSource.destroy();
  }
}
