package org.casework.citizen.internal;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.PersonRecordAccessed;
import org.casework.citizen.LookupAnswer.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every public lookup is audited without letting anonymous traffic grow the tamper-evident log
 * without bound (the approach of the security module's {@code AnonymousRefusals}, plus totals):
 *
 * <ul>
 *   <li>each lookup is counted in memory and added to {@code citizen_lookup_tally} (window,
 *       address, outcome) every second in one statement; rows bounded by addresses × outcomes per
 *       window, pruned after the retention;
 *   <li>the audit log gets a found lookup once per case and window, a miss or refusal once per
 *       address and window and at most {@code max-entries-per-window} of those in all; these are
 *       queued and appended every second in one transaction, so a lookup waits for no audit write
 *       (a crash loses at most the last second's counts and entries);
 *   <li>after a window closes, one totals entry (lookups per outcome, addresses) is written once
 *       (the {@code citizen_lookup_window} row decides which node writes it).
 * </ul>
 */
@Component
class LookupAudit {

  private static final Logger log = LoggerFactory.getLogger(LookupAudit.class);
  static final String ACTOR = "公众（未登录）";

  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration window;
  private final int maxEntriesPerWindow;
  private final Duration retention;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Map<TallyKey, Integer> tally = new ConcurrentHashMap<>();
  private final Queue<PersonRecordAccessed> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger entries = new AtomicInteger();
  private volatile Instant current;

  LookupAudit(
      JdbcTemplate jdbc,
      AuditLog audit,
      Clock clock,
      @Value("${casework.citizen.lookup.audit-window:PT10M}") Duration window,
      @Value("${casework.citizen.lookup.max-entries-per-window:100}") int maxEntriesPerWindow,
      @Value("${casework.citizen.lookup.tally-retention:P180D}") Duration retention) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.window = window;
    this.maxEntriesPerWindow = maxEntriesPerWindow;
    this.retention = retention;
    this.current = windowOf(clock.instant());
  }

  Instant windowOf(Instant at) {
    long size = window.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
  }

  /**
   * Counts the lookup and queues an audit entry when the bounds allow; both are written by {@link
   * #flush()} (every second), so the lookup waits for neither.
   */
  void lookedUp(String address, Outcome outcome, String caseNumber, String regionCode) {
    Instant now = clock.instant();
    Instant w = windowOf(now);
    String addr = LookupThrottle.addressKey(address).substring("addr:".length());
    tally.merge(new TallyKey(w, addr, outcome), 1, Integer::sum);
    if (!w.equals(current)) {
      synchronized (this) {
        if (!w.equals(current)) {
          seen.clear();
          entries.set(0);
          current = w;
        }
      }
    }
    boolean found = outcome == Outcome.FOUND;
    String key = found ? "case:" + caseNumber : "addr:" + addr;
    if (!seen.add(key)) {
      return;
    }
    if (!found && entries.incrementAndGet() > maxEntriesPerWindow) {
      return;
    }
    queue.add(
        new PersonRecordAccessed(
            AuditKind.PUBLIC_LOOKUP,
            now,
            ACTOR,
            null,
            found ? regionCode : null,
            found ? "公众查询办理进度 " + caseNumber : "公众查询办理进度",
            switch (outcome) {
              case FOUND -> "查到";
              case NOT_MATCHED -> "编号或身份证号后四位不符";
              case THROTTLED -> "查询过于频繁，已拒绝";
              case INVALID -> "填写不完整";
            },
            "地址 " + addr + "（本窗口内同类查询只记一次，合计见窗口汇总）"));
  }

  /**
   * Writes the counted lookups (one upsert per 500 window/address/outcome rows) and the queued
   * audit entries (one transaction). What a failed write held is kept for the next flush.
   */
  @Scheduled(
      fixedDelayString = "${casework.citizen.lookup.flush-interval:PT1S}",
      initialDelayString = "${casework.citizen.lookup.flush-interval:PT1S}")
  @PreDestroy
  synchronized void flush() {
    List<Map.Entry<TallyKey, Integer>> counted = new ArrayList<>();
    for (TallyKey k : tally.keySet()) {
      Integer n = tally.remove(k);
      if (n != null) {
        counted.add(Map.entry(k, n));
      }
    }
    for (int i = 0; i < counted.size(); i += 500) {
      List<Map.Entry<TallyKey, Integer>> chunk =
          counted.subList(i, Math.min(counted.size(), i + 500));
      List<Object> args = new ArrayList<>();
      for (Map.Entry<TallyKey, Integer> e : chunk) {
        args.add(Timestamp.from(e.getKey().window()));
        args.add(e.getKey().address());
        args.add(e.getKey().outcome().name());
        args.add(e.getValue());
      }
      try {
        jdbc.update(
            "INSERT INTO citizen_lookup_tally (window_start, address, outcome, lookups) VALUES "
                + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE lookups = lookups + VALUES(lookups)",
            args.toArray());
      } catch (RuntimeException ex) {
        for (Map.Entry<TallyKey, Integer> e : counted.subList(i, counted.size())) {
          tally.merge(e.getKey(), e.getValue(), Integer::sum);
        }
        log.warn("public lookup tally not written, kept for the next flush: {}", ex.toString());
        break;
      }
    }
    List<PersonRecordAccessed> batch = new ArrayList<>();
    for (PersonRecordAccessed e; (e = queue.poll()) != null; ) {
      batch.add(e);
    }
    if (!batch.isEmpty()) {
      try {
        audit.recordAll(batch);
      } catch (RuntimeException ex) {
        queue.addAll(batch);
        log.warn("public lookup audit entries not written, kept: {}", ex.toString());
      }
    }
  }

  private record TallyKey(Instant window, String address, Outcome outcome) {}

  /** Writes the totals of each closed window once, and prunes old tallies. */
  @Scheduled(
      fixedDelayString = "${casework.citizen.lookup.summary-interval:PT1M}",
      initialDelayString = "${casework.citizen.lookup.summary-initial-delay:PT1M}")
  void summariseClosedWindows() {
    flush();
    Instant open = windowOf(clock.instant());
    List<Timestamp> closed =
        jdbc.queryForList(
            "SELECT DISTINCT t.window_start FROM citizen_lookup_tally t"
                + " LEFT JOIN citizen_lookup_window w ON w.window_start = t.window_start"
                + " WHERE t.window_start < ? AND w.window_start IS NULL ORDER BY 1 LIMIT 100",
            Timestamp.class,
            Timestamp.from(open));
    for (Timestamp w : closed) {
      int claimed =
          jdbc.update(
              "INSERT IGNORE INTO citizen_lookup_window (window_start, summarised_at) VALUES (?, ?)",
              w,
              Timestamp.from(clock.instant()));
      if (claimed == 0) {
        continue; // another node wrote it
      }
      Map<String, Object> t =
          jdbc.queryForMap(
              "SELECT COALESCE(SUM(lookups), 0) AS total,"
                  + " COALESCE(SUM(IF(outcome = 'FOUND', lookups, 0)), 0) AS found,"
                  + " COALESCE(SUM(IF(outcome = 'NOT_MATCHED', lookups, 0)), 0) AS missed,"
                  + " COALESCE(SUM(IF(outcome = 'THROTTLED', lookups, 0)), 0) AS throttled,"
                  + " COALESCE(SUM(IF(outcome = 'INVALID', lookups, 0)), 0) AS invalid,"
                  + " COUNT(DISTINCT address) AS addresses"
                  + " FROM citizen_lookup_tally WHERE window_start = ?",
              w);
      audit.record(
          new PersonRecordAccessed(
              AuditKind.PUBLIC_LOOKUP,
              clock.instant(),
              ACTOR,
              null,
              null,
              "公众查询窗口汇总 " + w.toInstant(),
              "共 " + t.get("total") + " 次",
              "查到 "
                  + t.get("found")
                  + "，不符 "
                  + t.get("missed")
                  + "，限流拒绝 "
                  + t.get("throttled")
                  + "，填写不完整 "
                  + t.get("invalid")
                  + "；来源地址 "
                  + t.get("addresses")
                  + " 个"));
      log.info("public lookups of the window from {}: {}", w.toInstant(), t);
    }
    jdbc.update(
        "DELETE FROM citizen_lookup_tally WHERE window_start < ?",
        Timestamp.from(open.minus(retention)));
  }
}
