package org.casework.petition.internal;

import java.time.Instant;
import org.casework.casefile.CaseType;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.Clocks;
import org.casework.clocks.DeadlinePolicy;
import org.casework.common.Formats;
import org.springframework.stereotype.Component;

/**
 * Petition periods read from the sla deadline policy (V73: decision 15 days, review request 30
 * days, ...) and counted on the business calendar of the case's region: the start day does not
 * count, a period ending on a day off ends on the next working day.
 */
@Component
class PetitionDeadlines {

  static final String DECISION = "Task_AcceptanceDecision";
  static final String HANDLING = "HANDLING";
  static final String REVIEW_REQUEST = "REVIEW_REQUEST";
  static final String REREVIEW_REQUEST = "REREVIEW_REQUEST";

  private final Clocks clocks;
  private final BusinessCalendar calendar;

  PetitionDeadlines(Clocks clocks, BusinessCalendar calendar) {
    this.clocks = clocks;
    this.calendar = calendar;
  }

  DeadlinePolicy policy(String stage, String townshipCode) {
    return clocks.currentPolicy(CaseType.PETITION.name(), townshipCode).stream()
        .filter(p -> p.stage().equals(stage))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no PETITION policy row for " + stage));
  }

  /**
   * The last moment (23:59:59 Asia/Shanghai) of the period {@code stage} starting at {@code from}.
   */
  Instant due(String stage, String townshipCode, Instant from) {
    DeadlinePolicy p = policy(stage, townshipCode);
    return calendar.dueInstant(
        townshipCode, Formats.chinaDate(from), p.periodAmount(), p.periodUnit());
  }
}
