package org.casework.casefile.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.casework.casefile.NoticeChannel;
import org.casework.casefile.OutgoingNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notice rows are the outbox of the {@link NoticeChannel}: a notice is written in the step's
 * transaction (once per case and step key, so a retried step writes nothing new); after that
 * transaction commits it is claimed (PENDING → SENDING, one UPDATE, so two nodes or the sweep and
 * the hand-over never both get it), handed to the channel and marked SENT in the same transaction
 * as the channel's own writes. A step that rolls back leaves no notice and sends nothing. A channel
 * failure leaves the notice PENDING for the sweep (FAILED after {@code max-attempts}).
 */
@Component
class NoticeOutbox {

  private static final Logger log = LoggerFactory.getLogger(NoticeOutbox.class);

  private final JdbcTemplate jdbc;
  private final NoticeChannel channel;
  private final TransactionTemplate fresh;
  private final Clock clock;
  private final Duration claimTimeout;
  private final int maxAttempts;

  NoticeOutbox(
      JdbcTemplate jdbc,
      NoticeChannel channel,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${casework.notices.claim-timeout:PT5M}") Duration claimTimeout,
      @Value("${casework.notices.max-attempts:10}") int maxAttempts) {
    this.jdbc = jdbc;
    this.channel = channel;
    this.fresh = new TransactionTemplate(transactions);
    this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.claimTimeout = claimTimeout;
    this.maxAttempts = maxAttempts;
    log.info("notices go out through the {} channel ({})", channel.name(), channel.getClass());
  }

  String channelName() {
    return channel.name();
  }

  /** Hands the notice to the channel once the current transaction has committed. */
  void sendAfterCommit(long noticeId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      dispatch(noticeId);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            try {
              dispatch(noticeId);
            } catch (RuntimeException e) {
              // never the step's problem: the sweep sends it later
              log.warn(
                  "notice {} not handed to the channel after commit: {}", noticeId, e.toString());
            }
          }
        });
  }

  /** Claims, sends and marks one notice; true when this call sent it. */
  boolean dispatch(long noticeId) {
    Instant now = clock.instant();
    Integer claimed =
        fresh.execute(
            s ->
                jdbc.update(
                    "UPDATE casefile_notice SET delivery_state = 'SENDING', claimed_at = ?,"
                        + " delivery_attempts = delivery_attempts + 1 WHERE id = ?"
                        + " AND (delivery_state = 'PENDING'"
                        + " OR (delivery_state = 'SENDING' AND claimed_at < ?))",
                    Timestamp.from(now),
                    noticeId,
                    Timestamp.from(now.minus(claimTimeout))));
    if (claimed == null || claimed == 0) {
      return false;
    }
    try {
      fresh.executeWithoutResult(
          s -> {
            channel.send(load(noticeId));
            jdbc.update(
                "UPDATE casefile_notice SET delivery_state = 'SENT', delivered_at = ?,"
                    + " delivery_error = NULL WHERE id = ?",
                Timestamp.from(clock.instant()),
                noticeId);
          });
      log.info("notice {} sent through {}", noticeId, channel.name());
      return true;
    } catch (RuntimeException e) {
      String error = e.toString();
      log.warn("notice {} not sent through {}: {}", noticeId, channel.name(), error);
      fresh.executeWithoutResult(
          s ->
              jdbc.update(
                  "UPDATE casefile_notice SET delivery_error = ?, delivery_state ="
                      + " IF(delivery_attempts >= ?, 'FAILED', 'PENDING') WHERE id = ?",
                  error.length() > 500 ? error.substring(0, 500) : error,
                  maxAttempts,
                  noticeId));
      return false;
    }
  }

  /** Notices left PENDING (channel down, node stopped after commit) or stuck in SENDING. */
  @Scheduled(
      fixedDelayString = "${casework.notices.sweep-interval:PT1M}",
      initialDelayString = "${casework.notices.sweep-initial-delay:PT1M}")
  void sweep() {
    List<Long> due =
        jdbc.queryForList(
            "SELECT id FROM casefile_notice WHERE delivery_state = 'PENDING'"
                + " OR (delivery_state = 'SENDING' AND claimed_at < ?) ORDER BY id LIMIT 200",
            Long.class,
            Timestamp.from(clock.instant().minus(claimTimeout)));
    int sent = 0;
    for (long id : due) {
      try {
        sent += dispatch(id) ? 1 : 0;
      } catch (RuntimeException e) {
        log.warn("notice {} not dispatched by the sweep: {}", id, e.toString());
      }
    }
    if (!due.isEmpty()) {
      log.info("notice sweep: {} of {} waiting notices sent", sent, due.size());
    }
  }

  private OutgoingNotice load(long noticeId) {
    return jdbc.queryForObject(
        "SELECT n.id, c.case_number, c.applicant_person_id, n.title, n.text, n.sent_at"
            + " FROM casefile_notice n JOIN casefile_case c ON c.id = n.case_id WHERE n.id = ?",
        (rs, i) ->
            new OutgoingNotice(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant()),
        noticeId);
  }
}
