package org.casework.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the driver talks to: one or more nodes of one app. User tasks are driven the same way on
 * both sides, through the engine's REST API as Tasklist's user would: list the open tasks of a
 * kind, claim one, submit its form's variables.
 */
abstract class Target {

  /** The three officers of the short path and the task each one does. */
  enum Role {
    VILLAGE("lixiaohong", "Task_VillageVerification"),
    REVIEW("zhangwei", "Task_TownshipReview"),
    APPROVAL("liuyang", "Task_TownshipHeadApproval");

    final String user;
    final String taskKey;

    Role(String user, String taskKey) {
      this.user = user;
      this.taskKey = taskKey;
    }
  }

  /** A task as listed by GET /engine-rest/task, and when the driver first saw it. */
  record Task(String id, String processInstanceId, String created, long seenNanos) {}

  /** The amount on the short path: ≤ the township limit (2400) and < the publicity threshold. */
  static final int AMOUNT = 500;

  final String name;
  final List<Map<Role, Http>> nodes = new ArrayList<>();
  final List<Long> pids = new ArrayList<>();
  private final AtomicInteger roundRobin = new AtomicInteger();

  /**
   * Only tasks created after the target was set up (a second before, as the engine keeps whole
   * seconds): not the demo cases' tasks that casework's demo data opens at start-up.
   */
  private final String since =
      java.net.URLEncoder.encode(
          java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
              .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1)),
          java.nio.charset.StandardCharsets.UTF_8);

  Target(String name) {
    this.name = name;
  }

  abstract String database();

  /** Opens a case (casework: files an application; bare: starts an instance); its business key. */
  abstract String file(long seq) throws Exception;

  Map<Role, Http> node() {
    return nodes.get(Math.floorMod(roundRobin.getAndIncrement(), nodes.size()));
  }

  List<Task> openTasks(Role role) throws Exception {
    Http h = node().get(role);
    HttpResponse<String> r =
        h.get(
            "/engine-rest/task?taskDefinitionKey="
                + role.taskKey
                + "&unassigned=true&createdAfter="
                + since
                + "&sortBy=created&sortOrder=asc&maxResults=100");
    Http.expect(r, "GET /engine-rest/task as " + role.user, 200);
    List<Task> tasks = new ArrayList<>();
    for (JsonNode t : h.json(r)) {
      tasks.add(
          new Task(
              t.get("id").asText(),
              t.get("processInstanceId").asText(),
              t.path("created").asText(),
              System.nanoTime()));
    }
    return tasks;
  }

  void claim(Map<Role, Http> node, Role role, String taskId) throws Exception {
    Http h = node.get(role);
    Http.expect(
        h.postJson("/engine-rest/task/" + taskId + "/claim", Map.of("userId", role.user)),
        "claim as " + role.user,
        204);
  }

  void submit(Map<Role, Http> node, Role role, String taskId) throws Exception {
    Http h = node.get(role);
    Http.expect(
        h.postJson("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", form(role))),
        "submit-form as " + role.user,
        200,
        204);
  }

  /** The variables each form submits, typed as Tasklist sends them. */
  static Map<String, Object> form(Role role) {
    Map<String, Object> v = new LinkedHashMap<>();
    switch (role) {
      case VILLAGE -> {
        v.put("verificationConfirmed", typed("true", "String"));
        v.put("verificationFindings", typed("入户核实：情况属实（基准测试）", "String"));
      }
      case REVIEW -> {
        v.put("reviewDecision", typed("ACCEPT", "String"));
        v.put("recommendedAmount", typed(AMOUNT, "Double"));
        v.put("reviewReason", typed("材料齐全，符合条件（基准测试）", "String"));
      }
      case APPROVAL -> {
        v.put("approvalDecision", typed("APPROVE", "String"));
        v.put("approvalReason", typed("同意（基准测试）", "String"));
      }
    }
    return v;
  }

  static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  /** casework: the real app, filing through its JSON API as zhangwei, each officer logged in. */
  static final class Casework extends Target {

    Casework() {
      super("casework");
    }

    @Override
    String database() {
      return "casework_bench";
    }

    void addNode(String base) throws Exception {
      Map<Role, Http> sessions = new LinkedHashMap<>();
      for (Role r : Role.values()) {
        Http h = new Http(base, r.user);
        h.formLogin("demo123");
        sessions.put(r, h);
      }
      nodes.add(sessions);
    }

    @Override
    String file(long seq) throws Exception {
      Http h = node().get(Role.REVIEW); // zhangwei files and reviews
      Map<String, Object> applicant = new LinkedHashMap<>();
      applicant.put("idNumber", idNumber(seq));
      applicant.put("name", "测试申请人" + seq);
      applicant.put("category", "VETERAN");
      applicant.put("townshipCode", "350502001");
      applicant.put("villageCode", "350502001001");
      applicant.put("address", "基准测试地址" + seq + "号");
      applicant.put("householdMembers", List.of());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("applicant", applicant);
      body.put("cause", "ILLNESS");
      body.put("description", "基准测试申请 " + seq);
      body.put("amountRequested", AMOUNT);
      body.put("monthlyIncome", 500);
      body.put("emergency", false);
      HttpResponse<String> r = h.postJson("/api/hardship/applications", body);
      Http.expect(r, "filing as zhangwei", 201);
      return h.json(r).get("caseNumber").asText();
    }

    /** A valid resident ID number (GB 11643) per sequence number, all different. */
    static String idNumber(long seq) {
      LocalDate born = LocalDate.of(1950, 1, 1).plusDays(seq / 499);
      String first17 =
          "350502" + born.toString().replace("-", "") + String.format("%03d", (seq % 499) * 2 + 1);
      return first17 + org.casework.registry.IdNumber.checkCharacter(first17);
    }
  }

  /** Bare Operaton: start by REST, no login, authorization off. */
  static final class Bare extends Target {

    Bare() {
      super("bare Operaton");
    }

    @Override
    String database() {
      return "casework_bench_bare";
    }

    void addNode(String base) {
      Map<Role, Http> sessions = new LinkedHashMap<>();
      for (Role r : Role.values()) {
        sessions.put(r, new Http(base, r.user));
      }
      nodes.add(sessions);
    }

    @Override
    String file(long seq) throws Exception {
      String key = "BENCH-" + seq;
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("caseNumber", typed(key, "String"));
      vars.put("emergency", typed(false, "Boolean"));
      vars.put("reviewOutcome", typed("ACCEPT", "String"));
      vars.put("amount", typed(AMOUNT, "Double"));
      vars.put("townshipLimit", typed(2400, "Double"));
      vars.put("countersignThreshold", typed(10000, "Double"));
      vars.put("publicityThreshold", typed(1000, "Double"));
      Http h = node().get(Role.REVIEW);
      HttpResponse<String> r =
          h.postJson(
              "/engine-rest/process-definition/key/hardship-assistance/start",
              Map.of("businessKey", key, "variables", vars));
      Http.expect(r, "start", 200);
      return key;
    }
  }
}
