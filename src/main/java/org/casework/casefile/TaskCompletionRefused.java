package org.casework.casefile;

import java.time.Instant;
import java.util.List;

/**
 * Someone tried to complete a user task they may not complete (outside its candidate groups or
 * region, not its assigned officer, or with variables its form does not have), or a programme's
 * {@link CompletionRule} refused it ({@code rule}: the refusal's code, null otherwise); the
 * completion was refused. Published synchronously, so it is recorded although the completion is
 * rolled back.
 */
public record TaskCompletionRefused(
    String caseNumber,
    String regionCode,
    Instant at,
    String username,
    String userGroup,
    String elementId,
    List<String> candidateGroups,
    String reason,
    String rule) {

  /** A refusal by the task's groups, its assignee or its form (no programme rule). */
  public TaskCompletionRefused(
      String caseNumber,
      String regionCode,
      Instant at,
      String username,
      String userGroup,
      String elementId,
      List<String> candidateGroups,
      String reason) {
    this(caseNumber, regionCode, at, username, userGroup, elementId, candidateGroups, reason, null);
  }
}
