package org.casework.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps anonymous requests from growing the audit log without bound: a refusal of a request without
 * login (e.g. a POST without CSRF token) is recorded in the audit log at most once per client
 * address per window, and at most {@code max-per-window} times per window in all; every further one
 * is only counted and written to the application log once per window. Logged-in staff's refusals
 * are always recorded (they are attributable and rare).
 */
@Component
class AnonymousRefusals {

  private static final Logger log = LoggerFactory.getLogger(AnonymousRefusals.class);

  private final Clock clock;
  private final Duration window;
  private final int maxPerWindow;
  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  private final AtomicInteger recorded = new AtomicInteger();
  private final AtomicLong suppressed = new AtomicLong();
  private volatile Instant windowStart;

  AnonymousRefusals(
      Clock clock,
      @Value("${casework.security.anonymous-refusals.window:PT10M}") Duration window,
      @Value("${casework.security.anonymous-refusals.max-per-window:100}") int maxPerWindow) {
    this.clock = clock;
    this.window = window;
    this.maxPerWindow = maxPerWindow;
    this.windowStart = clock.instant();
  }

  /** Whether this anonymous refusal from {@code address} goes into the audit log. */
  boolean shouldRecord(String address) {
    rollWindow();
    String key = address == null ? "unknown" : address;
    AtomicInteger count = seen.computeIfAbsent(key, k -> new AtomicInteger());
    boolean first = count.getAndIncrement() == 0;
    if (first && recorded.incrementAndGet() <= maxPerWindow) {
      return true;
    }
    if (suppressed.getAndIncrement() == 0) {
      log.warn(
          "anonymous refusals above the audit limit in this window (first from {}): counted only",
          key);
    }
    return false;
  }

  private void rollWindow() {
    Instant now = clock.instant();
    if (now.isAfter(windowStart.plus(window))) {
      synchronized (this) {
        if (now.isAfter(windowStart.plus(window))) {
          long dropped = suppressed.getAndSet(0);
          if (dropped > 0) {
            log.warn(
                "{} anonymous refusals from {} addresses were not written to the audit log"
                    + " in the window since {}",
                dropped,
                seen.size(),
                windowStart);
          }
          seen.clear();
          recorded.set(0);
          windowStart = now;
        }
      }
    }
  }
}
