package org.casework.common.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.spring.client.annotation.JobWorker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Fault case 3 of issue 8, the worker side: a database outage is waited out, not failed fast. */
class WorkerBackoffTest {

  static class Worker {
    final AtomicInteger calls = new AtomicInteger();
    int failFirst;
    RuntimeException failure;

    @JobWorker(type = "test.step")
    public String step() {
      if (calls.incrementAndGet() <= failFirst) {
        throw failure;
      }
      return "done";
    }
  }

  private static Worker proxied(Worker target, Duration patience) {
    AspectJProxyFactory factory = new AspectJProxyFactory(target);
    factory.setProxyTargetClass(true);
    factory.addAspect(new WorkerBackoff(patience, Duration.ofMillis(10)));
    return factory.getProxy();
  }

  @Test
  void shouldWaitOutAnUnreachableDatabaseAndThenDoTheStepOnce() {
    Worker target = new Worker();
    target.failFirst = 3;
    target.failure =
        new CannotCreateTransactionException(
            "Could not open JPA EntityManager",
            new java.sql.SQLTransientConnectionException("Connection is not available"));

    assertThat(proxied(target, Duration.ofSeconds(5)).step()).isEqualTo("done");
    assertThat(target.calls).hasValue(4);
  }

  @Test
  void shouldGiveUpAfterItsPatienceSoTheEngineRetriesTakeOver() {
    Worker target = new Worker();
    target.failFirst = Integer.MAX_VALUE;
    target.failure = new CannotGetJdbcConnectionException("down");

    assertThatThrownBy(() -> proxied(target, Duration.ofMillis(100)).step())
        .isInstanceOf(CannotGetJdbcConnectionException.class);
    // pauses of 10, 20, 40 ms fit into 100 ms, 80 more do not: at most four attempts (fewer when
    // a loaded machine oversleeps), and it did retry before giving up
    assertThat(target.calls.get()).isBetween(2, 4);
  }

  @Test
  void shouldPassBusinessAndOtherErrorsThroughAtOnce() {
    Worker target = new Worker();
    target.failFirst = 1;
    target.failure = new IllegalStateException("a bug");

    assertThatThrownBy(() -> proxied(target, Duration.ofSeconds(5)).step())
        .isInstanceOf(IllegalStateException.class);
    assertThat(target.calls).hasValue(1);
  }
}
