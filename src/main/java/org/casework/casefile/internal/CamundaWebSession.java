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

/**
 * A logged-in session on the Camunda 8.6 web apps (Tasklist and Operate share one login on the same
 * host without Identity): form login as the service user, the session cookie and the CSRF token the
 * login answers with; logs in again once when the session has expired.
 */
final class CamundaWebSession {

  private final TasklistProperties props;
  private final ObjectMapper json;
  private final String app;
  private final HttpClient http;
  private volatile String csrfToken;

  /**
   * @param app the name used in error messages ("Tasklist", "Operate")
   */
  CamundaWebSession(TasklistProperties props, ObjectMapper json, String app) {
    this.props = props;
    this.json = json;
    this.app = app;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** POSTs {@code body} as JSON and answers the parsed reply; any status but 200 is an error. */
  JsonNode post(String path, Object body) {
    try {
      String text = json.writeValueAsString(body);
      return read(path, send(path, text), text);
    } catch (IOException e) {
      throw new IllegalStateException(app + " unreachable: " + e.getMessage(), e);
    }
  }

  /** GETs {@code path}; empty (null) when the app answers 404. */
  JsonNode get(String path) {
    HttpResponse<String> response = send(path, null);
    if (response.statusCode() == 404) {
      return null;
    }
    return read(path, response, null);
  }

  private JsonNode read(String path, HttpResponse<String> response, String body) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          app + " " + path + " answered " + response.statusCode() + ": " + abbreviate(body));
    }
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(app + " " + path + " answered no JSON", e);
    }
  }

  private HttpResponse<String> send(String path, String body) {
    try {
      if (csrfToken == null) {
        login();
      }
      HttpResponse<String> response = once(path, body);
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        login();
        response = once(path, body);
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(app + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private HttpResponse<String> once(String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(props.url() + path))
            .timeout(Duration.ofSeconds(10))
            .header("X-CSRF-TOKEN", csrfToken == null ? "" : csrfToken);
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
          app + " login as " + props.username() + " answered " + response.statusCode());
    }
    csrfToken = response.headers().firstValue("X-CSRF-TOKEN").orElse("");
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
