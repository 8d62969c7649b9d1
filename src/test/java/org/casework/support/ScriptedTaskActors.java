package org.casework.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who completes each user task in a process test, as a Tasklist user would: {@link UserTasks} logs
 * in as that member of staff (their groups) before it claims and completes the task.
 */
public class ScriptedTaskActors {

  private final Map<String, String> byElement = new ConcurrentHashMap<>();

  public void completes(String elementId, String username) {
    byElement.put(elementId, username);
  }

  public void reset() {
    byElement.clear();
  }

  /** The user scripted for {@code elementId}. */
  public String of(String elementId) {
    String user = byElement.get(elementId);
    if (user == null) {
      throw new IllegalStateException("no user scripted to complete " + elementId);
    }
    return user;
  }
}
