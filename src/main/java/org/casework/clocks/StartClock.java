package org.casework.clocks;

import java.time.Instant;

/**
 * Starts a legal clock once per (case, clock key). The period comes from the deadline policy of the
 * case's policy version; {@code defaultAmount}/{@code defaultUnit} apply only where no policy row
 * exists for the stage (null = no clock then).
 *
 * @param clockKey {@link Clocks#CASE_CLOCK} or {@code stage:<element instance key>}
 * @param townshipCode the case's township (9 digits): region of the calendar, policy and cockpit
 * @param officer the officer handling the case (notified on a breach), may be null
 * @param stage {@link DeadlinePolicy#CASE} or the BPMN element id of the stage
 */
public record StartClock(
    String caseNumber,
    String clockKey,
    String caseType,
    String townshipCode,
    String stage,
    String stageLabel,
    Instant at,
    String actor,
    String officer,
    Integer defaultAmount,
    PeriodUnit defaultUnit) {}
