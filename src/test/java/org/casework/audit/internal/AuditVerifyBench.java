package org.casework.audit.internal;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import org.casework.audit.AuditKind;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Benchmark (not a test): fills a scratch database with N keyed audit entries (default 1 000 000,
 * 100 000 cases) and times {@link ChainVerifier} over them while sampling the heap and the
 * process's resident set (printed every 30 s, peaks at the end). Run it with a small heap to show
 * verification needs constant memory:
 *
 * <pre>
 * mvn -q -Dnpm.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * nice -n 19 java -Xmx64m -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   org.casework.audit.internal.AuditVerifyBench 10000000
 * </pre>
 *
 * The fill computes the chain (HMAC per entry, the last hash of each case kept in an array) and
 * writes chunks of 500 000 rows to a temporary TSV file that {@code LOAD DATA LOCAL INFILE} loads;
 * the unique and the per-case index are built once after the load. Add {@code reuse} after N to
 * verify an existing fill again. Uses root on 127.0.0.1 and the database casework_bench_audit
 * (dropped and created).
 */
public final class AuditVerifyBench {

  private static final int CASES = 100_000;
  private static final long CHUNK = 500_000;

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
      AtomicLong peakRss = new AtomicLong();
      long t0 = System.nanoTime();
      Thread sampler = sampler(rt, peak, peakRss, t0);
      ChainVerifier.Outcome o = new ChainVerifier(jdbc, keys).verify();
      double secs = (System.nanoTime() - t0) / 1e9;
      sampler.interrupt();
      System.out.printf(
          "audit verification: %,d entries, intact=%s (%s), %.1f s, %,.0f entries/s%n",
          rows, o.intact(), o.problem() == null ? "-" : o.problem(), secs, rows / secs);
      System.out.printf(
          "heap: max %d MB (-Xmx), used before %d MB, peak used during %d MB; peak RSS %d MB%n",
          rt.maxMemory() >> 20, baseline >> 20, peak.get() >> 20, peakRss.get() >> 10);
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
    try (Connection c =
        DriverManager.getConnection(URL + "&allowLoadLocalInfile=true", "root", "")) {
      try (Statement s = c.createStatement()) {
        // as V41 + V150 create it; the unique and the case index are added after the load (an
        // index built by one sort is far cheaper than 10 M inserts into it)
        s.execute(
            "CREATE TABLE audit_entry (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, source_key"
                + " VARCHAR(160) NOT NULL, kind VARCHAR(32) NOT NULL, case_number VARCHAR(32)"
                + " NULL, region_code VARCHAR(12) NULL, at TIMESTAMP(6) NOT NULL, actor"
                + " VARCHAR(64) NULL, actor_role VARCHAR(32) NULL, action VARCHAR(200) NOT NULL,"
                + " outcome VARCHAR(200) NULL, reason VARCHAR(2000) NULL, recorded_at"
                + " TIMESTAMP(6) NOT NULL, case_prev_hash VARCHAR(64) NULL, prev_hash VARCHAR(64)"
                + " NOT NULL, hash VARCHAR(64) NOT NULL, key_id VARCHAR(32) NULL) ENGINE = InnoDB"
                + " DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci");
        s.execute("SET time_zone = '+00:00'");
      }
      String keyId = keys.currentId();
      Mac mac = keys.mac(keyId);
      // the last hash of each of the 100 000 cases (the only state the fill keeps)
      String[] lastOfCase = new String[CASES];
      String prev = AuditHasher.GENESIS;
      Instant start = Instant.parse("2026-01-01T00:00:00Z");
      DateTimeFormatter sqlTime =
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
      Path chunk = Files.createTempFile("audit-bench", ".tsv");
      long t0 = System.nanoTime();
      try {
        long i = 1;
        while (i <= n) {
          long upto = Math.min(n, i + CHUNK - 1);
          try (BufferedWriter w = Files.newBufferedWriter(chunk, StandardCharsets.UTF_8)) {
            for (; i <= upto; i++) {
              int caseNo = (int) (i % CASES);
              String caseNumber = String.format("BF-350502-2026-%06d", caseNo);
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
              String casePrev = lastOfCase[caseNo];
              String hash = AuditHasher.keyed(mac, keyId, prev, casePrev, r, at);
              String time = sqlTime.format(at);
              w.append(Long.toString(i)).append('\t');
              w.append(r.sourceKey()).append('\t');
              w.append(r.kind().name()).append('\t');
              w.append(caseNumber).append('\t');
              w.append(r.regionCode()).append('\t');
              w.append(time).append('\t');
              w.append(r.actor()).append('\t');
              w.append(r.actorRole()).append('\t');
              w.append(r.action()).append('\t');
              w.append(r.outcome()).append('\t');
              w.append(r.reason()).append('\t');
              w.append(time).append('\t');
              w.append(casePrev == null ? "\\N" : casePrev).append('\t');
              w.append(prev).append('\t');
              w.append(hash).append('\t');
              w.append(keyId).append('\n');
              lastOfCase[caseNo] = hash;
              prev = hash;
            }
          }
          try (Statement s = c.createStatement()) {
            s.execute(
                "LOAD DATA LOCAL INFILE '"
                    + chunk.toAbsolutePath()
                    + "' INTO TABLE audit_entry CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t'"
                    + " LINES TERMINATED BY '\\n' (id, source_key, kind, case_number, region_code,"
                    + " at, actor, actor_role, action, outcome, reason, recorded_at,"
                    + " case_prev_hash, prev_hash, hash, key_id)");
          }
          System.out.printf("filled %,d entries (%.0f s)%n", i - 1, (System.nanoTime() - t0) / 1e9);
        }
      } finally {
        Files.deleteIfExists(chunk);
      }
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE audit_entry ADD CONSTRAINT uq_audit_source UNIQUE (source_key)");
        System.out.printf("unique index built (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
        s.execute("CREATE INDEX ix_audit_case ON audit_entry (case_number, id)");
      }
      System.out.printf(
          "filled %,d entries with indexes in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Prints heap in use and the process's resident set every 30 s while the verifier runs. */
  private static Thread sampler(Runtime rt, AtomicLong peak, AtomicLong peakRss, long t0) {
    return Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              long lastPrint = 0;
              while (!Thread.currentThread().isInterrupted()) {
                long used = rt.totalMemory() - rt.freeMemory();
                long rss = rssKb();
                peak.accumulateAndGet(used, Math::max);
                peakRss.accumulateAndGet(rss, Math::max);
                long now = System.nanoTime();
                if (now - lastPrint > 30_000_000_000L) {
                  lastPrint = now;
                  System.out.printf(
                      "  t=%4.0f s heap used %3d MB (committed %3d MB), RSS %4d MB%n",
                      (now - t0) / 1e9, used >> 20, rt.totalMemory() >> 20, rss >> 10);
                }
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
  }

  private static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // not Linux: RSS unknown
    }
    return 0;
  }
}
