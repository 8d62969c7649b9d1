package org.casework.casefile;

import java.time.Instant;
import java.util.List;

/**
 * Tasklist's tasks as it keeps them: for each task only its current (or, once completed, last)
 * assignee — Tasklist 8.6 keeps no history of claims. Pages come in a stable order (open tasks by
 * creation, completed tasks by completion time) and each task carries its sort values, so a reader
 * can resume after the last task it processed.
 */
public interface TaskAssignments {

  /** Open tasks ({@code CREATED}) by creation time, after {@code searchAfter} (null = first). */
  List<TaskSnapshot> open(List<String> searchAfter, int size);

  /** Completed tasks by completion time, after {@code searchAfter} (null = first). */
  List<TaskSnapshot> completed(List<String> searchAfter, int size);

  record TaskSnapshot(
      String id,
      long processInstanceKey,
      String elementId,
      String name,
      String assignee,
      boolean completed,
      Instant completedAt,
      List<String> sortValues) {}
}
