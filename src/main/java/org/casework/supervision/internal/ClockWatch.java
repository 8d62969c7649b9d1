package org.casework.supervision.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.StageActivity;
import org.casework.clocks.AlertLevel;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.Clocks;
import org.casework.clocks.PeriodUnit;
import org.casework.clocks.WatchedClock;
import org.casework.common.Formats;
import org.casework.supervision.ClockBreached;
import org.casework.supervision.Escalation;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warnings and breaches by a scheduler rather than BPMN boundary timers: pauses and extensions move
 * a clock's points after the task was created, and a whole-case clock spans many tasks, so the
 * points live in sla_clock (indexed) and are re-checked every minute. Each level is raised once per
 * clock (alert level + history step key + sla_clock_alert unique key). A breach starts the
 * supervision process by its start message in the transaction that marks the alert escalated: both
 * are committed together or not at all (then the next pass tries again), and the instance's
 * business key names the breach, so one breach never gets a second supervision.
 */
@Component
class ClockWatch {

  static final String BREACH_MESSAGE = "sla.clock-breached";
  static final String SUPERVISION_PROCESS = "sla-supervision";
  private static final Logger log = LoggerFactory.getLogger(ClockWatch.class);

  private final Clocks clocks;
  private final CaseFiles caseFiles;
  private final JdbcTemplate jdbc;
  private final BusinessCalendar calendar;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final int supervisionDays;

  ClockWatch(
      Clocks clocks,
      CaseFiles caseFiles,
      JdbcTemplate jdbc,
      BusinessCalendar calendar,
      RuntimeService runtime,
      HistoryService history,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${casework.sla.supervision-working-days:3}") int supervisionDays) {
    this.clocks = clocks;
    this.caseFiles = caseFiles;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.runtime = runtime;
    this.history = history;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.supervisionDays = supervisionDays;
  }

  @Scheduled(
      fixedDelayString = "${casework.sla.watch-interval:PT1M}",
      initialDelayString = "${casework.sla.watch-initial-delay:PT30S}")
  void scheduled() {
    scan();
  }

  /**
   * One pass: raise due alerts, then escalate the breaches not escalated yet. Returns alerts
   * raised.
   */
  int scan() {
    Instant now = clock.instant();
    int raised = 0;
    for (WatchedClock c : clocks.alertsDue(now)) {
      try {
        if (stageEnded(c)) {
          continue;
        }
        Optional<AlertLevel> level = clocks.raiseAlert(c.id(), now);
        if (level.isPresent()) {
          raised++;
          jdbc.update(
              "insert ignore into sla_clock_alert (clock_id, level, raised_at, due_at)"
                  + " values (?, ?, ?, ?)",
              c.id(),
              level.get().name(),
              java.sql.Timestamp.from(now),
              java.sql.Timestamp.from(c.dueAt()));
        }
      } catch (RuntimeException e) {
        log.warn("alert for clock {} failed, next pass retries: {}", c.id(), e.toString());
      }
    }
    escalate(now);
    return raised;
  }

  /**
   * A stage clock whose task has ended without its end listener (an interrupting event, a cancelled
   * instance) is withdrawn instead of warned about. Only an answer of ENDED stops it: when the
   * engine cannot tell, the alert goes out, since a missed breach is worse than a spurious one.
   */
  private boolean stageEnded(WatchedClock c) {
    if (Clocks.CASE_CLOCK.equals(c.clockKey()) || c.stage() == null) {
      return false;
    }
    if (caseFiles.stageActivity(c.caseNumber(), c.stage()) != StageActivity.ENDED) {
      return false;
    }
    log.info(
        "case {}: task of stage {} has ended, clock {} withdrawn",
        c.caseNumber(),
        c.stage(),
        c.clockKey());
    clocks.withdraw(c.caseNumber(), c.clockKey(), "该环节的任务已结束（被取消或流程终止）", "SYSTEM");
    return true;
  }

  /** How many open breaches one query fetches; a pass walks them all, a page at a time. */
  static final int ESCALATION_PAGE = 100;

