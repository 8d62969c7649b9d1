package org.casework.sla;

import java.time.Instant;

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
