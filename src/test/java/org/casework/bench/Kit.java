package org.casework.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Shared plumbing of the benchmark ({@link HardshipBench}) and the fault suite ({@link
 * FaultSuite}): the app as a separate OS process, HTTP with JSON, Tasklist sessions, the engine's
 * exported records in OpenSearch, Operate, MariaDB counts and /proc figures. Not a test.
 */
final class Kit {

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  static final String TASKLIST = "http://localhost:8080";
  static final String SEARCH = "http://localhost:9200";
  static final String GRPC = "http://localhost:26500";
  static final String PASSWORD = "demo123";
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Kit() {}

  static void log(String fmt, Object... args) {
    System.out.println(
        "[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(fmt, args));
    System.out.flush();
  }

  static String prop(String name, String def) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) {
      v = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
    }
    return v == null || v.isBlank() ? def : v;
  }

  /** The machine's 1-minute load average (other work competing for the 2 cores). */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static boolean await(Duration max, long pollMs, BooleanSupplier condition) {
    long until = System.currentTimeMillis() + max.toMillis();
    while (System.currentTimeMillis() < until) {
      try {
        if (condition.getAsBoolean()) {
          return true;
        }
      } catch (RuntimeException e) {
        // not yet
      }
      sleep(pollMs);
    }
    return false;
  }

  // ---------------------------------------------------------------- HTTP

  record Answer(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("no JSON: " + body, e);
      }
    }
  }

  static Answer call(HttpClient http, String method, String url, Object body, String... headers) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json");
      for (int i = 0; i + 1 < headers.length; i += 2) {
        b.header(headers[i], headers[i + 1]);
      }
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .method(
                method,
                HttpRequest.BodyPublishers.ofString(
                    body instanceof String s ? s : JSON.writeValueAsString(body)));
      }
      HttpResponse<String> r =
          http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      return new Answer(-1, e.toString(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- Tasklist / Operate session

  /** A browser-like session on Tasklist/Operate (same JVM, same login, CSRF header). */
  static final class Session {
    final String user;
    private final HttpClient http;
    private final String csrf;

    private Session(String user, HttpClient http, String csrf) {
      this.user = user;
      this.http = http;
      this.csrf = csrf;
    }

    static Session login(String user, String password) {
      HttpClient http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      try {
        String form =
            "username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(TASKLIST + "/api/login"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
          throw new IllegalStateException("login " + user + " answered " + r.statusCode());
        }
        return new Session(user, http, r.headers().firstValue("X-CSRF-TOKEN").orElse(""));
      } catch (IOException e) {
        throw new IllegalStateException("login " + user + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    Answer call(String method, String path, Object body) {
      return Kit.call(http, method, TASKLIST + path, body, "X-CSRF-TOKEN", csrf);
    }

    List<JsonNode> tasks(Map<String, Object> filter) {
      Answer a = call("POST", "/v1/tasks/search", filter);
      if (a.status() != 200) {
        throw new IllegalStateException("task search answered " + a.status() + ": " + a.body());
      }
      List<JsonNode> out = new ArrayList<>();
      a.json().forEach(out::add);
      return out;
    }

    /** One task as Tasklist shows it ({@code GET /v1/tasks/{id}}). */
    JsonNode task(String taskId) {
      Answer a = call("GET", "/v1/tasks/" + taskId, null);
      if (a.status() != 200) {
        throw new IllegalStateException("task " + taskId + " answered " + a.status());
      }
      return a.json();
    }

    Answer assign(String taskId, boolean override) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("assignee", user);
      body.put("allowOverrideAssignment", override);
      return call("PATCH", "/v1/tasks/" + taskId + "/assign", body);
    }

    Answer complete(String taskId, Map<String, Object> variables) {
      List<Map<String, String>> vars = new ArrayList<>();
      variables.forEach((k, v) -> vars.add(Map.of("name", k, "value", toJson(v))));
      return call("PATCH", "/v1/tasks/" + taskId + "/complete", Map.of("variables", vars));
    }

    /** Operate: process instances by key ({@code POST /v1/process-instances/search}). */
    JsonNode instance(long key) {
      Answer a = call("GET", "/v1/process-instances/" + key, null);
      return a.status() == 200 ? a.json() : null;
    }

    List<JsonNode> incidents(long processInstanceKey) {
      Answer a =
          call(
              "POST",
              "/v1/incidents/search",
              Map.of("filter", Map.of("processInstanceKey", processInstanceKey), "size", 50));
      List<JsonNode> out = new ArrayList<>();
      if (a.status() == 200) {
        a.json().path("items").forEach(out::add);
      }
      return out;
    }
  }

  static String toJson(Object v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  // ---------------------------------------------------------------- exported engine records

  /**
   * Job records of the given instances from OpenSearch ({@code zeebe-record_job_*}), in log order.
   */
  static List<JsonNode> jobRecords(Collection<Long> instances, List<String> intents) {
    List<JsonNode> out = new ArrayList<>();
    List<Long> keys = new ArrayList<>(instances);
    for (int from = 0; from < keys.size(); from += 5000) {
      List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + 5000));
      Object after = null;
      while (true) {
        ObjectNode q = JSON.createObjectNode();
        q.put("size", 5000);
        q.set(
            "query",
            JSON.valueToTree(
                Map.of(
                    "bool",
                    Map.of(
                        "filter",
                        List.of(
                            Map.of("terms", Map.of("intent", intents)),
                            Map.of("terms", Map.of("value.processInstanceKey", chunk)))))));
        q.set("sort", JSON.valueToTree(List.of(Map.of("position", "asc"))));
        if (after != null) {
          q.set("search_after", JSON.valueToTree(after));
        }
        Answer a = call(HTTP, "POST", SEARCH + "/zeebe-record_job_*/_search", q);
        if (a.status() != 200) {
          throw new IllegalStateException("OpenSearch answered " + a.status() + ": " + a.body());
        }
        JsonNode hits = a.json().path("hits").path("hits");
        if (hits.isEmpty()) {
          break;
        }
        hits.forEach(h -> out.add(h.path("_source")));
        after = JSON.convertValue(hits.get(hits.size() - 1).path("sort"), List.class);
        if (hits.size() < 5000) {
          break;
        }
      }
    }
    return out;
  }

  static void refreshRecords() {
    call(HTTP, "POST", SEARCH + "/zeebe-record_job_*/_refresh", null);
  }

  // ---------------------------------------------------------------- MariaDB

  static Connection db(String schema) throws SQLException {
    String host = prop("casework.db.host", "127.0.0.1");
    return DriverManager.getConnection(
        "jdbc:mysql://"
            + host
            + ":3306/"
            + schema
            + "?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC",
        prop("casework.db.user", "root"),
        prop("casework.db.password", ""));
  }

  static void resetSchema(String schema) throws SQLException {
    try (Connection c = db("");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
      s.execute(
          "CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
  }

  static long count(Connection c, String sql, Object... args) {
    try (var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Exact row counts of every table in the schema. */
  static Map<String, Long> rowCounts(Connection c, String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (var ps =
        c.prepareStatement(
            "select table_name from information_schema.tables where table_schema = ?"
                + " and table_type = 'BASE TABLE'")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    Map<String, Long> counts = new TreeMap<>();
    for (String t : tables) {
      counts.put(t, count(c, "select count(*) from `" + schema + "`.`" + t + "`"));
    }
    return counts;
  }

  // ---------------------------------------------------------------- /proc

  static final long HZ = 100;

  /** utime + stime of a process in clock ticks, -1 if gone. */
  static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static long rssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return 0;
  }

  /** Pid of a stack component from its pid file under the stack home. */
  static long stackPid(String component) {
    Path home = Path.of(prop("casework.stack.home", ".casework/bench-stack"));
    Path file =
        "camunda".equals(component)
            ? home.resolve("camunda/camunda.pid")
            : home.resolve("opensearch/opensearch.pid");
    try {
      return Long.parseLong(Files.readString(file).trim());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static double percentile(List<Long> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Long> s = new ArrayList<>(values);
    s.sort(null);
    int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
    return s.get(Math.max(0, Math.min(s.size() - 1, i)));
  }
}
