package org.casework.bench;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The casework app as its own OS process (the jar from {@code mvn package}), so it can be killed.
 */
final class AppProcess {

  final int port;
  private final Path jar;
  private final Path logFile;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();
  private Process process;

  AppProcess(Path jar, int port, String schema, Path logFile) {
    this.jar = jar;
    this.port = port;
    this.logFile = logFile;
    env.put("CASEWORK_PORT", String.valueOf(port));
    env.put("CASEWORK_DB_NAME", schema);
    env.put("CASEWORK_DEMO_DATA", "true");
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

  Kit.Answer api(String method, String path, Object body, String user, String... headers) {
    String[] h = new String[headers.length + 2];
    h[0] = "Authorization";
    h[1] = Kit.basic(user);
    System.arraycopy(headers, 0, h, 2, headers.length);
    return Kit.call(Kit.HTTP, method, base() + path, body, h);
  }
}
