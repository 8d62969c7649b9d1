package org.casework.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On a schedule ({@code casework.audit.verify-interval}): looks for history lines without their
 * audit entry (reported as gaps), then recomputes the whole chain against the key and the last
 * checkpoint. The result is kept for the red banner on the cockpit and the auditors' page.
 */
@Component
class AuditWatch {

  private static final Logger log = LoggerFactory.getLogger(AuditWatch.class);

  private final AuditService audit;
  private final HistoryGaps gaps;

  AuditWatch(AuditService audit, HistoryGaps gaps) {
    this.audit = audit;
    this.gaps = gaps;
  }

  @Scheduled(
      fixedDelayString = "${casework.audit.verify-interval:PT6H}",
      initialDelayString = "${casework.audit.verify-initial-delay:PT2M}")
  void scheduled() {
    try {
      gaps.reportMissing();
      var v = audit.verify();
      log.info("audit chain verified: {} entries, intact={}", v.entriesChecked(), v.intact());
    } catch (RuntimeException e) {
      log.error("scheduled audit verification failed to run", e);
    }
  }
}
