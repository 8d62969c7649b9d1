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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.audit.AuditCheckpoint;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.ChainVerification;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.OwnerDatabase;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
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
 * An attacker with the schema owner's database rights but without the key: drops the append-only
 * triggers, rewrites an entry, recomputes every hash after it with SQL (SHA-256 over the canonical
 * form, exactly what the unkeyed chain of V41 accepted) and moves the head. Verification reports
 * the rewritten entry (its HMAC does not match) and the mismatch with the last checkpoint kept
 * outside the database, and the supervisors' and auditors' pages show a red banner. The rows are
 * put back afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class AuditChainRewriteTest {

  /** One field of the canonical form, in SQL: {@code <UTF-16 length>:<value>\n}, null as -. */
  private static String field(String column) {
    return "IF("
        + column
        + " IS NULL, '-', CONCAT(LENGTH(CONVERT("
        + column
        + " USING utf16)) DIV 2, ':', "
        + column
        + ")), '\\n'";
  }

  private static final String RECOMPUTE =
      "UPDATE audit_entry SET prev_hash = ?, case_prev_hash = ?, hash = SHA2(CONCAT("
          + String.join(
              ", ",
              field("?"),
              field("?"),
              field("source_key"),
              field("kind"),
              field("case_number"),
              field("region_code"),
              field("CAST(UNIX_TIMESTAMP(at) AS CHAR)"),
              field("actor"),
              field("actor_role"),
              field("action"),
              field("outcome"),
              field("reason"),
              field("CAST(UNIX_TIMESTAMP(recorded_at) AS CHAR)"))
          + "), 256) WHERE id = ?";

  @Autowired AuditLog audit;
  @Autowired HardshipAssistance assistance;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserTasks tasks;
  @Autowired Environment env;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  @Test
  void shouldDetectRowsRewrittenWithEveryHashRecomputedByOneWithoutTheKey() throws Exception {
    region.ensure();
    jurisdiction.addStaff(
        "shenjiyi", "沈纪一", Role.AUDITOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    jurisdiction.addStaff(
        "dubanyi", "督办一", Role.SUPERVISOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    String number =
        assistance
            .apply(
                new ApplyForAssistance(
                    TestPeople.veteran("郑𠮷明", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
                    HardshipCause.ILLNESS,
                    "长期患病",
                    new BigDecimal("700.00"),
                    new BigDecimal("500.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    tasks.idle();
    long target =
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
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT COUNT(*) FROM audit_entry WHERE id > ?", Long.class, target),
            n -> n > 0);
    assertThat(audit.verify().intact()).as("before the attack").isTrue();
    AuditCheckpoint checkpoint = audit.writeCheckpoint();
    assertThat(checkpoint.sequence()).isGreaterThan(target);
    assertThat(checkpoint.signatureValid()).isTrue();

    List<Map<String, Object>> saved =
        jdbc.queryForList(
            "SELECT id, reason, prev_hash, case_prev_hash, hash FROM audit_entry WHERE id >= ?"
                + " ORDER BY id",
            target);
    Map<String, Object> head = jdbc.queryForMap("SELECT * FROM audit_chain_head WHERE id = 1");
    try (OwnerDatabase owner = new OwnerDatabase(env)) {
      owner.withoutAuditTriggers(
          () -> {
            try {
              rewriteAndRecompute(owner.jdbc(), target);
              attackDetected(target, number, checkpoint);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            } finally {
              restore(owner.jdbc(), saved, head);
            }
          });
    }
    ChainVerification after = audit.verify();
    assertThat(after.intact()).as("after putting the rows back: %s", after).isTrue();
    assertThat(after.checkpoint()).contains("一致");
  }

  private void attackDetected(long target, String number, AuditCheckpoint checkpoint)
      throws Exception {
    // the attacker's hashes are exactly what the unkeyed chain computes
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_entry WHERE id = ?", target);
    assertThat(row.get("hash")).isEqualTo(plainHash(row));

    ChainVerification v = audit.verify();

    assertThat(v.intact()).isFalse();
    assertThat(v.brokenEntryId()).isEqualTo(target);
    assertThat(v.brokenCaseNumber()).isEqualTo(number);
    assertThat(v.problem()).contains("密钥签名（HMAC）不符");
    assertThat(v.checkpoint()).contains("与检查点不符").contains("第 " + checkpoint.sequence() + " 条");
    assertThat(audit.lastVerification()).contains(v);
    mvc.perform(get("/audit").with(user(users.loadUserByUsername("shenjiyi"))))
        .andExpect(content().string(containsString("id=\"audit-alarm\"")))
        .andExpect(content().string(containsString("审计日志校验未通过")));
    mvc.perform(get("/sla/cockpit").with(user(users.loadUserByUsername("dubanyi"))))
        .andExpect(content().string(containsString("id=\"audit-alarm\"")));
  }

  /** The attack, with SQL only: the key is not in the database. */
  private static void rewriteAndRecompute(JdbcTemplate sql, long target) {
    sql.execute("START TRANSACTION");
    sql.queryForMap("SELECT * FROM audit_chain_head WHERE id = 1 FOR UPDATE");
    sql.update("UPDATE audit_entry SET reason = '申请金额 ¥60,000.00（改）' WHERE id = ?", target);
    String previous =
        sql.queryForObject("SELECT prev_hash FROM audit_entry WHERE id = ?", String.class, target);
    List<Map<String, Object>> rows =
        sql.queryForList(
            "SELECT id, case_number FROM audit_entry WHERE id >= ? ORDER BY id", target);
    long last = target;
    for (Map<String, Object> r : rows) {
      long id = ((Number) r.get("id")).longValue();
      String caseNumber = (String) r.get("case_number");
      String casePrev =
          caseNumber == null
              ? null
              : sql
                  .queryForList(
                      "SELECT hash FROM audit_entry WHERE case_number = ? AND id < ? ORDER BY id"
                          + " DESC LIMIT 1",
                      String.class,
                      caseNumber,
                      id)
                  .stream()
                  .findFirst()
                  .orElse(null);
      // SET prev_hash, case_prev_hash; then each field(?) names its value three times
      sql.update(
          RECOMPUTE, previous, casePrev, previous, previous, previous, casePrev, casePrev, casePrev,
          id);
      previous = sql.queryForObject("SELECT hash FROM audit_entry WHERE id = ?", String.class, id);
      last = id;
    }
    sql.update(
        "UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", last, previous);
    sql.execute("COMMIT");
  }

  private static void restore(
      JdbcTemplate sql, List<Map<String, Object>> saved, Map<String, Object> head) {
    sql.execute("START TRANSACTION");
    List<Object[]> args = new ArrayList<>();
    for (Map<String, Object> r : saved) {
      args.add(
          new Object[] {
            r.get("reason"), r.get("prev_hash"), r.get("case_prev_hash"), r.get("hash"), r.get("id")
          });
    }
    sql.batchUpdate(
        "UPDATE audit_entry SET reason = ?, prev_hash = ?, case_prev_hash = ?, hash = ? WHERE id"
            + " = ?",
        args);
    sql.update(
        "UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1",
        head.get("last_id"),
        head.get("last_hash"));
    sql.execute("COMMIT");
  }

  private static String plainHash(Map<String, Object> row) {
    AuditRecord r =
        new AuditRecord(
            (String) row.get("source_key"),
            AuditKind.valueOf((String) row.get("kind")),
            (String) row.get("case_number"),
            (String) row.get("region_code"),
            instant(row.get("at")),
            (String) row.get("actor"),
            (String) row.get("actor_role"),
            (String) row.get("action"),
            (String) row.get("outcome"),
            (String) row.get("reason"));
    return AuditHasher.sha256(
        (String) row.get("prev_hash"),
        (String) row.get("case_prev_hash"),
        r,
        instant(row.get("recorded_at")));
  }

  private static java.time.Instant instant(Object o) {
    return o instanceof Timestamp t
        ? t.toInstant()
        : o instanceof java.time.LocalDateTime l
            ? l.toInstant(java.time.ZoneOffset.UTC)
            : (java.time.Instant) o;
  }
}
