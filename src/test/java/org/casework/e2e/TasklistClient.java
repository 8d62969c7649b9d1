package org.casework.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Tasklist 8.6 v1 API as a caseworker's browser uses it: one session per user (form login, session
 * cookie, CSRF token from the login's {@code X-CSRF-TOKEN} response header, sent back on every
 * POST/PATCH).
 */
final class TasklistClient {

  /** Engine → Tasklist import lag is 5–12 s; a little more on a busy 2-core machine. */
  static final Duration IMPORT_WAIT = Duration.ofSeconds(90);

  private final String baseUrl;
  private final String username;
  private final ObjectMapper json;
  private final HttpClient http;
  private final String csrfToken;

  private TasklistClient(
      String baseUrl, String username, ObjectMapper json, HttpClient http, String csrfToken) {
    this.baseUrl = baseUrl;
    this.username = username;
    this.json = json;
    this.http = http;
    this.csrfToken = csrfToken;
  }

  /** Logs in; empty if Tasklist refuses the login (wrong password, user not (yet) provisioned). */
  static Optional<TasklistClient> tryLogin(
      String baseUrl, String username, String password, ObjectMapper json) {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            http,
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/login"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (response.statusCode() != 200 && response.statusCode() != 204) {
      return Optional.empty();
    }
    String csrf = response.headers().firstValue("X-CSRF-TOKEN").orElse("");
    return Optional.of(new TasklistClient(baseUrl, username, json, http, csrf));
  }

  static TasklistClient login(String baseUrl, String username, String password, ObjectMapper json) {
    return tryLogin(baseUrl, username, password, json)
        .orElseThrow(() -> new AssertionError("Tasklist login as " + username + " refused"));
  }

  String username() {
    return username;
  }

  // ------------------------------------------------------------------------------- tasks

  /**
   * {@code POST /v1/tasks/search} with the given filter (values as Tasklist wants them: keys as
   * strings).
   */
  List<JsonNode> search(Map<String, Object> filter) {
    JsonNode result = call("POST", "/v1/tasks/search", filter, 200);
    List<JsonNode> tasks = new ArrayList<>();
    result.forEach(tasks::add);
    return tasks;
  }

  /** Open tasks of one process instance at one element. */
  List<JsonNode> openTasks(long processInstanceKey, String taskDefinitionId) {
    return search(
        Map.of(
            "processInstanceKey",
            String.valueOf(processInstanceKey),
            "taskDefinitionId",
            taskDefinitionId,
            "state",
            "CREATED",
            "pageSize",
            50));
  }

  /**
   * Waits (import lag) until exactly one open task of the instance stands at the element and it
   * matches.
   */
  JsonNode awaitOpenTask(
      long processInstanceKey, String taskDefinitionId, Predicate<JsonNode> accept) {
    AtomicReference<JsonNode> found = new AtomicReference<>();
    Awaitility.await(
            "open task " + taskDefinitionId + " of instance " + processInstanceKey + " in Tasklist")
        .atMost(IMPORT_WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptionsInstanceOf(UncheckedIOException.class)
        .until(
            () -> {
              List<JsonNode> open = openTasks(processInstanceKey, taskDefinitionId);
              if (open.size() == 1 && accept.test(open.getFirst())) {
                found.set(open.getFirst());
                return true;
              }
              return false;
            });
    return found.get();
  }

  JsonNode awaitOpenTask(long processInstanceKey, String taskDefinitionId) {
    return awaitOpenTask(processInstanceKey, taskDefinitionId, t -> true);
  }

  JsonNode task(String taskId) {
    return call("GET", "/v1/tasks/" + taskId, null, 200);
  }

  /** Claims the task for this user, as the 「领取」 button does. */
  JsonNode assignToMe(String taskId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("assignee", username);
    body.put("allowOverrideAssignment", true);
    JsonNode task = call("PATCH", "/v1/tasks/" + taskId + "/assign", body, 200);
    assertThat(task.path("assignee").asText()).isEqualTo(username);
    return task;
  }

  /**
   * Completes the task with the form's values; each value travels as JSON text, as the form sends
   * it.
   */
  JsonNode complete(String taskId, Map<String, Object> variables) {
    List<Map<String, String>> vars = new ArrayList<>();
    variables.forEach((name, value) -> vars.add(Map.of("name", name, "value", toJson(value))));
    JsonNode task =
        call("PATCH", "/v1/tasks/" + taskId + "/complete", Map.of("variables", vars), 200);
    assertThat(task.path("taskState").asText()).isEqualTo("COMPLETED");
    return task;
  }

  /** Claim and complete, as a caseworker does it in the browser. */
  JsonNode claimAndComplete(JsonNode task, Map<String, Object> variables) {
    String id = task.path("id").asText();
    assignToMe(id);
    return complete(id, variables);
  }

  /**
   * The task's variables by name, each parsed from its JSON text ({@code POST
   * /v1/tasks/{id}/variables/search}).
   */
  Map<String, JsonNode> variables(String taskId, String... names) {
    JsonNode result =
        call(
            "POST",
            "/v1/tasks/" + taskId + "/variables/search",
            Map.of("variableNames", List.of(names)),
            200);
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode v : result) {
      String text =
          v.path("value").isNull() ? v.path("previewValue").asText() : v.path("value").asText();
      try {
        byName.put(v.path("name").asText(), json.readTree(text));
      } catch (JsonProcessingException e) {
        throw new AssertionError(
            "variable " + v.path("name").asText() + " is not JSON: " + text, e);
      }
    }
    return byName;
  }

  /**
   * Waits (import lag) until the task's variable {@code name} is in Tasklist and matches: Tasklist
   * imports variables and tasks separately, so a task can be listed a moment before its variables.
   */
  JsonNode awaitVariable(String taskId, String name, Predicate<JsonNode> matches) {
    return Awaitility.await("variable " + name + " of task " + taskId + " in Tasklist")
        .atMost(IMPORT_WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> variables(taskId, name).get(name), v -> v != null && matches.test(v));
  }

  // ------------------------------------------------------------------------------- forms

  /**
   * {@code GET /v1/forms/{formId}?processDefinitionKey=…[&version=…]}: the linked form as Tasklist
   * renders it.
   */
  JsonNode form(String formId, String processDefinitionKey, String version) {
    String path =
        "/v1/forms/"
            + URLEncoder.encode(formId, StandardCharsets.UTF_8)
            + "?processDefinitionKey="
            + processDefinitionKey
            + (version == null || version.isBlank() || "null".equals(version)
                ? ""
                : "&version=" + version);
    return call("GET", path, null, 200);
  }

  // ------------------------------------------------------------------------------- HTTP

  private JsonNode call(String method, String path, Object body, int expectedStatus) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json")
            .header("X-CSRF-TOKEN", csrfToken);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
    }
    HttpResponse<String> response = send(http, request.build());
    if (response.statusCode() != expectedStatus) {
      throw new AssertionError(
          "Tasklist "
              + method
              + " "
              + path
              + " as "
              + username
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    try {
      return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new AssertionError(
          "Tasklist " + method + " " + path + " answered no JSON: " + response.body(), e);
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(
          request.method() + " " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
