package org.casework.bench;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The casework app as its own OS process (the jar from {@code mvn package}), so it can be killed.
 */
final class AppProcess {

  final int port;
  private final Path jar;
  private final Path logFile;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();
  private volatile Process process;

  AppProcess(Path jar, int port, String schema, Path logFile) {
    this.jar = jar;
    this.port = port;
    this.logFile = logFile;
    env.put("CASEWORK_PORT", String.valueOf(port));
    env.put("CASEWORK_DB_NAME", schema);
    env.put("CASEWORK_DEMO_DATA", "true");
    // a driver stopped with Ctrl-C or kill leaves no app behind on the port (its finally blocks do
    // not run then); the hook takes whichever process is current, restarts included
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Process p = process;
                  if (p != null) {
                    p.destroyForcibly();
                  }
                }));
  }

  AppProcess env(String k, String v) {
    env.put(k, v);
    return this;
  }

  AppProcess arg(String a) {
    args.add(a);
    return this;
  }

  String base() {
    return "http://localhost:" + port;
  }

  void start() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:+UseSerialGC", "-jar"));
    cmd.add(jar.toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(logFile.toString())));
    try {
      process = pb.start();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot start the app: " + e, e);
    }
    Kit.log("app started: pid %d, port %d, log %s", process.pid(), port, logFile);
  }

  long pid() {
    return process == null ? -1 : process.pid();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** HTTP status of /actuator/health, -1 if it does not answer. */
  int health() {
    return Kit.call(Kit.HTTP, "GET", base() + "/actuator/health", null).status();
  }

  String healthBody() {
    return Kit.call(Kit.HTTP, "GET", base() + "/actuator/health", null).body();
  }

  void awaitUp(Duration max) {
    boolean up =
        Kit.await(
            max,
            1000,
            () -> {
              if (!alive()) {
                throw new IllegalStateException("app exited, see " + logFile);
              }
              return health() == 200;
            });
    if (!up) {
      throw new IllegalStateException("app not healthy within " + max + ", see " + logFile);
    }
    Kit.log("app up (pid %d)", pid());
  }

  /** kill -9: no shutdown hooks, no graceful job completion. */
  void kill9() throws InterruptedException, java.io.IOException {
    long pid = pid();
    new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start().waitFor();
    process.waitFor();
    Kit.log("app pid %d killed with -9 (exit %d)", pid, process.exitValue());
  }

  void stop() throws InterruptedException {
    if (!alive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    Kit.log("app stopped");
  }

  /**
   * A member of staff logged in through the login page, as in the browser: one bcrypt check at
   * login, then the session cookie and the CSRF token of the filing page. (HTTP Basic would check
   * the password with bcrypt on every request — a cost integration clients pay, not the staff.)
   */
  Browser browser(String user) {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Kit.Answer page = Kit.call(http, "GET", base() + "/login", null);
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(Kit.PASSWORD, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf(page.body()), StandardCharsets.UTF_8);
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base() + "/login"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String to = r.headers().firstValue("Location").orElse("");
      if (r.statusCode() != 302 || to.contains("/login")) {
        throw new IllegalStateException("app login of " + user + " answered " + r.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("app login of " + user + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String token = csrf(Kit.call(http, "GET", base() + "/applications/new", null).body());
    return new Browser(http, token);
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html == null ? "" : html);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the page");
    }
    return m.group(1);
  }

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  /** A logged-in browser session on the app. */
  final class Browser {
    private final HttpClient http;
    private final String csrf;

    private Browser(HttpClient http, String csrf) {
      this.http = http;
      this.csrf = csrf;
    }

    Kit.Answer call(String method, String path, Object body, String... headers) {
      String[] h = new String[headers.length + 2];
      h[0] = "X-CSRF-TOKEN";
      h[1] = csrf;
      System.arraycopy(headers, 0, h, 2, headers.length);
      return Kit.call(http, method, base() + path, body, h);
    }
  }

  Kit.Answer api(String method, String path, Object body, String user, String... headers) {
    String[] h = new String[headers.length + 2];
    h[0] = "Authorization";
    h[1] = Kit.basic(user);
    System.arraycopy(headers, 0, h, 2, headers.length);
    return Kit.call(Kit.HTTP, method, base() + path, body, h);
  }
}
