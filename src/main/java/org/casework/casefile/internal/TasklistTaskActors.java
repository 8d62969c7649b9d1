package org.casework.casefile.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

  private final TasklistProperties props;
  private final ObjectMapper json;
  private final HttpClient http;
  private volatile String csrfToken;

  TasklistTaskActors(TasklistProperties props, ObjectMapper json) {
    this.props = props;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @Override
  public Optional<String> completedBy(
      long processInstanceKey, String elementId, int instanceNumber) {
    try {
      HttpResponse<String> response = searchWithLogin(processInstanceKey, elementId, "COMPLETED");
      // Instances in the order the engine created them (task id = job key, increasing). Until
      // Tasklist has imported the instance asked for and shows it completed, the answer is "not
      // yet" — never an earlier instance's user.
      List<JsonNode> instances = new ArrayList<>();
      json.readTree(response.body()).forEach(instances::add);
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
    } catch (IOException e) {
      throw new IllegalStateException("Tasklist unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * The states (CREATED, COMPLETED, CANCELED) of every task instance of {@code elementId} in the
   * process instance that Tasklist has imported so far.
   */
  @Override
  public List<String> taskStates(long processInstanceKey, String elementId) {
    try {
      HttpResponse<String> response = searchWithLogin(processInstanceKey, elementId, null);
      List<String> states = new ArrayList<>();
      json.readTree(response.body()).forEach(t -> states.add(t.path("taskState").asText()));
      return states;
    } catch (IOException e) {
      throw new IllegalStateException("Tasklist unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
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
    try {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("state", state);
      query.put("pageSize", size);
      query.put("sort", List.of(Map.of("field", sortField, "order", "ASC")));
      if (after != null) {
        query.put("searchAfter", after);
      }
      String body = json.writeValueAsString(query);
      if (csrfToken == null) {
        login();
      }
      HttpResponse<String> response = post(body);
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        login();
        response = post(body);
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Tasklist search answered " + response.statusCode());
      }
      List<TaskSnapshot> tasks = new ArrayList<>();
      for (JsonNode t : json.readTree(response.body())) {
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
    } catch (IOException e) {
      throw new IllegalStateException("Tasklist unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(props.url() + "/v1/tasks/search"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-CSRF-TOKEN", csrfToken == null ? "" : csrfToken)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> searchWithLogin(
      long processInstanceKey, String elementId, String state)
      throws IOException, InterruptedException {
    if (csrfToken == null) {
      login();
    }
    HttpResponse<String> response = search(processInstanceKey, elementId, state);
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      login();
      response = search(processInstanceKey, elementId, state);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Tasklist search answered " + response.statusCode());
    }
    return response;
  }

  private HttpResponse<String> search(long processInstanceKey, String elementId, String state)
      throws IOException, InterruptedException {
    Map<String, Object> query = new java.util.LinkedHashMap<>();
    query.put("processInstanceKey", String.valueOf(processInstanceKey));
    query.put("taskDefinitionId", elementId);
    if (state != null) {
      query.put("state", state);
    }
    query.put("pageSize", 50);
    String body = json.writeValueAsString(query);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(props.url() + "/v1/tasks/search"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-CSRF-TOKEN", csrfToken == null ? "" : csrfToken)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private synchronized void login() throws IOException, InterruptedException {
    String form =
        "username="
            + URLEncoder.encode(props.username(), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(props.password(), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(props.url() + "/api/login"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          "Tasklist login as " + props.username() + " answered " + response.statusCode());
    }
    csrfToken = response.headers().firstValue("X-CSRF-TOKEN").orElse("");
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
