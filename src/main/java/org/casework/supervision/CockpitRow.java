package org.casework.supervision;

import java.time.Instant;
import org.casework.clocks.AlertLevel;
import org.casework.clocks.ClockState;
import org.casework.clocks.PeriodUnit;

/** One open clock in the cockpit; {@code link} opens the case history. */
public record CockpitRow(
    String caseNumber,
    String kind,
    String caseType,
    String caseTypeLabel,
    String townshipCode,
    String townshipName,
    String stage,
    String stageLabel,
    String officer,
    ClockState state,
    AlertLevel alertLevel,
    boolean breached,
    Instant startedAt,
    Instant dueAt,
    int remainingDays,
    PeriodUnit periodUnit,
    int extensions,
    int pausedDays,
    String link) {}
