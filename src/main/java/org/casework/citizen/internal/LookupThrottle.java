package org.casework.citizen.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Missed public lookups per case number typed and per client address (as the login throttle does
 * for accounts and addresses): after too many, further lookups are refused for a while, even with
 * the right ID tail, so numbers cannot be guessed. The number key is the normalised number as
 * typed, whether a case has it or not (a lock says nothing about existence). Kept in {@code
 * citizen_lookup_throttle}; a count older than the lock period starts again.
 */
@Component
class LookupThrottle {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final int maxPerNumber;
  private final int maxPerAddress;
  private final Duration lock;

  LookupThrottle(
      JdbcTemplate jdbc,
      Clock clock,
      @Value("${casework.citizen.lookup.max-misses-per-number:5}") int maxPerNumber,
      @Value("${casework.citizen.lookup.max-misses-per-address:20}") int maxPerAddress,
      @Value("${casework.citizen.lookup.lock:PT15M}") Duration lock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxPerNumber = maxPerNumber;
    this.maxPerAddress = maxPerAddress;
    this.lock = lock;
  }

  boolean isLocked(String number, String address) {
    return locked(numberKey(number)) | locked(addressKey(address));
  }

  void missed(String number, String address) {
    count(numberKey(number), maxPerNumber);
    count(addressKey(address), maxPerAddress);
  }

  /** The right tail for the number: its misses start again (the address's count stays). */
  void matched(String number) {
    jdbc.update(
        "DELETE FROM citizen_lookup_throttle WHERE throttle_key = ? AND locked_until IS NULL",
        numberKey(number));
  }

  static String addressKey(String address) {
    String a = address == null ? "unknown" : address.strip();
    return "addr:" + (a.length() > 100 ? a.substring(0, 100) : a);
  }

  private static String numberKey(String number) {
    return "num:" + number;
  }

  private boolean locked(String key) {
    List<Timestamp> until =
        jdbc.queryForList(
            "SELECT locked_until FROM citizen_lookup_throttle WHERE throttle_key = ?"
                + " AND locked_until IS NOT NULL",
            Timestamp.class,
            key);
    if (until.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    if (now.isBefore(until.getFirst().toInstant())) {
      return true;
    }
    jdbc.update(
        "DELETE FROM citizen_lookup_throttle WHERE throttle_key = ? AND locked_until <= ?",
        key,
        Timestamp.from(now));
    return false;
  }

  private void count(String key, int max) {
    Instant now = clock.instant();
    // one statement, so concurrent misses all count; a stale count starts again
    jdbc.update(
        "INSERT INTO citizen_lookup_throttle (throttle_key, failures, last_failure) VALUES (?, 1, ?)"
            + " ON DUPLICATE KEY UPDATE failures = IF(last_failure < ?, 1, failures + 1),"
            + " last_failure = VALUES(last_failure)",
        key,
        Timestamp.from(now),
        Timestamp.from(now.minus(lock)));
    jdbc.update(
        "UPDATE citizen_lookup_throttle SET locked_until = ? WHERE throttle_key = ?"
            + " AND failures >= ? AND locked_until IS NULL",
        Timestamp.from(now.plus(lock)),
        key,
        max);
  }
}
