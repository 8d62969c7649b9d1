package org.casework.casefile;

import java.time.Instant;
import java.util.List;

/**
 * Someone tried to complete a user task they may not complete (outside its candidate groups or
 * region, not its assigned officer, or with variables its form does not have); the completion was
 * refused. Published synchronously, so it is recorded although the completion is rolled back.
 */
public record TaskCompletionRefused(
    String caseNumber,
    String regionCode,
    Instant at,
    String username,
    String userGroup,
    String elementId,
    List<String> candidateGroups,
    String reason) {}
