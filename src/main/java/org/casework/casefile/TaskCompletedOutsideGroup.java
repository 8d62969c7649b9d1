package org.casework.casefile;

import java.time.Instant;
import java.util.List;

/**
 * A Tasklist user completed a task although their role and region are not in its candidate group;
 * the case is held for review and the supervisors are told.
 */
public record TaskCompletedOutsideGroup(
    String caseNumber,
    String regionCode,
    Instant at,
    String username,
    String userGroup,
    String elementId,
    List<String> candidateGroups,
    List<String> supervisorsNotified) {}
