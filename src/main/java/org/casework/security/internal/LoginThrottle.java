package org.casework.security.internal;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed logins per account and per client address; after too many, further attempts are refused
 * for a while, even with the right password. The account is counted by its canonical name (trimmed,
 * NFKC, lower case: "ZhangWei", "ZHANGWEI" and "ｚｈａｎｇｗｅｉ" are one account, as the staff table's
 * case-insensitive collation finds one member for them). Kept in {@code security_login_failure}, so
 * a restart does not clear a lock and several nodes count together. A count older than the lock
 * period starts again.
 */
@Component
class LoginThrottle {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Duration lock;

  LoginThrottle(
      JdbcTemplate jdbc,
      Clock clock,
      @Value("${casework.security.login.max-failures-per-account:5}") int maxPerAccount,
      @Value("${casework.security.login.max-failures-per-address:20}") int maxPerAddress,
      @Value("${casework.security.login.lock:PT15M}") Duration lock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
    this.lock = lock;
  }

  /** The one spelling of a user name the throttle counts by. */
  static String canonical(String username) {
    if (username == null) {
      return "";
    }
    String n =
        Normalizer.normalize(username, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    return n.length() > 150 ? n.substring(0, 150) : n;
  }

  boolean isLocked(String username, String address) {
    return locked(userKey(username)) | locked(addressKey(address));
  }

  /** Returns true when this failure locked the account or the address. */
  boolean failed(String username, String address) {
    boolean a = count(userKey(username), maxPerAccount);
    boolean b = count(addressKey(address), maxPerAddress);
    return a || b;
  }

  void succeeded(String username) {
    jdbc.update("DELETE FROM security_login_failure WHERE throttle_key = ?", userKey(username));
  }

  private static String userKey(String username) {
    return "user:" + canonical(username);
  }

  private static String addressKey(String address) {
    String a = address == null ? "unknown" : address.strip();
    return "addr:" + (a.length() > 100 ? a.substring(0, 100) : a);
  }

  private boolean locked(String key) {
    List<Timestamp> until =
        jdbc.queryForList(
            "SELECT locked_until FROM security_login_failure WHERE throttle_key = ?"
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
        "DELETE FROM security_login_failure WHERE throttle_key = ? AND locked_until <= ?",
        key,
        Timestamp.from(now));
    return false;
  }

  private boolean count(String key, int max) {
    Instant now = clock.instant();
    Timestamp at = Timestamp.from(now);
    // one statement, so concurrent failures all count; a stale count starts again
    jdbc.update(
        "INSERT INTO security_login_failure (throttle_key, failures, last_failure) VALUES (?, 1, ?)"
            + " ON DUPLICATE KEY UPDATE failures = IF(last_failure < ?, 1, failures + 1),"
            + " last_failure = VALUES(last_failure)",
        key,
        at,
        Timestamp.from(now.minus(lock)));
    int locked =
        jdbc.update(
            "UPDATE security_login_failure SET locked_until = ? WHERE throttle_key = ?"
                + " AND failures >= ? AND locked_until IS NULL",
            Timestamp.from(now.plus(lock)),
            key,
            max);
    return locked > 0;
  }
}
