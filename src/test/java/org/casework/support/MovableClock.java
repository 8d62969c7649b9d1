package org.casework.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The app's clock in tests that move time: starts at the real now, only moves forward. */
public final class MovableClock extends Clock {

  private volatile Instant now;

  public MovableClock() {
    this(Instant.now());
  }

  /** Starts at {@code start} (e.g. a week before a holiday), then only moves forward. */
  public MovableClock(Instant start) {
    this.now = start;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  public void moveTo(Instant target) {
    if (target.isAfter(now)) {
      now = target;
    }
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }
}
