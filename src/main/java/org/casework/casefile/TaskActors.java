package org.casework.casefile;

import java.util.Optional;

/**
 * Who completed a user task. With job-based user tasks the engine does not know the user; Tasklist
 * does (its import lags the engine by seconds), so an empty answer means "not yet".
 */
public interface TaskActors {

  Optional<String> completedBy(long processInstanceKey, String elementId);
}
