package org.casework.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.casework.support.DemoRegion;
import org.casework.support.MovableClock;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The throttle counts in memory and keeps its locks and counts in the table: a new instance (after
 * a restart, or another node) reads a stored lock at once and adds its counts to the stored ones.
 * Each throttle here is a fresh instance on the real table with its own keys and a movable clock.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class PersistentThrottleTest {

  private static final String TABLE = "citizen_lookup_throttle";
  private static final Duration LOCK = Duration.ofMinutes(15);

  @Autowired JdbcTemplate jdbc;

  MovableClock clock;
  String key;

  @BeforeEach
  void setUp() {
    clock = new MovableClock();
    key = "test:" + UUID.randomUUID();
  }

  private PersistentThrottle node() {
    return new Throttles(jdbc, clock).create(TABLE, LOCK);
  }

  @Test
  void shouldLockAtTheMaximumAtOnceAndKeepTheLockAcrossARestart() {
    PersistentThrottle before = node();
    for (int i = 0; i < 4; i++) {
      assertThat(before.failed(key, 5)).isFalse();
    }
    assertThat(before.isLocked(key)).isFalse();
    assertThat(before.failed(key, 5)).as("the fifth failure locks").isTrue();
    assertThat(before.isLocked(key)).isTrue();
    // written at once, without a flush
    assertThat(row().get("locked_until")).isNotNull();

    PersistentThrottle restarted = node();
    assertThat(restarted.isLocked(key)).isTrue();

    clock.moveTo(clock.instant().plus(LOCK).plusSeconds(1));
    assertThat(restarted.isLocked(key)).as("the lock runs out").isFalse();
    assertThat(restarted.failed(key, 5)).as("and its count starts again").isFalse();
  }

  @Test
  void shouldKeepCountsOnlyInMemoryUntilTheFlushAndThenAddThemAcrossRestarts() {
    PersistentThrottle first = node();
    first.failed(key, 5);
    first.failed(key, 5);
    first.failed(key, 5);
    assertThat(count()).as("no write per failure").isZero();
    first.flush();
    assertThat(row().get("failures")).isEqualTo(3);

    // after a restart the stored three count with the new ones
    PersistentThrottle restarted = node();
    restarted.failed(key, 5);
    assertThat(restarted.failed(key, 5)).as("the node knows only its own two yet").isFalse();
    restarted.flush();
    assertThat(row().get("failures")).isEqualTo(5);
    assertThat(restarted.isLocked(key)).as("the total of five locks at the flush").isTrue();
    assertThat(row().get("locked_until")).isNotNull();
  }

  @Test
  void shouldShowALockOfOneNodeToAnotherAtItsNextFlush() {
    PersistentThrottle a = node();
    PersistentThrottle b = node();
    for (int i = 0; i < 5; i++) {
      a.failed(key, 5);
    }
    assertThat(a.isLocked(key)).isTrue();
    assertThat(b.isLocked(key)).as("b has not read the table since").isFalse();
    b.flush();
    assertThat(b.isLocked(key)).isTrue();
  }

  @Test
  void shouldClearTheStoredCountOnSuccessButNotALock() {
    PersistentThrottle t = node();
    t.failed(key, 5);
    t.failed(key, 5);
    t.flush();
    assertThat(count()).isEqualTo(1);
    t.reset(key);
    t.flush();
    assertThat(count()).isZero();
    for (int i = 0; i < 4; i++) {
      assertThat(t.failed(key, 5)).isFalse();
    }

    String locked = key + ":locked";
    for (int i = 0; i < 5; i++) {
      t.failed(locked, 5);
    }
    t.reset(locked);
    t.flush();
    assertThat(t.isLocked(locked)).isTrue();
    assertThat(node().isLocked(locked)).isTrue();
  }

  @Test
  void shouldStartAStaleCountAgain() {
    PersistentThrottle t = node();
    for (int i = 0; i < 4; i++) {
      t.failed(key, 5);
    }
    t.flush();
    clock.moveTo(clock.instant().plus(LOCK).plusSeconds(1));
    assertThat(t.failed(key, 5)).isFalse();
    t.flush();
    assertThat(row().get("failures")).isEqualTo(1);
    assertThat(t.isLocked(key)).isFalse();
  }

  private Map<String, Object> row() {
    return jdbc.queryForMap(
        "SELECT failures, locked_until FROM " + TABLE + " WHERE throttle_key = ?", key);
  }

  private int count() {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM " + TABLE + " WHERE throttle_key = ?", Integer.class, key);
  }
}
