package org.casework.casefile.internal;

import io.camunda.zeebe.client.ZeebeClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.casework.casefile.CaseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts a case's process instance after the case is committed, with only the case number as
 * variable (the first worker loads the rest from the database). Cases whose start failed (engine
 * down) are started again by {@link #startUnstartedCases()}; a duplicate instance loses the claim
 * in its first worker and ends.
 */
@Component
class CaseProcessStarter {

  private static final Logger log = LoggerFactory.getLogger(CaseProcessStarter.class);
  private static final Duration START_GRACE = Duration.ofMinutes(2);

  private final ZeebeClient zeebe;
  private final CaseRepository cases;
  private final Clock clock;

  CaseProcessStarter(ZeebeClient zeebe, CaseRepository cases, Clock clock) {
    this.zeebe = zeebe;
    this.cases = cases;
    this.clock = clock;
  }

  /**
   * Publishes a message correlated by case number (kept 10 minutes for a process not yet there).
   */
  void publish(String message, String caseNumber, String messageId) {
    zeebe
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(caseNumber)
        .messageId(messageId)
        .timeToLive(java.time.Duration.ofMinutes(10))
        .send()
        .join();
  }

  void startAfterCommit(String caseNumber, CaseType type) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            start(caseNumber, type);
          }
        });
  }

  /** Asynchronous: a slow or absent engine must not hold up the officer's request. */
  void start(String caseNumber, CaseType type) {
    try {
      zeebe
          .newCreateInstanceCommand()
          .bpmnProcessId(type.processId())
          .latestVersion()
          .variables(Map.of("caseNumber", caseNumber))
          .send()
          .whenComplete(
              (instance, failure) -> {
                if (failure == null) {
                  log.info(
                      "case {} started as process instance {}",
                      caseNumber,
                      instance.getProcessInstanceKey());
                } else {
                  log.warn(
                      "case {}: process start failed, will retry: {}",
                      caseNumber,
                      failure.getMessage());
                }
              });
    } catch (RuntimeException clientNotReady) {
      // e.g. no gateway configured yet: the case is committed, the retry starts it later
      log.warn(
          "case {}: process start failed, will retry: {}", caseNumber, clientNotReady.getMessage());
    }
  }

  @Scheduled(
      fixedDelayString = "${casework.process-start-retry:PT1M}",
      initialDelayString = "${casework.process-start-retry:PT1M}")
  void startUnstartedCases() {
    for (CaseEntity c : cases.findUnstarted(clock.instant().minus(START_GRACE))) {
      start(c.getCaseNumber(), c.getType());
    }
  }
}
