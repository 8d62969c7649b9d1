package org.casework.casefile;

import java.util.List;
import java.util.Optional;

/**
 * Who completed a user task. With job-based user tasks the engine does not know the user; Tasklist
 * does (its import lags the engine by seconds), so an empty answer means "not yet".
 */
public interface TaskActors {

  /**
   * Who completed the {@code instanceNumber}-th instance (1 = first) of the user task {@code
   * elementId} in the process instance; empty while Tasklist does not yet show it completed.
   */
  Optional<String> completedBy(long processInstanceKey, String elementId, int instanceNumber);

  /**
   * The states ({@code CREATED}, {@code COMPLETED}, {@code CANCELED}) of the instances of the user
   * task {@code elementId} in the process instance that the task list knows so far; empty when it
   * knows none (or cannot tell).
   */
  default List<String> taskStates(long processInstanceKey, String elementId) {
    return List.of();
  }
}
