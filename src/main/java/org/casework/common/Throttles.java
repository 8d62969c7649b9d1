package org.casework.common;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the app's {@link PersistentThrottle}s and flushes them every {@code
 * casework.throttle.flush-interval} (PT1S) and at shutdown.
 */
@Component
public class Throttles {

  private static final Logger log = LoggerFactory.getLogger(Throttles.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final List<PersistentThrottle> made = new CopyOnWriteArrayList<>();

  public Throttles(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A throttle on {@code table}; it reads the locks already stored there at once. */
  public PersistentThrottle create(String table, Duration lock) {
    PersistentThrottle t = new PersistentThrottle(jdbc, clock, table, lock);
    made.add(t);
    return t;
  }

  @Scheduled(
      fixedDelayString = "${casework.throttle.flush-interval:PT1S}",
      initialDelayString = "${casework.throttle.flush-interval:PT1S}")
  public void flushAll() {
    for (PersistentThrottle t : made) {
      try {
        t.flush();
      } catch (RuntimeException e) {
        log.warn("throttle flush failed: {}", e.toString());
      }
    }
  }

  @PreDestroy
  void close() {
    flushAll();
  }
}
