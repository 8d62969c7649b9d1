package org.casework.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.casework.bench.Target.Role;

/** The markdown report: the phases side by side, the two-node checks, the targets. */
final class Report {

  final String mode;
  final List<Integer> levels;
  final List<String> sweeps = new ArrayList<>();
  final Duration warmup;
  final Duration measure;
  final long poll;
  final Instant started = Instant.now();
  String loadBefore;
  String loadAfter;
  Phase.Result bare;
  Phase.Result casework;
  Phase.Result paced;
  Phase.Result twoNodes;
  Bench.Cluster cluster;
  long bareIncidents = -1;
  long caseworkIncidents = -1;

  Report(String mode, List<Integer> levels, Duration warmup, Duration measure, long poll) {
    this.mode = mode;
    this.levels = levels;
    this.warmup = warmup;
    this.measure = measure;
    this.poll = poll;
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static String ms(List<Long> micros, double p) {
    double v = Phase.percentile(micros, p);
    return Double.isNaN(v) ? "–" : f("%.1f", v / 1000);
  }

  private static String plainMs(List<Long> millis, double p) {
    double v = Phase.percentile(millis, p);
    return Double.isNaN(v) ? "–" : f("%.0f", v);
  }

  private static String pair(String a, String b) {
    return a + " / " + b;
  }

  private static String sum(Map<String, Double> m, String format) {
    List<String> parts = new ArrayList<>();
    m.values().forEach(v -> parts.add(f(format, v)));
    return String.join(" + ", parts);
  }

  String markdown() {
    List<Phase.Result> cols = new ArrayList<>();
    for (Phase.Result r : new Phase.Result[] {bare, casework, paced, twoNodes}) {
      if (r != null) {
        cols.add(r);
      }
    }
    StringBuilder s = new StringBuilder();
    s.append(
        "# casework vs bare Operaton: hardship assistance, user tasks through /engine-rest\n\n");
    s.append(
        f(
            "Run `%s` at %s on %d cores, %s; load average before `%s`, after `%s`."
                + " Warm-up %d s, measured window %d s per phase; cases in flight (closed loop): %s;"
                + " task lists polled every %d ms. JVM of every app: `%s`, Java %s.\n\n",
            mode,
            started.truncatedTo(ChronoUnit.SECONDS),
            Runtime.getRuntime().availableProcessors(),
            memTotal(),
            loadBefore,
            loadAfter,
            warmup.toSeconds(),
            measure.toSeconds(),
            levels.size() == 1
                ? levels.get(0).toString()
                : "the best of a short sweep over " + levels + " per app",
            poll,
            String.join(" ", App.JVM),
            System.getProperty("java.version")));
    s.append(
        "Path: filed → 入户核实 (lixiaohong) → 乡镇受理审核 (zhangwei) → 乡镇分管领导审批 (liuyang) →"
            + " payment, notice, 结案; amount 500 (≤ township limit 2400, below the publicity"
            + " threshold 1000). **A case counts closed when its instance waits at the 30-day"
            + " follow-up timer** (casework: status FOLLOW_UP 已结案，待回访); the instance is not"
            + " ended. casework: the real app jar, filing `POST /api/hardship/applications` as"
            + " zhangwei, each officer in their own form-login session (session cookie + CSRF"
            + " header). bare: Operaton 1.0.3 starters only, same BPMN with every step `${true}`"
            + " (asyncBefore kept), no listeners, authorization off, started by `POST"
            + " /engine-rest/process-definition/key/hardship-assistance/start`. Both: `GET"
            + " /engine-rest/task?taskDefinitionKey=…&unassigned=true`, `POST …/claim`, `POST"
            + " …/submit-form` with the form's variables; MariaDB on the same machine, history"
            + " full, default job executor, pool 10. Closed loop = a fixed number of cases in"
            + " flight: the throughput is the max only if the machine is the limit (\"cores"
            + " busy\" close to the number of cores), not the number in flight. Engine history timestamps on MariaDB hold whole seconds here, so"
            + " step and case times are taken by the driver; the engine-history case time is a"
            + " coarse cross-check. Figures depend on the machine being otherwise idle.\n\n");
    if (!sweeps.isEmpty()) {
      s.append("Sweeps (closed loop, short windows):\n\n");
      sweeps.forEach(w -> s.append("- ").append(w).append("\n"));
      s.append("\n");
    }
    s.append("## Phases\n\n| | ");
    cols.forEach(c -> s.append(c.name).append(" | "));
    s.append("\n|---|");
    cols.forEach(c -> s.append("---|"));
    s.append("\n");
    row(
        s,
        cols,
        "cases in flight",
        r -> r.config.rate() > 0 ? "paced" : Integer.toString(r.config.inFlight()));
    row(s, cols, "closed cases/s (window)", r -> f("**%.2f**", r.throughput()));
    if (bare != null) {
      row(
          s,
          cols,
          "ratio to bare",
          r -> r == bare ? "1" : f("%.2f", r.throughput() / bare.throughput()));
    }
    row(
        s,
        cols,
        "filed / closed / not closed after drain",
        r -> r.filed + " / " + r.closed + " / " + r.notClosed);
    row(
        s,
        cols,
        "step: submit-form p50 / p99 ms (all three)",
        r -> pair(ms(r.allSubmitMicros, 50), ms(r.allSubmitMicros, 99)));
    for (Role role : Role.values()) {
      row(
          s,
          cols,
          "  submit-form " + role.taskKey + " p50 / p99 ms",
          r -> pair(ms(r.submitMicros.get(role), 50), ms(r.submitMicros.get(role), 99)));
    }
    row(
        s,
        cols,
        "claim p50 / p99 ms (all three)",
        r -> {
          List<Long> all = new ArrayList<>();
          r.claimMicros.values().forEach(all::addAll);
          return pair(ms(all, 50), ms(all, 99));
        });
    row(s, cols, "filing p50 / p99 ms", r -> pair(ms(r.filingMicros, 50), ms(r.filingMicros, 99)));
    row(
        s,
        cols,
        "task listed → completed p50 / p99 ms (incl. queueing in the driver)",
        r -> pair(plainMs(r.taskOpenMillis, 50), plainMs(r.taskOpenMillis, 99)));
    row(
        s,
        cols,
        "case p50 / p99 ms, engine history (instance start → follow-up timer; whole seconds)",
        r -> pair(plainMs(r.caseMillisEngine, 50), plainMs(r.caseMillisEngine, 99)));
    row(
        s,
        cols,
        "case p50 / p99 ms, driver (filing sent → closure seen, ±poll)",
        r -> pair(plainMs(r.caseMillisDriver, 50), plainMs(r.caseMillisDriver, 99)));
    row(
        s,
        cols,
        "cores busy in the window: app + database + driver (of " + cores() + ")",
        r ->
            f(
                "%.2f + %.2f + %.2f",
                r.cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() / r.seconds,
                r.dbCpuSeconds / r.seconds,
                r.driverCpuSeconds / r.seconds));
    row(s, cols, "app CPU s per closed case", r -> f("%.3f", r.cpuPerCase()));
    row(s, cols, "app CPU s in the window (per node)", r -> sum(r.cpuSeconds, "%.1f"));
    row(
        s,
        cols,
        "database CPU s per closed case",
        r -> r.closedInWindow == 0 ? "–" : f("%.3f", r.dbCpuSeconds / r.closedInWindow));
    row(s, cols, "RSS MiB at end (per node)", r -> sum(r.rssMiB, "%.0f"));
    row(s, cols, "peak RSS MiB (per node)", r -> sum(r.peakRssMiB, "%.0f"));
    row(
        s,
        cols,
        "request errors",
        r -> Long.toString(r.errors.values().stream().mapToLong(Long::longValue).sum()));
    s.append("\n");
    for (Phase.Result r : cols) {
      if (!r.errors.isEmpty()) {
        s.append("Errors in '").append(r.name).append("':\n\n");
        r.errors.forEach((k, v) -> s.append("- ").append(v).append("× `").append(k).append("`\n"));
        s.append("\n");
      }
    }
    s.append(
        f(
            "Open incidents at the end: bare %d, casework %d.\n\n",
            bareIncidents, caseworkIncidents));
    List<String> reference = cols.isEmpty() ? List.of() : cols.get(0).path;
    s.append(
        f(
            "Path of a closed case (engine history, %d activities): `%s`. Same path in every"
                + " phase: **%s**.\n\n",
            reference.size(),
            String.join(" → ", reference),
            cols.stream().allMatch(r -> r.path.equals(reference)) ? "yes" : "NO"));
    for (Phase.Result r : cols) {
      if (!r.path.equals(reference)) {
        s.append("- ")
            .append(r.name)
            .append(": `")
            .append(String.join(" → ", r.path))
            .append("`\n");
      }
    }

    if (cluster != null) {
      Bench.Cluster c = cluster;
      s.append("## Two casework nodes, one database\n\n");
      s.append("| check | result |\n|---|---|\n");
      s.append(
          f(
              "| closed cases/s, 1 node → 2 nodes | %s → %s |\n",
              casework == null ? "–" : f("%.2f", casework.throughput()),
              twoNodes == null ? "–" : f("%.2f", twoNodes.throughput())));
      s.append(f("| jobs run (successful) in the 2-node phase, per node | %s |\n", c.jobsByNode));
      s.append(
          f(
              "| follow-up timers made due / run / per node | %d / %d / %s |\n",
              c.forcedTimers, c.forcedTimersRun, c.timersByNode));
      s.append(
          f(
              "| job ids with two successful executions (ACT_HI_JOB_LOG, whole run) | **%d** |\n",
              c.jobsRunTwice));
      s.append(
          f(
              "| failed job executions (e.g. optimistic locking; retried) | %d |\n",
              c.failedJobRuns));
      s.append(
          f(
              "| instances with two 回访 tasks | **%d** (follow-up tasks: %d) |\n",
              c.instancesWithTwoFollowUps, c.followUpTasks));
      s.append(
          f(
              "| duplicate case-history lines (same case, action, outcome, element, actor, reason) | **%d** |\n",
              c.duplicateHistoryLines));
      s.append(f("| cases paid twice (ledger_disbursement) | **%d** |\n", c.casesPaidTwice));
      s.append(f("| open incidents | %d |\n", c.incidents));
      StringBuilder dist = new StringBuilder();
      for (List<String> row : c.historyLinesPerCase) {
        dist.append(f("%s: %s lines × %s cases; ", row.get(0), row.get(1), row.get(2)));
      }
      s.append("| history lines per case (status: lines × cases) | ").append(dist).append("|\n\n");
    }

    s.append("## Targets\n\n| target | measured | met? |\n|---|---|---|\n");
    if (bare != null && casework != null) {
      double ratio = casework.throughput() / bare.throughput();
      s.append(
          f(
              "| throughput casework / bare ≥ 0.8 | %.2f (%.2f / %.2f cases/s) | %s |\n",
              ratio, casework.throughput(), bare.throughput(), met(ratio >= 0.8)));
      double cw = Phase.percentile(casework.allSubmitMicros, 99) / 1000;
      double b = Phase.percentile(bare.allSubmitMicros, 99) / 1000;
      s.append(
          f(
              "| step p99 ≤ 1.5 × bare (submit-form) | %.1f ms vs 1.5 × %.1f = %.1f ms | %s |\n",
              cw, b, 1.5 * b, met(cw <= 1.5 * b)));
    } else {
      s.append("| throughput ratio, step p99 vs bare | not measured in this run | – |\n");
    }
    if (casework != null) {
      s.append(
          f(
              "| ≥ 10 hardship cases/s end to end (1 node) | %.2f cases/s%s | %s |\n",
              casework.throughput(),
              twoNodes == null ? "" : f(" (2 nodes: %.2f)", twoNodes.throughput()),
              met(casework.throughput() >= 10)));
    }
    if (paced != null) {
      double p99 = Phase.percentile(paced.allSubmitMicros, 99) / 1000;
      s.append(
          f(
              "| step p99 < 100 ms at half the max rate (%s) | %.1f ms | %s |\n",
              f("%.2f cases/s", paced.config.rate()), p99, met(p99 < 100)));
    }
    if (cluster != null) {
      s.append(
          f(
              "| two nodes: no job or timer ran twice | %s | %s |\n",
              cluster.onceOnly() ? "none twice" : "see above", met(cluster.onceOnly())));
    }
    s.append("\n");
    return s.toString();
  }

  private static String met(boolean ok) {
    return ok ? "met" : "**not met**";
  }

  private static void row(
      StringBuilder s, List<Phase.Result> cols, String label, Function<Phase.Result, String> cell) {
    s.append("| ").append(label).append(" | ");
    for (Phase.Result r : cols) {
      String v;
      try {
        v = cell.apply(r);
      } catch (RuntimeException e) {
        v = "?";
      }
      s.append(v).append(" | ");
    }
    s.append("\n");
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static String memTotal() {
    try {
      for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          return f("%.0f GiB RAM", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0);
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return "? RAM";
  }
}
