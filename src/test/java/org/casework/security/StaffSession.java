package org.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A member of staff's browser session against the running app: logged in through the app's login
 * form (one session cookie), then the app's JSON API, the REST API {@code /engine-rest} and
 * Tasklist's own API ({@code /operaton/api/engine}) with the tokens each expects, as the pages and
 * Tasklist send them. Redirects are not followed, so a test sees them.
 */
public final class StaffSession {

  /** Where Tasklist's engine API lives (the web apps' path + their REST API for engine default). */
  public static final String TASKLIST_API = "/operaton/api/engine/engine/default";

  private static final Pattern CSRF_INPUT =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

  private final String base;
  private final ObjectMapper json;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String username;

  public record Answer(int status, String body, HttpResponse<String> raw, ObjectMapper mapper) {
    public JsonNode json() {
      try {
        return mapper.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    public String location() {
      return raw.headers().firstValue("Location").orElse(null);
    }
  }

  public StaffSession(int port, ObjectMapper json) {
    this.base = "http://localhost:" + port;
    this.json = json;
  }

  public static StaffSession anonymous(int port, ObjectMapper json) {
    return new StaffSession(port, json);
  }

  /** Logs in through the app's login form, as a person does. */
  public static StaffSession login(int port, ObjectMapper json, String username, String password) {
    StaffSession s = new StaffSession(port, json);
    String token = s.csrfTokenOf(s.get("/login"));
    Answer answer =
        s.send(
            HttpRequest.newBuilder(s.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(Map.of("username", username, "password", password, "_csrf", token)))));
    assertThat(answer.status()).as("login of %s", username).isEqualTo(302);
    assertThat(answer.location()).as("login of %s", username).doesNotContain("/login?");
    s.username = username;
    return s;
  }

  public String username() {
    return username;
  }

  public Answer get(String path) {
    return send(
        HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html").GET());
  }

  /** A JSON POST to the app's API or {@code /engine-rest}, with the session's CSRF token. */
  public Answer post(String path, Object body) {
    String token = csrfTokenOf(get("/login"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-CSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** A JSON POST as Tasklist sends it: to its own API, with Operaton's XSRF cookie as header. */
  public Answer tasklistPost(String path, Object body) {
    if (!cookies.containsKey("XSRF-TOKEN")) {
      get(TASKLIST_API + "/task/count");
    }
    return send(
        HttpRequest.newBuilder(uri(TASKLIST_API + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))
            // a browser names the page's origin on every POST; Operaton's CSRF filter checks it
            .header("Origin", base)
            .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** A form POST as the web apps' login form sends it (with the page's origin, or without). */
  public Answer webappForm(String path, Map<String, String> fields, boolean withOrigin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    if (withOrigin) {
      request.header("Origin", base);
    }
    return send(request);
  }

  public Answer tasklistGet(String path) {
    return get(TASKLIST_API + path);
  }

  /** REST variables as Tasklist submits them: {"name": {"value": v}}. */
  public static Map<String, Object> variables(Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return Map.of("variables", variables);
  }

  private String csrfTokenOf(Answer page) {
    Matcher m = CSRF_INPUT.matcher(page.body());
    assertThat(m.find()).as("CSRF token on %s", page.raw().uri()).isTrue();
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private Answer send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      List<String> setCookies = response.headers().allValues("Set-Cookie");
      for (String c : setCookies) {
        String pair = c.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
      return new Answer(response.statusCode(), response.body(), response, json);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private String write(Object body) {
    try {
      return body instanceof String s ? s : json.writeValueAsString(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
