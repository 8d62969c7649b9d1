package org.casework.common.internal;

import java.time.Duration;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Job workers back off while the database is unreachable instead of burning the job's retries: the
 * Zeebe client fails a job at once on an exception (no back-off), so three quick failures during a
 * short database outage would raise an incident. Around every {@code @JobWorker} method, a
 * connection-level failure is retried in place with doubling pauses (1 s, 2 s, 4 s … within {@code
 * casework.workers.db-outage-patience}, default 90 s, below the job timeout); only then does the
 * job fail and the engine's retries take over. Business errors and other exceptions pass through
 * untouched. Every step is idempotent, so running a step again is safe.
 */
@Aspect
@Component
class WorkerBackoff {

  private static final Logger log = LoggerFactory.getLogger(WorkerBackoff.class);

  private final Duration patience;
  private final Duration firstPause;

  WorkerBackoff(
      @Value("${casework.workers.db-outage-patience:PT90S}") Duration patience,
      @Value("${casework.workers.db-outage-first-pause:PT1S}") Duration firstPause) {
    this.patience = patience;
    this.firstPause = firstPause;
  }

  @Around("@annotation(io.camunda.zeebe.spring.client.annotation.JobWorker)")
  Object around(ProceedingJoinPoint call) throws Throwable {
    long giveUpAt = System.nanoTime() + patience.toNanos();
    Duration pause = firstPause;
    int attempt = 1;
    while (true) {
      try {
        return call.proceed();
      } catch (RuntimeException e) {
        if (!databaseUnreachable(e) || System.nanoTime() + pause.toNanos() > giveUpAt) {
          throw e;
        }
        log.warn(
            "worker {}: database unreachable (attempt {}), trying again in {} ms: {}",
            call.getSignature().getName(),
            attempt,
            pause.toMillis(),
            e.toString());
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2);
        attempt++;
      }
    }
  }

  static boolean databaseUnreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessException
          || t instanceof java.sql.SQLTransientConnectionException
          || t instanceof java.sql.SQLNonTransientConnectionException
          || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
