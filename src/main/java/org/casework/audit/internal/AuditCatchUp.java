package org.casework.audit.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseHistoryAppended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * At start-up, appends the case history lines the log does not have yet: history written before the
 * audit module existed (an upgraded database), or a line whose event was lost, so every case's
 * timeline is complete. It reads all history in pages of 500 and looks each page up in one query.
 * Live lines arrive through events; appending is idempotent per line, so a race is harmless.
 */
@Component
class AuditCatchUp {

  private static final Logger log = LoggerFactory.getLogger(AuditCatchUp.class);
  private static final int PAGE = 500;

  private final AuditRepository entries;
  private final AuditListeners listeners;
  private final CaseFiles caseFiles;

  AuditCatchUp(AuditRepository entries, AuditListeners listeners, CaseFiles caseFiles) {
    this.entries = entries;
    this.listeners = listeners;
    this.caseFiles = caseFiles;
  }

  @Async
  @EventListener(ApplicationReadyEvent.class)
  public void catchUp() {
    long appended = appendMissing();
    if (appended > 0) {
      log.info("audit log caught up with {} earlier case history lines", appended);
    }
  }

  /** Appends every history line the log lacks; returns how many. */
  long appendMissing() {
    long after = 0;
    long appended = 0;
    List<CaseHistoryAppended> page;
    do {
      page = caseFiles.historyAfter(after, PAGE);
      Set<String> present =
          new HashSet<>(
              entries.presentSourceKeys(
                  page.stream().map(l -> AuditListeners.sourceKey(l)).toList()));
      for (CaseHistoryAppended line : page) {
        if (!present.contains(AuditListeners.sourceKey(line))) {
          listeners.append(line);
          appended++;
        }
        after = line.historyId();
      }
    } while (page.size() == PAGE);
    return appended;
  }
}
