package org.casework.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An app under test as a child JVM, and what /proc says about a process. */
final class App {

  /** The same JVM settings for every app of the benchmark. */
  static final List<String> JVM = List.of("-Xms512m", "-Xmx1g", "-XX:+UseG1GC");

  final String name;
  final Process process;
  final String base;
  final Path log;

  private App(String name, Process process, String base, Path log) {
    this.name = name;
    this.process = process;
    this.base = base;
    this.log = log;
  }

  static App start(
      String name,
      Path workDir,
      List<String> args,
      Map<String, String> env,
      int port,
      String readyPath,
      Path logDir)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JVM);
    cmd.addAll(args);
    Path log = logDir.resolve(name.replaceAll("[^A-Za-z0-9-]", "_") + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    String base = "http://127.0.0.1:" + port;
    App app = new App(name, p, base, log);
    long started = System.nanoTime();
    HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException(name + " exited during start-up, see " + log);
      }
      try {
        HttpResponse<Void> r =
            probe.send(
                HttpRequest.newBuilder(URI.create(base + readyPath))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          break;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(300)) {
        p.destroy();
        throw new IllegalStateException(name + " not ready after 300 s, see " + log);
      }
      Thread.sleep(500);
    }
    Bench.say("%s up in %.0f s (pid %d)", name, (System.nanoTime() - started) / 1e9, p.pid());
    return app;
  }

  long pid() {
    return process.pid();
  }

  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
      return Long.parseLong(new String(p.getInputStream().readAllBytes()).trim());
    } catch (Exception e) {
      return 100;
    }
  }

  static final long TICKS = clockTicks();

  /** utime + stime of a process in seconds (/proc/pid/stat fields 14 and 15). */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) TICKS;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** VmRSS or VmHWM (peak) of a process in MiB. */
  static double memoryMiB(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      // gone
    }
    return Double.NaN;
  }

  /** The database server's pid (mariadbd or mysqld), or -1. */
  static long databasePid() {
    File[] procs = new File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
    if (procs != null) {
      for (File p : procs) {
        try {
          String comm = Files.readString(p.toPath().resolve("comm")).trim();
          if (comm.equals("mariadbd") || comm.equals("mysqld")) {
            return Long.parseLong(p.getName());
          }
        } catch (IOException e) {
          // gone or not readable
        }
      }
    }
    return -1;
  }
}
