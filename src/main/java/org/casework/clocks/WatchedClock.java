package org.casework.clocks;

import java.time.Instant;

/**
 * A clock as the deadline watch sees it: which case and stage it times, whose region and level do
 * the work, who handles the case, when it is due.
 *
 * @param stage {@link DeadlinePolicy#CASE} or the BPMN element id of the stage
 * @param regionCode the case's township: region of the calendar and of the supervisors
 * @param workLevel VILLAGE, TOWNSHIP or COUNTY: a breach escalates one level up
 * @param officer the officer handling the case, may be null
 */
public record WatchedClock(
    long id,
    String caseNumber,
    String clockKey,
    String stage,
    String stageLabel,
    String regionCode,
    String workLevel,
    String officer,
    Instant dueAt) {}
