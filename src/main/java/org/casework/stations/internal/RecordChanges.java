package org.casework.stations.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.PersonRecordAccessed;
import org.casework.jurisdiction.RegionScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Corrections of training and volunteer records (edit, delete, void): the reason they need, their
 * append-only history ({@code stations_record_change}, in the caller's transaction) and their audit
 * entry (written once the correction has committed, so a rolled-back one leaves none).
 */
@Component
class RecordChanges {

  private static final Logger log = LoggerFactory.getLogger(RecordChanges.class);

  enum Kind {
    COURSE("培训"),
    ATTENDANCE("参训记录"),
    ACTIVITY("志愿服务活动");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  enum Action {
    EDIT("修改"),
    DELETE("删除"),
    VOID("作废");

    final String label;

    Action(String label) {
      this.label = label;
    }
  }

  private final JdbcTemplate jdbc;
  private final AuditLog audit;
  private final Clock clock;

  RecordChanges(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The reason of a correction, stripped; blank or over 500 characters is refused. */
  static String reason(String reason, Action action) {
    return Texts.required(reason, 500, "STATION_CHANGE_REASON", action.label + "须写明理由（不超过500字）");
  }

  /** Appends the history row now and the audit entry after commit. */
  void record(
      Kind kind,
      long recordId,
      String regionCode,
      Action action,
      String oldValue,
      String newValue,
      String reason,
      RegionScope scope) {
    Instant now = clock.instant();
    jdbc.update(
        "insert into stations_record_change (record_kind, record_id, region_code, action,"
            + " old_value, new_value, reason, changed_by, changed_at) values (?,?,?,?,?,?,?,?,?)",
        kind.name(),
        recordId,
        regionCode,
        action.name(),
        cut(oldValue),
        cut(newValue),
        reason,
        scope.username(),
        Timestamp.from(now));
    PersonRecordAccessed entry =
        new PersonRecordAccessed(
            AuditKind.STATION_RECORD_CHANGE,
            now,
            scope.username(),
            scope.role().name(),
            regionCode,
            action.label + kind.label,
            kind.name() + "-" + recordId,
            "理由：" + reason);
    log.info("stations: {} {} {} by {} ({})", action, kind, recordId, scope.username(), reason);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              audit.record(entry);
            }
          });
    } else {
      audit.record(entry);
    }
  }

  /** The history of one record, oldest first: "action|reason|who". */
  java.util.List<String> history(Kind kind, long recordId) {
    return jdbc.queryForList(
        "select concat(action, '|', reason, '|', changed_by) from stations_record_change where"
            + " record_kind = ? and record_id = ? order by id",
        String.class,
        kind.name(),
        recordId);
  }

  private static String cut(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }
}
