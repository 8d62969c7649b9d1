package org.casework.casefile.internal;

import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryEntry;
import org.casework.clocks.ClockRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every legal-clock operation into the case history, synchronously in the operation's
 * transaction: a clock change without its history line cannot commit. (clocks cannot call the case
 * file itself: it sits below casefile, which uses it for due dates.)
 */
@Component
class ClockHistoryListener {

  private final CaseFiles caseFiles;

  ClockHistoryListener(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @EventListener
  void on(ClockRecorded event) {
    if (!org.casework.casefile.CaseNumber.isCaseNumber(event.caseNumber())) {
      // a clock of work without a case (a contact task): its own module keeps its record
      return;
    }
    caseFiles.record(
        event.caseNumber(),
        new HistoryEntry(
            event.at(),
            event.actor(),
            event.actorRole(),
            event.action(),
            event.outcome(),
            event.reason(),
            event.stepKey()));
  }
}