  /**
   * Escalates every open breach, oldest first, a page at a time by id (keyset): a breach whose
   * escalation keeps failing is retried on the next pass but never holds back the ones after it,
   * however long the backlog.
   */
  private void escalate(Instant now) {
    long after = 0;
    while (true) {
      List<Map<String, Object>> open =
          jdbc.queryForList(
              "select a.id alert_id, a.clock_id, a.raised_at from sla_clock_alert a"
                  + " where a.level = 'BREACH' and a.escalated_at is null and a.id > ?"
                  + " order by a.id limit "
                  + ESCALATION_PAGE,
              after);
      for (Map<String, Object> row : open) {
        long alertId = ((Number) row.get("alert_id")).longValue();
        after = alertId;
        try {
          transaction.executeWithoutResult(
              tx ->
                  escalate(
                      alertId,
                      ((Number) row.get("clock_id")).longValue(),
                      (java.util.Date) row.get("raised_at"),
                      now));
        } catch (RuntimeException e) {
          log.warn("escalating breach {} failed, next pass retries: {}", alertId, e.toString());
        }
      }
      if (open.size() < ESCALATION_PAGE) {
        return;
      }
    }
  }

  /**
   * Marks the alert escalated and starts its supervision, in one transaction. The update locks the
   * alert, so a concurrent pass (another node) waits and then finds it done; an instance already
   * started for this breach (its business key) is not started again.
   */
  private void escalate(long alertId, long clockId, java.util.Date raisedAt, Instant now) {
    if (!markEscalated(alertId, now)) {
      return;
    }
    WatchedClock c = clocks.watched(clockId);
    String breachId = breachKey(c, raisedAt);
    long started =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(SUPERVISION_PROCESS)
            .processInstanceBusinessKey(breachId)
            .count();
    if (started > 0) {
      log.info(
          "case {}: breach of {} already has its supervision {}, now recorded as escalated",
          c.caseNumber(),
          c.clockKey(),
          breachId);
      return;
    }
    ClockBreached breach = breach(c, now);
    ProcessInstance instance =
        runtime
            .createMessageCorrelation(BREACH_MESSAGE)
            .processInstanceBusinessKey(breachId)
            .setVariables(variables(breach))
            .correlateStartMessage();
    log.info(
        "case {}: breach of {} escalated to {} (supervision {})",
        c.caseNumber(),
        c.clockKey(),
        breach.supervisorGroup(),
        instance.getId());
  }

  private boolean markEscalated(long alertId, Instant now) {
    return jdbc.update(
            "update sla_clock_alert set escalated_at = ? where id = ? and escalated_at is null",
            java.sql.Timestamp.from(now),
            alertId)
        == 1;
  }

  /**
   * The supervision's business key: the same for every attempt at one breach (a retry cannot start
   * a second supervision), and different for another breach even when a restored or re-created
   * database hands out the same clock id and case number again: case, clock and the second the
   * breach was raised.
   */
  static String breachKey(WatchedClock c, java.util.Date raisedAt) {
    return "breach:"
        + c.caseNumber()
        + ":"
        + c.clockKey()
        + ":"
        + raisedAt.toInstant().getEpochSecond();
  }

  ClockBreached breach(WatchedClock c, Instant now) {
    Instant supervisionDue =
        calendar.dueInstant(
            c.regionCode(), Formats.chinaDate(now), supervisionDays, PeriodUnit.WORKING_DAYS);
    return new ClockBreached(
        c.caseNumber(),
        c.clockKey(),
        c.stageLabel(),
        c.dueAt(),
        now,
        Escalation.supervisorGroup(c.workLevel(), c.regionCode()),
        c.officer(),
        supervisionDue);
  }

  private static Map<String, Object> variables(ClockBreached b) {
    Map<String, Object> v = new java.util.HashMap<>();
    v.put("caseNumber", b.caseNumber());
    v.put("clockKey", b.clockKey());
    v.put("stageLabel", b.stageLabel());
    v.put("dueAtText", Formats.dateTime(b.dueAt()));
    v.put("supervisorGroup", b.supervisorGroup());
    v.put("officer", b.officer() == null ? "" : b.officer());
    // a Date: the 督办 task's camunda:dueDate takes it as it is
    v.put("supervisionDue", java.util.Date.from(b.supervisionDue()));
    return v;
  }
}
