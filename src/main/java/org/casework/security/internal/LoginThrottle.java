package org.casework.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed logins per account and per client address; after too many, further attempts are refused
 * for a while, even with the right password. In memory: a restart clears it, which is acceptable
 * for a single app instance (several instances would each count on their own).
 */
@Component
class LoginThrottle {

  private record Failures(int count, Instant lockedUntil) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Duration lock;

  LoginThrottle(
      Clock clock,
      @Value("${casework.security.login.max-failures-per-account:5}") int maxPerAccount,
      @Value("${casework.security.login.max-failures-per-address:20}") int maxPerAddress,
      @Value("${casework.security.login.lock:PT15M}") Duration lock) {
    this.clock = clock;
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
    this.lock = lock;
  }

  boolean isLocked(String username, String address) {
    return locked("user:" + username) || locked("addr:" + address);
  }

  /** Returns true when this failure locked the account or the address. */
  boolean failed(String username, String address) {
    boolean a = count("user:" + username, maxPerAccount);
    boolean b = count("addr:" + address, maxPerAddress);
    return a || b;
  }

  void succeeded(String username) {
    failures.remove("user:" + username);
  }

  private boolean locked(String key) {
    Failures f = failures.get(key);
    if (f == null || f.lockedUntil() == null) {
      return false;
    }
    if (clock.instant().isBefore(f.lockedUntil())) {
      return true;
    }
    failures.remove(key, f);
    return false;
  }

  private boolean count(String key, int max) {
    Failures f =
        failures.compute(
            key,
            (k, old) -> {
              int n = old == null ? 1 : old.count() + 1;
              return new Failures(n, n >= max ? clock.instant().plus(lock) : null);
            });
    return f.count() == max;
  }
}
