package org.casework.support;

import java.util.List;
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
  private final Map<String, List<String>> statesByElement = new ConcurrentHashMap<>();

  public void completes(String elementId, String username) {
    byElement.put(elementId, username);
  }

  /** What the task list reports of the instances of {@code elementId} (CREATED, CANCELED…). */
  public void taskStates(String elementId, String... states) {
    statesByElement.put(elementId, List.of(states));
  }

  public void reset() {
    byElement.clear();
    statesByElement.clear();
  }

  @Override
  public List<String> taskStates(long processInstanceKey, String elementId) {
    return statesByElement.getOrDefault(elementId, List.of());
  }

  @Override
  public Optional<String> completedBy(
      long processInstanceKey, String elementId, int instanceNumber) {
    return Optional.ofNullable(byElement.get(elementId));
  }
}
