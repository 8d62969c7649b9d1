package org.casework.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.casework.casefile.TaskAssignments;

/**
 * Stands in for Tasklist's task list (v1 search) in tests: the test claims, unclaims and completes
 * tasks as Tasklist users would. Like Tasklist it keeps only each task's current assignee;
 * completed tasks come in completion order with increasing sort values, and {@code searchAfter} is
 * honoured, so a reader that resumes from a saved position sees only what it has not read.
 */
public class ScriptedTasklist implements TaskAssignments {

  private record Task(String id, long pik, String elementId, String name) {}

  private final Map<String, Task> tasks = new ConcurrentHashMap<>();
  private final Map<String, String> assignees = new ConcurrentHashMap<>();
  private final List<String> open = new CopyOnWriteArrayList<>();
  private final List<String> completedInOrder = new CopyOnWriteArrayList<>();
  private final Map<String, Instant> completedAt = new ConcurrentHashMap<>();
  private final List<List<String>> completedQueries = new CopyOnWriteArrayList<>();

  public void create(String id, long processInstanceKey, String elementId, String name) {
    tasks.put(id, new Task(id, processInstanceKey, elementId, name));
    open.add(id);
  }

  public void assign(String id, String username) {
    assignees.put(id, username);
  }

  public void unassign(String id) {
    assignees.remove(id);
  }

  public void complete(String id) {
    open.remove(id);
    completedInOrder.add(id);
    completedAt.put(id, Instant.now());
  }

  /** The {@code searchAfter} of every completed-task query, in order. */
  public List<List<String>> completedQueries() {
    return completedQueries;
  }

  public void reset() {
    tasks.clear();
    assignees.clear();
    open.clear();
    completedInOrder.clear();
    completedAt.clear();
    completedQueries.clear();
  }

  @Override
  public List<TaskSnapshot> open(List<String> searchAfter, int size) {
    int from = searchAfter == null ? 0 : Integer.parseInt(searchAfter.getFirst());
    List<TaskSnapshot> page = new ArrayList<>();
    for (int i = from; i < open.size() && page.size() < size; i++) {
      page.add(snapshot(open.get(i), false, i + 1));
    }
    return page;
  }

  @Override
  public List<TaskSnapshot> completed(List<String> searchAfter, int size) {
    completedQueries.add(searchAfter);
    int from = searchAfter == null ? 0 : Integer.parseInt(searchAfter.getFirst());
    List<TaskSnapshot> page = new ArrayList<>();
    for (int i = from; i < completedInOrder.size() && page.size() < size; i++) {
      page.add(snapshot(completedInOrder.get(i), true, i + 1));
    }
    return page;
  }

  private TaskSnapshot snapshot(String id, boolean completed, int position) {
    Task t = tasks.get(id);
    return new TaskSnapshot(
        id,
        t.pik(),
        t.elementId(),
        t.name(),
        assignees.get(id),
        completed,
        completed ? completedAt.get(id) : null,
        List.of(String.valueOf(position)));
  }
}
