package org.casework.audit.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.casework.audit.AuditKind;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseHistoryAppended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * At start-up (and with every scheduled verification), finds case history lines that have no audit
 * entry and whose event is not waiting in the event publication registry either: a line that
 * appeared around the app (written straight into the database, or history from before the audit
 * module). Such a line is NOT sealed into the log as if it had been recorded: a {@code HISTORY_GAP}
 * entry reports it (once per line) and auditors see it on their page. Lines whose event is still
 * outstanding are left to the registry, which delivers them.
 */
@Component
class HistoryGaps {

  private static final Logger log = LoggerFactory.getLogger(HistoryGaps.class);
  private static final int PAGE = 500;

  private final AuditRepository entries;
  private final AuditService audit;
  private final CaseFiles caseFiles;
  private final JdbcTemplate jdbc;

  HistoryGaps(AuditRepository entries, AuditService audit, CaseFiles caseFiles, JdbcTemplate jdbc) {
    this.entries = entries;
    this.audit = audit;
    this.caseFiles = caseFiles;
    this.jdbc = jdbc;
  }

  @Async
  @EventListener(ApplicationReadyEvent.class)
  public void atStartUp() {
    audit.anchorLegacySegment();
    long gaps = reportMissing();
    if (gaps > 0) {
      log.warn("audit log: {} case history lines have no audit entry (reported as gaps)", gaps);
    }
  }

  /** Reports every history line without an audit entry or outstanding event; returns how many. */
  long reportMissing() {
    long after = 0;
    long reported = 0;
    List<CaseHistoryAppended> page;
    do {
      page = caseFiles.historyAfter(after, PAGE);
      List<String> keys = new java.util.ArrayList<>();
      for (CaseHistoryAppended l : page) {
        keys.add(AuditListeners.sourceKey(l));
        keys.add(gapKey(l));
      }
      Set<String> present =
          new HashSet<>(keys.isEmpty() ? List.of() : entries.presentSourceKeys(keys));
      for (CaseHistoryAppended line : page) {
        after = line.historyId();
        if (present.contains(AuditListeners.sourceKey(line)) || present.contains(gapKey(line))) {
          continue;
        }
        if (eventOutstanding(line.historyId())
            || entries.existsBySourceKey(AuditListeners.sourceKey(line))) {
          continue; // delivered by the registry, or it just was
        }
        audit.appendNow(
            new AuditRecord(
                gapKey(line),
                AuditKind.HISTORY_GAP,
                line.caseNumber(),
                line.regionCode(),
                line.at(),
                line.actor(),
                line.actorRole(),
                "办理记录缺少审计记录：" + line.action(),
                "缺口（未补记）",
                "办理记录 #" + line.historyId() + " 出现时没有对应的审计记录（直接写入数据库，或早于审计模块）；其内容未经审计链证明，未予补记"));
        reported++;
      }
    } while (page.size() == PAGE);
    return reported;
  }

  private boolean eventOutstanding(long historyId) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
                + " AND event_type LIKE '%CaseHistoryAppended'"
                + " AND serialized_event LIKE CONCAT('{\"historyId\":', ?, ',%')",
            Long.class, historyId);
    return n != null && n > 0;
  }

  static String gapKey(CaseHistoryAppended line) {
    return "gap:history:" + line.historyId();
  }
}
