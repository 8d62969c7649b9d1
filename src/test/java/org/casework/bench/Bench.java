package org.casework.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * casework against bare Operaton on the hardship BPMN, in one run ({@code bench/run [quick]}).
 *
 * <ol>
 *   <li>bare Operaton (no-op steps), closed loop: max throughput, latencies, CPU, RSS;
 *   <li>casework, one node, closed loop, the same settings;
 *   <li>casework, one node, paced at half its measured max;
 *   <li>casework, two nodes (two JVMs, one database, job executor on in both), closed loop; then
 *       follow-up timers made due and fired by the two nodes; checks that no job ran twice.
 * </ol>
 *
 * System properties (bench/run passes them): bench.repo, bench.mode (quick|full), bench.inFlight
 * (fixed number in flight; without it each app's closed-loop level is the best of a short sweep
 * over bench.sweep, default 8,16,32), bench.warmup, bench.measure (seconds), bench.pollMillis,
 * bench.timers (how many follow-up timers to fire in the two-node phase), bench.phases (comma list
 * of bare,casework,paced,two; default all).
 */
public final class Bench {

  static final int BARE_PORT = 8190;
  static final int NODE1_PORT = 8191;
  static final int NODE2_PORT = 8192;

  private Bench() {}

  static void say(String format, Object... args) {
    System.out.printf(
        "[bench %s] %s%n",
        LocalTime.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, args));
    System.out.flush();
  }

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(System.getProperty("bench.repo", ".")).toAbsolutePath().normalize();
    String mode = System.getProperty("bench.mode", args.length > 0 ? args[0] : "full");
    boolean quick = mode.equals("quick");
    // cases in flight of the closed-loop phases: given, or the best of a short sweep per app
    List<Integer> levels = new ArrayList<>();
    for (String l :
        System.getProperty("bench.inFlight", System.getProperty("bench.sweep", "8,16,32"))
            .split(",")) {
      levels.add(Integer.parseInt(l.trim()));
    }
    Duration sweepWarmup = Duration.ofSeconds(quick ? 10 : 20);
    Duration sweepMeasure = Duration.ofSeconds(quick ? 20 : 40);
    Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", quick ? 20 : 60));
    Duration measure = Duration.ofSeconds(Integer.getInteger("bench.measure", quick ? 60 : 180));
    long poll = Integer.getInteger("bench.pollMillis", 50);
    int timers = Integer.getInteger("bench.timers", 200);
    List<String> phases =
        List.of(System.getProperty("bench.phases", "bare,casework,paced,two").split(","));
    Path out = repo.resolve("target/bench");
    Files.createDirectories(out);
    Path jar;
    try (var s = Files.list(repo.resolve("target"))) {
      jar =
          s.filter(p -> p.getFileName().toString().matches("casework-.*\\.jar"))
              .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("no target/casework-*.jar: build first"));
    }
    Path bareJar = repo.resolve("target/bench-bare/bench-bare.jar");

    Report report = new Report(mode, levels, warmup, measure, poll);
    report.loadBefore = loadAverage();
    AtomicLong seq = new AtomicLong();

    if (phases.contains("bare")) {
      say("bare Operaton: fresh database casework_bench_bare, start");
      Db.drop("casework_bench_bare");
      App bare =
          App.start(
              "bare-operaton",
              repo,
              List.of("-jar", bareJar.toString(), "--port=" + BARE_PORT, "--repo=" + repo),
              Map.of(),
              BARE_PORT,
              "/engine-rest/engine",
              out);
      try (Db db = new Db("casework_bench_bare")) {
        Target.Bare t = new Target.Bare();
        t.addNode(bare.base);
        t.pids.add(bare.pid());
        int inFlight = best(t, db, seq, "bare", levels, sweepWarmup, sweepMeasure, poll, report);
        report.bare =
            measured(t, db, seq, new Phase.Config("bare: max", inFlight, 0, warmup, measure, poll));
        report.bareIncidents = db.count("SELECT COUNT(*) FROM ACT_RU_INCIDENT");
      } finally {
        bare.stop();
      }
    }

    boolean casework =
        phases.contains("casework") || phases.contains("paced") || phases.contains("two");
    if (casework) {
      say("casework: fresh database casework_bench, start node 1");
      Db.drop("casework_bench");
      App node1 = startCasework(repo, jar, 1, NODE1_PORT, out);
      App node2 = null;
      try (Db db = new Db("casework_bench")) {
        Target.Casework t = new Target.Casework();
        t.addNode(node1.base);
        t.pids.add(node1.pid());
        int inFlight = levels.get(levels.size() - 1);
        if (phases.contains("casework")) {
          inFlight = best(t, db, seq, "casework", levels, sweepWarmup, sweepMeasure, poll, report);
          report.casework =
              measured(
                  t,
                  db,
                  seq,
                  new Phase.Config("casework: max, 1 node", inFlight, 0, warmup, measure, poll));
        }
        if (phases.contains("paced")) {
          double max = report.casework != null ? report.casework.throughput() : 10;
          double rate = Math.max(0.2, max / 2);
          report.paced =
              measured(
                  t,
                  db,
                  seq,
                  new Phase.Config(
                      String.format("casework: paced at %.2f cases/s, 1 node", rate),
                      inFlight,
                      rate,
                      warmup,
                      measure,
                      poll));
        }
        if (phases.contains("two")) {
          say("casework: start node 2 on the same database");
          node2 = startCasework(repo, jar, 2, NODE2_PORT, out);
          t.addNode(node2.base);
          t.pids.add(node2.pid());
          Timestamp since = Timestamp.from(Instant.now().minusSeconds(1));
          report.twoNodes =
              measured(
                  t,
                  db,
                  seq,
                  new Phase.Config("casework: max, 2 nodes", inFlight, 0, warmup, measure, poll));
          report.cluster = Cluster.check(db, since, timers);
        }
        report.caseworkIncidents = db.count("SELECT COUNT(*) FROM ACT_RU_INCIDENT");
      } finally {
        if (node2 != null) {
          node2.stop();
        }
        node1.stop();
      }
    }
    report.loadAfter = loadAverage();
    String md = report.markdown();
    Files.writeString(out.resolve("report.md"), md);
    System.out.println();
    System.out.println(md);
    say("report written to %s", out.resolve("report.md"));
  }

  static App startCasework(Path repo, Path jar, int node, int port, Path out) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CASEWORK_DB_NAME", "casework_bench");
    env.put("CASEWORK_PORT", Integer.toString(port));
    env.put("CASEWORK_DEMO_DATA", "true");
    // demo profile: the development audit key; the bench creates its database as root and the app
    // runs as root there (./casework creates the least-privilege logins for run and test only)
    env.put("SPRING_PROFILES_ACTIVE", "demo");
    env.put("CASEWORK_DB_USER", "root");
    env.put("CASEWORK_DB_PASSWORD", "");
    env.put("CASEWORK_DB_OWNER", "root");
    env.put("CASEWORK_DB_OWNER_PASSWORD", "");
    env.put("CASEWORK_JOB_EXECUTOR", "true");
    return App.start(
        "casework-node-" + node,
        repo,
        List.of(
            // the node's name in ACT_HI_JOB_LOG.HOSTNAME_ (which node ran a job)
            "-Doperaton.bpm.generic-properties.properties.hostname=casework-node-" + node,
            "-jar",
            jar.toString()),
        env,
        port,
        "/actuator/health",
        out);
  }

  /** The number in flight with the highest throughput in a short closed-loop run per level. */
  static int best(
      Target t,
      Db db,
      AtomicLong seq,
      String name,
      List<Integer> levels,
      Duration warmup,
      Duration measure,
      long poll,
      Report report)
      throws Exception {
    if (levels.size() == 1) {
      return levels.get(0);
    }
    int best = levels.get(0);
    double bestRate = -1;
    List<String> line = new ArrayList<>();
    for (int level : levels) {
      Phase.Result r =
          measured(
              t,
              db,
              seq,
              new Phase.Config(
                  name + ": sweep, " + level + " in flight", level, 0, warmup, measure, poll));
      line.add(
          String.format(
              Locale.ROOT,
              "%d in flight → %.2f cases/s (submit-form p99 %.0f ms)",
              level,
              r.throughput(),
              Phase.percentile(r.allSubmitMicros, 99) / 1000));
      if (r.throughput() > bestRate) {
        bestRate = r.throughput();
        best = level;
      }
    }
    report.sweeps.add(
        name + ": " + String.join("; ", line) + " → measured with " + best + " in flight");
    return best;
  }

  static Phase.Result measured(Target t, Db db, AtomicLong seq, Phase.Config c) throws Exception {
    say(
        "phase '%s': %s, warm-up %d s, measured %d s",
        c.name(),
        c.rate() > 0 ? String.format("%.2f cases/s", c.rate()) : c.inFlight() + " cases in flight",
        c.warmup().toSeconds(),
        c.measure().toSeconds());
    Phase.Result r = new Phase(t, db, seq, c).run();
    for (int i = 0; i < t.pids.size(); i++) {
      r.rssMiB.put("node " + (i + 1), App.memoryMiB(t.pids.get(i), "VmRSS"));
      r.peakRssMiB.put("node " + (i + 1), App.memoryMiB(t.pids.get(i), "VmHWM"));
    }
    say(
        "phase '%s': %d filed, %d closed (%d in the window: %.2f cases/s), submit-form p99 %.0f ms,"
            + " %d not closed, errors %s",
        c.name(),
        r.filed,
        r.closed,
        r.closedInWindow,
        r.throughput(),
        Phase.percentile(r.allSubmitMicros, 99) / 1000,
        r.notClosed,
        r.errors.values().stream().mapToLong(Long::longValue).sum());
    return r;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "?";
    }
  }

  /** The two-node checks: every job and timer ran once. */
  static final class Cluster {
    long forcedTimers;
    long forcedTimersRun;
    long jobsRunTwice;
    long failedJobRuns;
    Map<String, Long> jobsByNode = new LinkedHashMap<>();
    Map<String, Long> timersByNode = new LinkedHashMap<>();
    long followUpTasks;
    long instancesWithTwoFollowUps;
    long duplicateHistoryLines;
    List<List<String>> historyLinesPerCase = new ArrayList<>();
    long casesPaidTwice;
    long incidents;

    static Cluster check(Db db, Timestamp since, int timers) throws Exception {
      Cluster c = new Cluster();
      List<String> jobs = new ArrayList<>();
      for (List<String> row :
          db.rows(
              "SELECT j.ID_ FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_"
                  + " WHERE d.ACT_ID_ = 'Timer_FollowUp' ORDER BY j.ID_ LIMIT "
                  + timers)) {
        jobs.add(row.get(0));
      }
      c.forcedTimers = jobs.size();
      if (!jobs.isEmpty()) {
        String in = "'" + String.join("','", jobs) + "'";
        say("two nodes: making %d follow-up timers (结案30日后) due now", jobs.size());
        db.update(
            "UPDATE ACT_RU_JOB SET DUEDATE_ = TIMESTAMPADD(DAY, -1, UTC_TIMESTAMP(3)) WHERE ID_ IN ("
                + in
                + ")");
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (db.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN (" + in + ")") > 0
            && System.nanoTime() < until) {
          Thread.sleep(1000);
        }
        c.forcedTimersRun =
            db.count(
                "SELECT COUNT(DISTINCT JOB_ID_) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND JOB_ID_ IN ("
                    + in
                    + ")");
        for (List<String> row :
            db.rows(
                "SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND JOB_ID_ IN ("
                    + in
                    + ") GROUP BY HOSTNAME_ ORDER BY HOSTNAME_")) {
          c.timersByNode.put(row.get(0), Long.parseLong(row.get(1)));
        }
      }
      c.jobsRunTwice =
          db.count(
              "SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2"
                  + " GROUP BY JOB_ID_ HAVING COUNT(*) > 1) x");
      c.failedJobRuns = db.count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1");
      for (List<String> row :
          db.rows(
              "SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND TIMESTAMP_ >= ?"
                  + " GROUP BY HOSTNAME_ ORDER BY HOSTNAME_",
              since)) {
        c.jobsByNode.put(row.get(0), Long.parseLong(row.get(1)));
      }
      c.followUpTasks =
          db.count(
              "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ = 'Task_FollowUpVisit'");
      c.instancesWithTwoFollowUps =
          db.count(
              "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_TASKINST"
                  + " WHERE TASK_DEF_KEY_ = 'Task_FollowUpVisit' GROUP BY PROC_INST_ID_ HAVING COUNT(*) > 1) x");
      c.duplicateHistoryLines =
          db.count(
              "SELECT COUNT(*) FROM (SELECT case_id FROM casefile_history GROUP BY case_id, action,"
                  + " COALESCE(outcome, ''), COALESCE(element_id, ''), actor, COALESCE(reason, '')"
                  + " HAVING COUNT(*) > 1) x");
      c.historyLinesPerCase =
          db.rows(
              "SELECT x.status, x.n, COUNT(*) FROM (SELECT c.id, c.status, COUNT(h.id) n FROM casefile_case c"
                  + " JOIN casefile_history h ON h.case_id = c.id GROUP BY c.id, c.status) x"
                  + " GROUP BY x.status, x.n ORDER BY x.status, x.n");
      c.casesPaidTwice =
          db.count(
              "SELECT COUNT(*) FROM (SELECT case_number FROM ledger_disbursement GROUP BY case_number"
                  + " HAVING COUNT(*) > 1) x");
      c.incidents = db.count("SELECT COUNT(*) FROM ACT_RU_INCIDENT");
      return c;
    }

    boolean onceOnly() {
      return jobsRunTwice == 0
          && instancesWithTwoFollowUps == 0
          && duplicateHistoryLines == 0
          && casesPaidTwice == 0
          && forcedTimersRun == forcedTimers;
    }
  }
}
