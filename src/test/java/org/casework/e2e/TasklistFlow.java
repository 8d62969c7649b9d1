package org.casework.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casework.security.StaffSession;
import org.casework.security.StaffSession.Answer;
import org.casework.support.UserTasks;

/**
 * The steps the end-to-end tests share: a case's task found in a user's 本组待办 filter, claimed and
 * its form submitted through Tasklist's own API, and the case read back through the app's API. The
 * engine's due jobs run ({@link UserTasks#idle}) before a task is looked for or a case read.
 */
final class TasklistFlow {

  /** The demo staff's password (src/main/resources/demo/staff.csv). */
  static final String PASSWORD = "demo123";

  private final UserTasks tasks;
  private final int port;
  private final ObjectMapper json;

  TasklistFlow(UserTasks tasks, int port, ObjectMapper json) {
    this.tasks = tasks;
    this.port = port;
    this.json = json;
  }

  /** The member of staff, logged in through the app's login form. */
  StaffSession login(String username) {
    return StaffSession.login(port, json, username, PASSWORD);
  }

  /** The case's open task at {@code elementId} in the user's 本组待办 filter (their groups). */
  JsonNode inGroupFilter(StaffSession user, String caseNumber, String elementId) {
    return inFilter(user, "本组待办", caseNumber, elementId);
  }

  /** The case's open task at {@code elementId} in the user's 我的待办 filter (assigned to them). */
  JsonNode inMyFilter(StaffSession user, String caseNumber, String elementId) {
    return inFilter(user, "我的待办", caseNumber, elementId);
  }

  JsonNode inFilter(StaffSession user, String filter, String caseNumber, String elementId) {
    return inFilter(user, filter, Map.of("processInstanceBusinessKey", caseNumber), elementId);
  }

  /** The tasks of a process whose variable {@code caseNumber} names the case (not its key). */
  static Map<String, Object> byCaseVariable(String caseNumber) {
    return Map.of(
        "processVariables",
        List.of(Map.of("name", "caseNumber", "operator", "eq", "value", caseNumber)));
  }

  /** The one open task at {@code elementId} that {@code query} lists in the user's filter. */
  JsonNode inFilter(StaffSession user, String filter, Map<String, Object> query, String elementId) {
    tasks.idle();
    String filterId = null;
    for (JsonNode f : user.tasklistGet("/filter?resourceType=Task").json()) {
      if (f.path("name").asText().equals(filter)) {
        filterId = f.path("id").asText();
      }
    }
    assertThat(filterId).as("filter %s for %s", filter, user.username()).isNotNull();
    Answer listed =
        user.tasklistPost("/filter/" + filterId + "/list?firstResult=0&maxResults=200", query);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    List<JsonNode> found = new ArrayList<>();
    listed
        .json()
        .forEach(
            t -> {
              if (t.path("taskDefinitionKey").asText().equals(elementId)) {
                found.add(t);
              }
            });
    assertThat(found)
        .as("%s (%s) in %s's %s: %s", elementId, query, user.username(), filter, listed.body())
        .hasSize(1);
    return found.get(0);
  }

  /** Finds the task in the user's 本组待办, claims it and submits its form with {@code values}. */
  JsonNode claimAndSubmit(
      StaffSession user, String caseNumber, String elementId, Map<String, Object> values) {
    JsonNode task = inGroupFilter(user, caseNumber, elementId);
    claimAndSubmit(user, task, values);
    return task;
  }

  static void claimAndSubmit(StaffSession user, JsonNode task, Map<String, Object> values) {
    Answer claimed =
        user.tasklistPost("/task/" + id(task) + "/claim", Map.of("userId", user.username()));
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    submit(user, task, values);
  }

  /** Submits the form of a task already assigned to the user. */
  static void submit(StaffSession user, JsonNode task, Map<String, Object> values) {
    Answer submitted =
        user.tasklistPost("/task/" + id(task) + "/submit-form", StaffSession.variables(values));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
  }

  JsonNode caseDetail(StaffSession user, String number) {
    tasks.idle();
    Answer detail = user.get("/api/cases/" + number);
    assertThat(detail.status()).as(detail.body()).isEqualTo(200);
    return detail.json();
  }

  static List<String> candidateGroups(StaffSession user, JsonNode task) {
    List<String> groups = new ArrayList<>();
    user.tasklistGet("/task/" + id(task) + "/identity-links?type=candidate")
        .json()
        .forEach(l -> groups.add(l.path("groupId").asText()));
    return groups;
  }

  /** The users the case history names as having completed a task, in order. */
  static List<String> completedBy(JsonNode caseDetail) {
    List<String> actors = new ArrayList<>();
    caseDetail
        .path("history")
        .forEach(
            h -> {
              if (h.path("action").asText().startsWith("完成任务")) {
                actors.add(h.path("actor").asText());
              }
            });
    return actors;
  }

  static String status(JsonNode caseDetail) {
    return caseDetail.path("caseFile").path("status").asText();
  }

  static String id(JsonNode task) {
    return task.path("id").asText();
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }
}
