package org.casework.security.internal;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;
import org.casework.common.PersistentThrottle;
import org.casework.common.Throttles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed logins per account and per client address; after too many, further attempts are refused
 * for a while, even with the right password. The account is counted by its canonical name (trimmed,
 * NFKC, lower case: "ZhangWei", "ZHANGWEI" and "ｚｈａｎｇｗｅｉ" are one account, as the staff table's
 * case-insensitive collation finds one member for them). Counted in memory and kept in {@code
 * security_login_failure} by a {@link PersistentThrottle} (a lock is written at once, counts every
 * second), so a restart does not clear a lock and several nodes count together. A count older than
 * the lock period starts again.
 */
@Component
class LoginThrottle {

  private final PersistentThrottle throttle;
  private final int maxPerAccount;
  private final int maxPerAddress;

  LoginThrottle(
      Throttles throttles,
      @Value("${casework.security.login.max-failures-per-account:5}") int maxPerAccount,
      @Value("${casework.security.login.max-failures-per-address:20}") int maxPerAddress,
      @Value("${casework.security.login.lock:PT15M}") Duration lock) {
    this.throttle = throttles.create("security_login_failure", lock);
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
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
    return throttle.isLocked(userKey(username)) | throttle.isLocked(addressKey(address));
  }

  /** Returns true when this failure locked the account or the address. */
  boolean failed(String username, String address) {
    boolean a = throttle.failed(userKey(username), maxPerAccount);
    boolean b = throttle.failed(addressKey(address), maxPerAddress);
    return a || b;
  }

  void succeeded(String username) {
    throttle.reset(userKey(username));
  }

  private static String userKey(String username) {
    return "user:" + canonical(username);
  }

  private static String addressKey(String address) {
    String a = address == null ? "unknown" : address.strip();
    return "addr:" + (a.length() > 100 ? a.substring(0, 100) : a);
  }
}
