package org.casework.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.casework.casefile.TaskActors;

/**
 * Stands in for Tasklist in process tests (there is no Tasklist beside the in-memory engine): the
 * test says who completes each task, as a Tasklist user would.
 */
public class ScriptedTaskActors implements TaskActors {

  private final Map<String, String> byElement = new ConcurrentHashMap<>();

  public void completes(String elementId, String username) {
    byElement.put(elementId, username);
  }

  public void reset() {
    byElement.clear();
  }

  @Override
  public Optional<String> completedBy(
      long processInstanceKey, String elementId, int instanceNumber) {
    return Optional.ofNullable(byElement.get(elementId));
  }
}
