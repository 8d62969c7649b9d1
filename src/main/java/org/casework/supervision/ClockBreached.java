package org.casework.supervision;

import java.time.Instant;

/**
 * A legal clock passed its due time: what the supervision (督办) process starts with.
 *
 * @param supervisorGroup the supervisors one level above the level that does the work
 * @param officer the officer handling the case (notified), may be null
 */
public record ClockBreached(
    String caseNumber,
    String clockKey,
    String stageLabel,
    Instant dueAt,
    Instant breachedAt,
    String supervisorGroup,
    String officer,
    Instant supervisionDue) {}
