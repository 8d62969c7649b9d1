package org.casework.common;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failures per key (an account, an address, a case number typed), counted in memory and written to
 * a table by {@link #flush()} (every second, by {@link Throttles}), so a request that fails does
 * not wait for a database write. A key that reaches its maximum is locked at once, in memory and in
 * the table, so the lock survives a restart and other nodes see it at their next flush (at most a
 * second later); they also add their counts together there (each node learns the total when it
 * flushes). A count whose last failure is older than the lock period starts again; an expired lock
 * clears its count.
 *
 * <p>The table has the columns {@code throttle_key} (primary key), {@code failures}, {@code
 * last_failure} and {@code locked_until} (see V131 and V241). What a crash can lose: the failures
 * of the last second that were not yet flushed (never a lock).
 */
public final class PersistentThrottle {

  private static final Logger log = LoggerFactory.getLogger(PersistentThrottle.class);
  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final int CHUNK = 500;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String table;
  private final Duration lock;
  private final Map<String, Count> counts = new ConcurrentHashMap<>();
  private final Map<String, Instant> locks = new ConcurrentHashMap<>();
  private final Set<String> resets = ConcurrentHashMap.newKeySet();
  private volatile Instant lastPrune = Instant.EPOCH;

  /** Failures of one key as this node knows them. Guarded by the map's per-key compute. */
  private static final class Count {
    int known;
    int pending;
    int max;
    Instant last;
    boolean lockWritten;
  }

  PersistentThrottle(JdbcTemplate jdbc, Clock clock, String table, Duration lock) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    this.jdbc = jdbc;
    this.clock = clock;
    this.table = table;
    this.lock = lock;
    refreshLocks(clock.instant());
  }

  public Duration lockPeriod() {
    return lock;
  }

  /** Whether the key is locked now (by this node, another node, or before a restart). */
  public boolean isLocked(String key) {
    Instant until = locks.get(key);
    if (until == null) {
      return false;
    }
    if (clock.instant().isBefore(until)) {
      return true;
    }
    // the lock ran out: its count starts again (the row is pruned at a later flush)
    if (locks.remove(key, until)) {
      counts.remove(key);
    }
    return false;
  }

  /**
   * Counts one failure of the key; returns true when this failure locked it ({@code max} failures
   * within the lock period of each other).
   */
  public boolean failed(String key, int max) {
    Instant now = clock.instant();
    boolean[] lockNow = {false};
    int[] total = {0};
    counts.compute(
        key,
        (k, c) -> {
          if (c == null || c.last.isBefore(now.minus(lock))) {
            c = new Count();
          }
          c.known++;
          c.pending++;
          c.max = max;
          c.last = now;
          if (c.known >= max && !c.lockWritten) {
            c.lockWritten = true;
            c.pending = 0;
            lockNow[0] = true;
            total[0] = c.known;
          }
          return c;
        });
    if (lockNow[0]) {
      writeLock(key, total[0], now);
      return true;
    }
    return false;
  }

  /** A success for the key: its count starts again (a lock stays until it runs out). */
  public void reset(String key) {
    if (locks.containsKey(key)) {
      return;
    }
    counts.remove(key);
    resets.add(key);
  }

  /**
   * Writes what this node counted since the last flush (one statement per 500 keys), learns the
   * totals of all nodes for those keys, locks keys whose total reached their maximum, and reads the
   * locks other nodes wrote. Called every second and at shutdown.
   */
  public synchronized void flush() {
    Instant now = clock.instant();
    List<String> cleared = new ArrayList<>(resets);
    resets.removeAll(cleared);
    Map<String, int[]> deltas = new HashMap<>();
    Map<String, Instant> lastAt = new HashMap<>();
    for (String key : counts.keySet()) {
      counts.computeIfPresent(
          key,
          (k, c) -> {
            if (c.pending > 0) {
              deltas.put(k, new int[] {c.pending});
              lastAt.put(k, c.last);
              c.pending = 0;
            }
            return c;
          });
    }
    try {
      for (List<String> chunk : chunks(cleared)) {
        jdbc.update(
            "DELETE FROM "
                + table
                + " WHERE locked_until IS NULL AND throttle_key IN ("
                + marks(chunk.size())
                + ")",
            chunk.toArray());
      }
      List<String> keys = new ArrayList<>(deltas.keySet());
      for (List<String> chunk : chunks(keys)) {
        upsert(chunk, deltas, lastAt, now);
      }
      for (List<String> chunk : chunks(keys)) {
        learnTotals(chunk, now);
      }
    } catch (RuntimeException e) {
      // keep the counts for the next flush rather than lose them
      deltas.forEach(
          (k, d) ->
              counts.computeIfPresent(
                  k,
                  (kk, c) -> {
                    c.pending += d[0];
                    return c;
                  }));
      resets.addAll(cleared);
      log.warn("throttle {}: flush failed, kept for the next one: {}", table, e.toString());
      return;
    }
    refreshLocks(now);
    prune(now);
  }

  private void upsert(
      List<String> keys, Map<String, int[]> deltas, Map<String, Instant> lastAt, Instant now) {
    List<Object> args = new ArrayList<>();
    StringBuilder values = new StringBuilder();
    for (String k : keys) {
      values.append(values.isEmpty() ? "" : ",").append("(?, ?, ?, NULL)");
      args.add(k);
      args.add(deltas.get(k)[0]);
      args.add(Timestamp.from(lastAt.get(k)));
    }
    args.add(lock.toNanos() / 1000);
    args.add(Timestamp.from(now));
    // the assignments run left to right: the count's staleness is judged on the old last_failure,
    // an expired lock is cleared so that the key can lock again
    jdbc.update(
        "INSERT INTO "
            + table
            + " (throttle_key, failures, last_failure, locked_until) VALUES "
            + values
            + " ON DUPLICATE KEY UPDATE failures = IF(last_failure < TIMESTAMPADD(MICROSECOND,"
            + " -?, VALUES(last_failure)), VALUES(failures), failures + VALUES(failures)),"
            + " last_failure = GREATEST(last_failure, VALUES(last_failure)),"
            + " locked_until = IF(locked_until <= ?, NULL, locked_until)",
        args.toArray());
  }

  /** The totals of all nodes for the keys just written; a total at the maximum locks the key. */
  private void learnTotals(List<String> keys, Instant now) {
    List<String> toLock = new ArrayList<>();
    Map<String, Integer> lockTotals = new HashMap<>();
    jdbc.query(
        "SELECT throttle_key, failures, locked_until FROM "
            + table
            + " WHERE throttle_key IN ("
            + marks(keys.size())
            + ")",
        rs -> {
          String key = rs.getString(1);
          int failures = rs.getInt(2);
          Timestamp until = rs.getTimestamp(3);
          if (until != null && until.toInstant().isAfter(now)) {
            locks.merge(key, until.toInstant(), (a, b) -> a.isAfter(b) ? a : b);
          }
          counts.computeIfPresent(
              key,
              (k, c) -> {
                c.known = failures + c.pending;
                if (c.known >= c.max && !c.lockWritten && until == null) {
                  c.lockWritten = true;
                  toLock.add(k);
                  lockTotals.put(k, c.known);
                }
                return c;
              });
        },
        keys.toArray());
    for (String k : toLock) {
      writeLock(k, lockTotals.get(k), now);
    }
  }

  private void writeLock(String key, int failures, Instant now) {
    Instant until = now.plus(lock);
    locks.merge(key, until, (a, b) -> a.isAfter(b) ? a : b);
    jdbc.update(
        "INSERT INTO "
            + table
            + " (throttle_key, failures, last_failure, locked_until) VALUES (?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE failures = GREATEST(failures, VALUES(failures)),"
            + " last_failure = VALUES(last_failure),"
            + " locked_until = IF(locked_until IS NULL OR locked_until <= VALUES(last_failure),"
            + " VALUES(locked_until), locked_until)",
        key,
        failures,
        Timestamp.from(now),
        Timestamp.from(until));
  }

  /** Every lock still running in the table (written here, by another node, or before a restart). */
  private void refreshLocks(Instant now) {
    jdbc.query(
        "SELECT throttle_key, locked_until FROM " + table + " WHERE locked_until > ?",
        rs -> {
          locks.merge(
              rs.getString(1), rs.getTimestamp(2).toInstant(), (a, b) -> a.isAfter(b) ? a : b);
        },
        Timestamp.from(now));
    locks.entrySet().removeIf(e -> !now.isBefore(e.getValue()));
  }

  /** Once a minute: rows of expired locks and stale counts go, and so do stale counts in memory. */
  private void prune(Instant now) {
    if (now.isBefore(lastPrune.plusSeconds(60))) {
      return;
    }
    lastPrune = now;
    Timestamp stale = Timestamp.from(now.minus(lock));
    jdbc.update("DELETE FROM " + table + " WHERE locked_until <= ?", Timestamp.from(now));
    jdbc.update("DELETE FROM " + table + " WHERE locked_until IS NULL AND last_failure < ?", stale);
    for (String key : counts.keySet()) {
      counts.computeIfPresent(
          key, (k, c) -> c.pending == 0 && c.last.isBefore(now.minus(lock)) ? null : c);
    }
  }

  private static List<List<String>> chunks(List<String> keys) {
    if (keys.isEmpty()) {
      return Collections.emptyList();
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += CHUNK) {
      out.add(keys.subList(i, Math.min(keys.size(), i + CHUNK)));
    }
    return out;
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
