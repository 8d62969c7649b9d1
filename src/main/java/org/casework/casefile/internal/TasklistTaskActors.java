package org.casework.casefile.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casework.casefile.TaskActors;
import org.casework.casefile.TaskAssignments;
import org.springframework.stereotype.Component;

/**
 * Asks Tasklist (v1 API, session login as a service user) who completed the latest instance of a
 * task. Tasklist keeps the assignee after completion.
 */
@Component
class TasklistTaskActors implements TaskActors, TaskAssignments {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(TasklistTaskActors.class);

  private final CamundaWebSession tasklist;

  TasklistTaskActors(TasklistProperties props, ObjectMapper json) {
    this.tasklist = new CamundaWebSession(props, json, "Tasklist");
  }

  @Override
  public Optional<String> completedBy(
      long processInstanceKey, String elementId, int instanceNumber) {
    // Instances in the order the engine created them (task id = job key, increasing). Until
    // Tasklist has imported the instance asked for and shows it completed, the answer is "not
    // yet" — never an earlier instance's user.
    List<JsonNode> instances = search(processInstanceKey, elementId, "COMPLETED");
    instances.sort(Comparator.comparingLong(t -> Long.parseLong(t.path("id").asText("0"))));
    if (log.isDebugEnabled()) {
      log.debug(
          "Tasklist has {} instance(s) of {} in {}, asked for #{}",
          instances.size(),
          elementId,
          processInstanceKey,
          instanceNumber);
    }
    if (instances.size() < instanceNumber) {
      return Optional.empty();
    }
    JsonNode task = instances.get(instanceNumber - 1);
    if (!"COMPLETED".equals(task.path("taskState").asText())
        || task.path("assignee").isNull()
        || task.path("assignee").asText().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(task.path("assignee").asText());
  }

  /**
   * The states (CREATED, COMPLETED, CANCELED) of every task instance of {@code elementId} in the
   * process instance that Tasklist has imported so far.
   */
  @Override
  public List<String> taskStates(long processInstanceKey, String elementId) {
    List<String> states = new ArrayList<>();
    search(processInstanceKey, elementId, null)
        .forEach(t -> states.add(t.path("taskState").asText()));
    return states;
  }

  @Override
  public List<TaskSnapshot> open(List<String> searchAfter, int size) {
    return page("CREATED", "creationTime", searchAfter, size);
  }

  @Override
  public List<TaskSnapshot> completed(List<String> searchAfter, int size) {
    return page("COMPLETED", "completionTime", searchAfter, size);
  }

  private List<TaskSnapshot> page(String state, String sortField, List<String> after, int size) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("state", state);
    query.put("pageSize", size);
    query.put("sort", List.of(Map.of("field", sortField, "order", "ASC")));
    if (after != null) {
      query.put("searchAfter", after);
    }
    List<TaskSnapshot> tasks = new ArrayList<>();
    for (JsonNode t : tasklist.post("/v1/tasks/search", query)) {
      List<String> sortValues = new ArrayList<>();
      t.path("sortValues").forEach(v -> sortValues.add(v.asText()));
      String completedAt = t.path("completionDate").asText(null);
      tasks.add(
          new TaskSnapshot(
              t.path("id").asText(),
              Long.parseLong(t.path("processInstanceKey").asText("0")),
              t.path("taskDefinitionId").asText(),
              t.path("name").asText(null),
              t.path("assignee").isNull() ? null : t.path("assignee").asText(null),
              "COMPLETED".equals(t.path("taskState").asText()),
              completedAt == null || completedAt.isBlank() ? null : tasklistTime(completedAt),
              List.copyOf(sortValues)));
    }
    return tasks;
  }

  private List<JsonNode> search(long processInstanceKey, String elementId, String state) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("processInstanceKey", String.valueOf(processInstanceKey));
    query.put("taskDefinitionId", elementId);
    if (state != null) {
      query.put("state", state);
    }
    query.put("pageSize", 50);
    List<JsonNode> tasks = new ArrayList<>();
    tasklist.post("/v1/tasks/search", query).forEach(tasks::add);
    return tasks;
  }

  /**
   * Tasklist 8.6 writes offsets without a colon ({@code 2026-11-23T23:06:37.359+0000}), which the
   * ISO parser refuses; both forms are read.
   */
  static java.time.Instant tasklistTime(String text) {
    return java.time.OffsetDateTime.parse(text, TASKLIST_TIME).toInstant();
  }

  private static final java.time.format.DateTimeFormatter TASKLIST_TIME =
      new java.time.format.DateTimeFormatterBuilder()
          .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();
}
