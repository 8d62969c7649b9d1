package org.casework.services.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.casework.common.BusinessRuleException;
import org.casework.services.ServiceErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code casework.services.online-per-address} online requests per address within {@code
 * casework.services.online-window}; in memory (one node; a restart forgets).
 */
@Component
class OnlineThrottle {

  private final Map<String, Deque<Instant>> seen = new ConcurrentHashMap<>();
  private final int limit;
  private final Duration window;
  private final Clock clock;

  OnlineThrottle(
      @Value("${casework.services.online-per-address:5}") int limit,
      @Value("${casework.services.online-window:PT1H}") Duration window,
      Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  void check(String address) {
    Instant now = clock.instant();
    String key = address == null ? "unknown" : address;
    Deque<Instant> times = seen.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        throw new BusinessRuleException(
            BusinessRuleException.Kind.CONFLICT,
            ServiceErrors.THROTTLED,
            "提交过于频繁，请稍后再试；也可直接到户籍所在地退役军人服务站办理",
            "online requests throttled for " + key);
      }
      times.addLast(now);
    }
    if (seen.size() > 100_000) {
      seen.clear();
    }
  }

  void reset() {
    seen.clear();
  }
}
