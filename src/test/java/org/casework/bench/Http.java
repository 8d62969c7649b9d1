package org.casework.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser-like HTTP session: its own cookie jar (session cookie), the CSRF token of the page it
 * last read, HTTP/1.1 keep-alive connections like a browser's.
 */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"_csrf\"");

  final String base;
  final String user;
  private final HttpClient client;
  private volatile String csrf;

  Http(String base, String user) {
    this.base = base;
    this.user = user;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * The app's form login as a browser does it: the login page (session + CSRF token), the form
   * post, then a page of the app for the token of the logged-in session (Spring Security renews it
   * at login).
   */
  void formLogin(String password) throws IOException, InterruptedException {
    formLogin(password, "/cases");
  }

  /**
   * As {@link #formLogin(String)}, reading the CSRF token from {@code landing} (a page the role may
   * open).
   */
  void formLogin(String password, String landing) throws IOException, InterruptedException {
    HttpResponse<String> page = get("/login");
    csrf = token(page.body());
    String form =
        Map.of("username", user, "password", password, "_csrf", csrf).entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> posted =
        send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    String to = posted.headers().firstValue("Location").orElse("");
    if (posted.statusCode() != 302 || to.contains("/login")) {
      throw new IllegalStateException(
          "login of " + user + " failed: HTTP " + posted.statusCode() + " -> " + to);
    }
    HttpResponse<String> cases = get(landing);
    if (cases.statusCode() != 200) {
      throw new IllegalStateException(
          "after login, " + landing + " for " + user + " answered HTTP " + cases.statusCode());
    }
    csrf = token(cases.body());
  }

  private static String token(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no _csrf field in the page");
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  HttpResponse<String> postJson(String path, Object body) throws IOException, InterruptedException {
    return postJson(path, body, Map.of());
  }

  /** With extra request headers (the fault suite's Idempotency-Key). */
  HttpResponse<String> postJson(String path, Object body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    headers.forEach(b::header);
    if (csrf != null) {
      b.header("X-CSRF-TOKEN", csrf);
    }
    return send(b);
  }

  JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder b)
      throws IOException, InterruptedException {
    return client.send(
        b.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static void expect(HttpResponse<String> r, String what, int... ok) {
    for (int s : ok) {
      if (r.statusCode() == s) {
        return;
      }
    }
    String body = r.body() == null ? "" : r.body();
    throw new IllegalStateException(
        what
            + ": HTTP "
            + r.statusCode()
            + " "
            + body.substring(0, Math.min(400, body.length())).replace('\n', ' '));
  }
}
