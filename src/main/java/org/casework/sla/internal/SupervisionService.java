package org.casework.sla.internal;

import java.time.Clock;
import java.time.Instant;
import org.casework.sla.ClockRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The steps of the supervision (督办) process: officer notice and the supervisor's note. */
@Service
class SupervisionService {

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SupervisionService(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  void notifyOfficer(ClockWorkers.SupervisionVariables in, String stepKey) {
    Instant now = clock.instant();
    String recipient = in.officer() == null || in.officer().isBlank() ? "（未指定经办人）" : in.officer();
    String text =
        "案件 "
            + in.caseNumber()
            + " 的“"
            + in.stageLabel()
            + "”已超过办理期限（"
            + in.dueAtText()
            + "），已提请 "
            + in.supervisorGroup()
            + " 督办，请尽快办理并说明原因。";
    int inserted =
        jdbc.update(
            "insert ignore into sla_officer_notice (case_number, recipient, text, step_key,"
                + " created_at) values (?, ?, ?, ?, ?)",
            in.caseNumber(),
            recipient,
            text,
            stepKey,
            java.sql.Timestamp.from(now));
    if (inserted == 1) {
      events.publishEvent(
          new ClockRecorded(
              in.caseNumber(),
              now,
              ClockService.SYSTEM,
              "SYSTEM",
              "超期督办：" + in.stageLabel(),
              "已提请督办并通知经办人",
              "督办组 " + in.supervisorGroup() + "；经办人 " + recipient,
              "sla:" + stepKey));
    }
  }

  @Transactional
  void recordSupervision(ClockWorkers.SupervisionVariables in, String stepKey) {
    events.publishEvent(
        new ClockRecorded(
            in.caseNumber(),
            clock.instant(),
            in.supervisorGroup(),
            "SUPERVISOR",
            "督办意见：" + in.stageLabel(),
            "已督办",
            in.supervisionNote(),
            "sla:" + stepKey));
  }
}
