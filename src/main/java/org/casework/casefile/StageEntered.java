package org.casework.casefile;

import java.time.Instant;

/**
 * A case entered a process stage; {@code dueAt} is null where the stage has no legal period, {@code
 * followUpAt} is the stage clock's second warning point (Tasklist's follow-up date).
 */
public record StageEntered(
    String caseNumber,
    String stage,
    String stageLabel,
    CaseStatus status,
    Instant dueAt,
    Instant followUpAt) {}
