package org.casework.audit.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import org.casework.audit.AuditKind;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Benchmark (not a test): fills a scratch database with N keyed audit entries (default 1 000 000,
 * 100 000 cases) and times {@link ChainVerifier} over them while sampling the heap. Run it with a
 * small heap to show verification needs constant memory:
 *
 * <pre>
 * mvn -q -Dnpm.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx128m -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   org.casework.audit.internal.AuditVerifyBench 2000000
 * </pre>
 *
 * Uses root on 127.0.0.1 and the database casework_bench_audit (dropped and created).
 */
public final class AuditVerifyBench {

  private static final String DB = "casework_bench_audit";
  private static final String URL =
      "jdbc:mysql://127.0.0.1:3306/"
          + DB
          + "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&serverTimezone=UTC"
          + "&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    boolean reuse = args.length > 1 && args[1].equals("reuse");
    StandardEnvironment env = new StandardEnvironment();
    env.setActiveProfiles("test");
    AuditKeys keys = new AuditKeys("", "", "", env);
    if (!reuse) {
      fill(n, keys);
    }
    try (SingleConnectionDataSource ds = new SingleConnectionDataSource(URL, "root", "", true)) {
      JdbcTemplate jdbc = new JdbcTemplate(ds);
      long rows = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long baseline = rt.totalMemory() - rt.freeMemory();
      AtomicLong peak = new AtomicLong();
      Thread sampler =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                      peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                      try {
                        Thread.sleep(50);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
      long t0 = System.nanoTime();
      ChainVerifier.Outcome o = new ChainVerifier(jdbc, keys).verify();
      double secs = (System.nanoTime() - t0) / 1e9;
      sampler.interrupt();
      System.out.printf(
          "audit verification: %,d entries, intact=%s (%s), %.1f s, %,.0f entries/s%n",
          rows, o.intact(), o.problem() == null ? "-" : o.problem(), secs, rows / secs);
      System.out.printf(
          "heap: max %d MB (-Xmx), used before %d MB, peak used during %d MB%n",
          rt.maxMemory() >> 20, baseline >> 20, peak.get() >> 20);
      System.out.printf(
          "extrapolated to 10,000,000 entries: %.0f s (%.1f min) at the same rate; memory does"
              + " not grow with the count (pages of %d rows)%n",
          10_000_000 / (rows / secs), 10_000_000 / (rows / secs) / 60, ChainVerifier.PAGE);
    }
  }

  private static void fill(long n, AuditKeys keys) throws Exception {
    try (Connection root =
        DriverManager.getConnection(
            "jdbc:mysql://127.0.0.1:3306/?serverTimezone=UTC&useSSL=false", "root", "")) {
      try (Statement s = root.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DB);
        s.execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
    }
    try (Connection c = DriverManager.getConnection(URL, "root", "")) {
      try (Statement s = c.createStatement()) {
        // as V41 + V150 create it
        s.execute(
            "CREATE TABLE audit_entry (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, source_key"
                + " VARCHAR(160) NOT NULL, kind VARCHAR(32) NOT NULL, case_number VARCHAR(32)"
                + " NULL, region_code VARCHAR(12) NULL, at TIMESTAMP(6) NOT NULL, actor"
                + " VARCHAR(64) NULL, actor_role VARCHAR(32) NULL, action VARCHAR(200) NOT NULL,"
                + " outcome VARCHAR(200) NULL, reason VARCHAR(2000) NULL, recorded_at"
                + " TIMESTAMP(6) NOT NULL, case_prev_hash VARCHAR(64) NULL, prev_hash VARCHAR(64)"
                + " NOT NULL, hash VARCHAR(64) NOT NULL, key_id VARCHAR(32) NULL, CONSTRAINT"
                + " uq_audit_source UNIQUE (source_key)) ENGINE = InnoDB DEFAULT CHARSET ="
                + " utf8mb4 COLLATE = utf8mb4_unicode_ci");
        s.execute("CREATE INDEX ix_audit_case ON audit_entry (case_number, id)");
      }
      c.setAutoCommit(false);
      String keyId = keys.currentId();
      Mac mac = keys.mac(keyId);
      Map<String, String> lastOfCase = new HashMap<>();
      String prev = AuditHasher.GENESIS;
      Instant start = Instant.parse("2026-01-01T00:00:00Z");
      long t0 = System.nanoTime();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO audit_entry (id, source_key, kind, case_number, region_code, at, actor,"
                  + " actor_role, action, outcome, reason, recorded_at, case_prev_hash,"
                  + " prev_hash, hash, key_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        for (long i = 1; i <= n; i++) {
          String caseNumber = String.format("BF-350502-2026-%06d", i % 100_000);
          Instant at = start.plusSeconds(i).truncatedTo(ChronoUnit.SECONDS);
          AuditRecord r =
              new AuditRecord(
                  "history:" + i,
                  AuditKind.CASE_HISTORY,
                  caseNumber,
                  "350502001",
                  at,
                  "zhangwei",
                  "TOWNSHIP_CASEWORKER",
                  "进入环节：乡镇审核",
                  "待办理",
                  "申请金额 ¥600.00，长期患病，家庭人均收入低于当地最低生活保障标准");
          String casePrev = lastOfCase.get(caseNumber);
          String hash = AuditHasher.keyed(mac, keyId, prev, casePrev, r, at);
          ps.setLong(1, i);
          ps.setString(2, r.sourceKey());
          ps.setString(3, r.kind().name());
          ps.setString(4, caseNumber);
          ps.setString(5, r.regionCode());
          ps.setTimestamp(6, Timestamp.from(at));
          ps.setString(7, r.actor());
          ps.setString(8, r.actorRole());
          ps.setString(9, r.action());
          ps.setString(10, r.outcome());
          ps.setString(11, r.reason());
          ps.setTimestamp(12, Timestamp.from(at));
          ps.setString(13, casePrev);
          ps.setString(14, prev);
          ps.setString(15, hash);
          ps.setString(16, keyId);
          ps.addBatch();
          lastOfCase.put(caseNumber, hash);
          prev = hash;
          if (i % 5000 == 0 || i == n) {
            ps.executeBatch();
            c.commit();
          }
          if (i % 500_000 == 0) {
            System.out.printf("filled %,d entries (%.0f s)%n", i, (System.nanoTime() - t0) / 1e9);
          }
        }
      }
      System.out.printf("filled %,d entries in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
    }
  }
}
