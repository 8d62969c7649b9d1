package org.casework.clocks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A legal clock as a case page or a worker sees it.
 *
 * @param remainingDays days of the clock's unit left after today until the due day (negative when
 *     breached; counted up to the pause while paused)
 */
public record ClockView(
    long id,
    String caseNumber,
    String clockKey,
    String stage,
    String stageLabel,
    int policyVersion,
    int periodAmount,
    PeriodUnit periodUnit,
    ClockState state,
    Instant startedAt,
    Instant warnFirstAt,
    Instant warnSecondAt,
    Instant dueAt,
    LocalDate dueDay,
    int pausedDays,
    int extendedDays,
    AlertLevel alertLevel,
    Instant stoppedAt,
    int remainingDays,
    List<Pause> pauses,
    List<Extension> extensions) {

  public record Pause(String reason, Instant pausedAt, Instant resumedAt, int daysAdded) {}

  public record Extension(
      int days, String reason, String approver, Instant at, Instant dueBefore, Instant dueAfter) {}
}
