package org.casework.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput benchmark of 困难帮扶 end to end: the real engine, Tasklist, the app (its own process) and
 * MariaDB, against the same BPMN on the bare engine with no-op workers. Run with {@code bench/run
 * [quick]} (see README). Writes target/bench/report.md, chart PNGs and results.json.
 */
public final class HardshipBench {

  /**
   * One measured run. {@code rate} 0: the starters file as fast as the in-flight cap lets them (the
   * machine saturated); above 0: cases are filed at that many per second whatever happens to them
   * (open loop), which is how latency below saturation is measured.
   */
  record Phase(
      String name, boolean bare, int starters, Duration duration, int existing, double rate) {

    Phase(String name, boolean bare, int starters, Duration duration, int existing) {
      this(name, bare, starters, duration, existing, 0);
    }

    boolean paced() {
      return rate > 0;
    }

    /** The phase as the report names it, e.g. {@code casework} or {@code casework @0.5/s}. */
    String label() {
      return paced() ? String.format(Locale.ROOT, "%s @%.2g/s", name, rate) : name;
    }
  }

  record Usage(double cpuPct, long rssAvgMb, long rssPeakMb) {}

  record Result(
      Phase phase,
      int filed,
      int closed,
      double casesPerSec,
      double sustainedPerSec,
      double jobP50,
      double jobP99,
      double jobQueueP99,
      double e2eP50,
      double e2eP99,
      long jobs,
      Map<String, Usage> usage,
      long rowsWritten,
      Map<String, Long> rowsByTable,
      long tasksCompleted,
      long tasksRefused,
      double machineLoad,
      double elapsedSeconds,
      Map<String, double[]> jobP50P99ByType) {
    /** Core-seconds of CPU the process spent per closed case (filing, drain and idle included). */
    double cpuSecondsPerCase(String process) {
      Usage u = usage.get(process);
      return u == null || closed == 0 ? Double.NaN : u.cpuPct() / 100 * elapsedSeconds / closed;
    }
  }

  static final String SCHEMA = Kit.prop("bench.schema", "casework_bench");
  static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

  /** Tasklist sessions per user task (staff working in parallel). */
  static int COMPLETERS = 4;

  public static void main(String[] args) throws Exception {
    boolean quick = "quick".equalsIgnoreCase(Kit.prop("bench.mode", "full"));
    Duration main =
        Duration.ofSeconds(Long.parseLong(Kit.prop("bench.seconds", quick ? "60" : "300")));
    Duration scale =
        Duration.ofSeconds(Long.parseLong(Kit.prop("bench.scale-seconds", quick ? "30" : "90")));
    int mainStarters = Integer.parseInt(Kit.prop("bench.starters", "4"));
    int cap = Integer.parseInt(Kit.prop("bench.in-flight", "100"));
    COMPLETERS = Integer.parseInt(Kit.prop("bench.completers", "4"));
    // all (default) | main: the two saturated main phases | paced: the two paced phases
    String which = Kit.prop("bench.phases", "all");
    List<Phase> phases = new ArrayList<>();
    if (!"paced".equals(which)) {
      phases.add(new Phase("casework", false, mainStarters, main, 0));
      phases.add(new Phase("bare", true, mainStarters, main, 0));
    }
    // latency below saturation: about half of what the machine closes per second at full load
    double rate = Double.parseDouble(Kit.prop("bench.paced-rate", "0.5"));
    if (!"main".equals(which)) {
      phases.add(new Phase("casework", false, mainStarters, scale, 0, rate));
      phases.add(new Phase("bare", true, mainStarters, scale, 0, rate));
    }
    boolean scaling = "all".equals(which);
    for (int c : scaling ? new int[] {1, 4, 16} : new int[0]) {
      if (c == mainStarters) {
        continue;
      }
      phases.add(new Phase("casework", false, c, scale, 0));
      phases.add(new Phase("bare", true, c, scale, 0));
    }
    if (scaling) {
      phases.add(new Phase("casework", false, mainStarters, scale, 10_000));
    }
    if (!quick && scaling) {
      phases.add(new Phase("casework", false, mainStarters, scale, 100_000));
    }
    Path out = Path.of("target/bench");
    Files.createDirectories(out);
    Kit.log(
        "benchmark (%s): %d phases, main %d s, scaling %d s, in-flight cap %d, schema %s",
        quick ? "quick" : "full", phases.size(), main.toSeconds(), scale.toSeconds(), cap, SCHEMA);

    Kit.resetSchema(SCHEMA);
    AppProcess app =
        new AppProcess(
                Path.of(Kit.prop("bench.jar", "target/casework-0.1.0-SNAPSHOT.jar")),
                Integer.parseInt(Kit.prop("bench.port", "8090")),
                SCHEMA,
                out.resolve("app.log"))
            .arg("--logging.level.org.casework=WARN")
            .arg("--camunda.client.zeebe.defaults.timeout=" + JOB_TIMEOUT);
    List<Result> results = new ArrayList<>();
    try (Workload load = new Workload();
        Connection db = Kit.db(SCHEMA)) {
      app.start();
      app.awaitUp(Duration.ofMinutes(4));
      for (String user : Workload.USER_OF.values()) {
        if (!Kit.await(
            Duration.ofMinutes(2), 2000, () -> Kit.Session.login(user, Kit.PASSWORD) != null)) {
          throw new IllegalStateException("no Tasklist login for " + user);
        }
      }
      load.deploy();
      // warm-up: a few cases through everything, not measured
      runPhase(load, app, db, new Phase("warm-up", false, 2, Duration.ofSeconds(15), 0), cap, true);
      int seeded = 0;
      for (Phase p : phases) {
        if (p.existing() > seeded) {
          seed(db, p.existing() - seeded);
          seeded = p.existing();
        }
        results.add(runPhase(load, app, db, p, cap, false));
        Files.writeString(
            out.resolve("results.json"),
            Kit.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
      }
    } finally {
      app.stop();
    }
    BenchReport.write(out, results, quick, main, scale, cap);
  }

  static Result runPhase(
      Workload load, AppProcess app, Connection db, Phase p, int cap, boolean warmUp)
      throws Exception {
    String label =
        p.label() + " c=" + p.starters() + (p.existing() > 0 ? " existing=" + p.existing() : "");
    Kit.log("phase %s: %d s", label, p.duration().toSeconds());
    load.deploy(label + " " + System.currentTimeMillis());
    Set<Long> piks = ConcurrentHashMap.newKeySet();
    Map<Long, Long> filedAt = new ConcurrentHashMap<>();
    Map<String, Long> rowsBefore = p.bare() || warmUp ? Map.of() : Kit.rowCounts(db, SCHEMA);
    AtomicBoolean filing = new AtomicBoolean(true);
    AtomicLong inFlight = new AtomicLong();
    AtomicLong seq = new AtomicLong(System.currentTimeMillis() * 100);
    AtomicLong errors = new AtomicLong();
    AtomicLong ticket = new AtomicLong();
    long definition = p.bare() ? load.bareDefinition : load.caseworkDefinition;
    Map<String, long[]> ticks0 = new HashMap<>();
    Map<String, Long> pids = pids(app);
    pids.forEach((k, pid) -> ticks0.put(k, new long[] {Kit.cpuTicks(pid)}));
    Map<String, List<Long>> rss = new ConcurrentHashMap<>();
    List<Double> loadAvg = java.util.Collections.synchronizedList(new ArrayList<>());
    long t0 = System.currentTimeMillis();
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    pids.forEach(
                        (k, pid) ->
                            rss.computeIfAbsent(k, x -> new ArrayList<>()).add(Kit.rssMb(pid)));
                    loadAvg.add(Kit.loadAverage());
                    try {
                      Thread.sleep(1000);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    Set<Long> closedSet = ConcurrentHashMap.newKeySet();
    // casework: the app starts the instance after commit; its key reaches the case record when the
    // first worker loads the case. Resolved here in bulk so filing never waits for the engine.
    Map<String, Long> pending = new ConcurrentHashMap<>();
    AtomicBoolean resolving = new AtomicBoolean(true);
    Thread resolver =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try (Connection c = Kit.db(SCHEMA)) {
                    while (resolving.get()) {
                      resolve(c, pending, piks, filedAt);
                      Kit.sleep(500);
                    }
                    resolve(c, pending, piks, filedAt);
                  } catch (Exception e) {
                    Kit.log("resolver: %s", e);
                  }
                });
    try (Workload.Completers staff = load.new Completers(definition, piks, COMPLETERS)) {
      List<Thread> starters = new ArrayList<>();
      for (int i = 0; i < p.starters(); i++) {
        starters.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      AppProcess.Browser clerk = p.bare() ? null : app.browser("zhangwei");
                      while (filing.get()) {
                        if (p.paced()) {
                          // the n-th case of the phase is due n / rate seconds after its start
                          long due = t0 + (long) (ticket.getAndIncrement() * 1000 / p.rate());
                          Kit.sleep(Math.max(0, due - System.currentTimeMillis()));
                          if (!filing.get()) {
                            break;
                          }
                        } else if (inFlight.get() >= cap) {
                          Kit.sleep(50);
                          continue;
                        }
                        try {
                          if (p.bare()) {
                            Workload.Filed f = load.startBare(seq.incrementAndGet());
                            filedAt.put(f.pik(), f.filedAt());
                            piks.add(f.pik());
                          } else {
                            long t = System.currentTimeMillis();
                            pending.put(load.fileOnly(clerk), t);
                          }
                          inFlight.incrementAndGet();
                        } catch (RuntimeException e) {
                          errors.incrementAndGet();
                          Kit.sleep(200);
                        }
                      }
                    }));
      }
      long end = t0 + p.duration().toMillis();
      long lastReport = t0;
      while (System.currentTimeMillis() < end) {
        Kit.sleep(2000);
        inFlight.set(pending.size() + piks.size() - closed(piks, p.bare(), closedSet));
        if (System.currentTimeMillis() - lastReport > 15_000) {
          lastReport = System.currentTimeMillis();
          Kit.log(
              "  %s: filed %d, closed %d, tasks done %d",
              label, piks.size() + pending.size(), closedSet.size(), staff.completed.get());
        }
      }
      filing.set(false);
      for (Thread t : starters) {
        t.join();
      }
      // drain: let every filed case reach payment and closure
      long drainUntil = System.currentTimeMillis() + Math.max(180_000, p.duration().toMillis());
      while (System.currentTimeMillis() < drainUntil
          && (!pending.isEmpty() || closed(piks, p.bare(), closedSet) < piks.size())) {
        Kit.sleep(2000);
      }
      resolving.set(false);
      resolver.join(5000);
      if (!pending.isEmpty()) {
        Kit.log("  %d filed cases got no process instance: %s", pending.size(), pending.keySet());
      }
      Kit.log(
          "  %s: filed %d, closed %d after drain (filing errors %d)",
          label, piks.size() + pending.size(), closedSet.size(), errors.get());
      long elapsed = System.currentTimeMillis() - t0;
      sampler.interrupt();
      Map<String, Usage> usage = new LinkedHashMap<>();
      pids.forEach(
          (k, pid) -> {
            long d = Kit.cpuTicks(pid) - ticks0.get(k)[0];
            List<Long> r = rss.getOrDefault(k, List.of(0L));
            usage.put(
                k,
                new Usage(
                    100.0 * d / Kit.HZ / (elapsed / 1000.0),
                    (long) r.stream().mapToLong(Long::longValue).average().orElse(0),
                    r.stream().mapToLong(Long::longValue).max().orElse(0)));
          });
      Map<String, Long> rowsAfter = p.bare() || warmUp ? Map.of() : Kit.rowCounts(db, SCHEMA);
      Map<String, Long> written = new LinkedHashMap<>();
      rowsAfter.forEach(
          (t, n) -> {
            long d = n - rowsBefore.getOrDefault(t, 0L);
            if (d != 0) {
              written.put(t, d);
            }
          });
      Kit.sleep(3000);
      Kit.refreshRecords();
      Result r =
          measure(
              p,
              piks,
              filedAt,
              t0,
              usage,
              written,
              staff.completed.get(),
              staff.refused.get(),
              loadAvg.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
              elapsed / 1000.0);
      if (!warmUp) {
        Kit.log(
            "  RESULT %s: %.2f cases/s (sustained %.2f), job p50 %.0f ms p99 %.0f ms, e2e p50 %.1f s p99 %.1f s, rows %d, load %.1f",
            label,
            r.casesPerSec(),
            r.sustainedPerSec(),
            r.jobP50(),
            r.jobP99(),
            r.e2eP50() / 1000,
            r.e2eP99() / 1000,
            r.rowsWritten(),
            r.machineLoad());
      }
      return r;
    }
  }

  private static void resolve(
      Connection c, Map<String, Long> pending, Set<Long> piks, Map<Long, Long> filedAt)
      throws java.sql.SQLException {
    List<String> numbers = new ArrayList<>(pending.keySet());
    for (int from = 0; from < numbers.size(); from += 500) {
      List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + 500));
      String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (var ps =
          c.prepareStatement(
              "select case_number, process_instance_key from casefile_case where case_number in ("
                  + in
                  + ") and process_instance_key is not null")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            Long t = pending.remove(rs.getString(1));
            if (t != null) {
              filedAt.put(rs.getLong(2), t);
              piks.add(rs.getLong(2));
            }
          }
        }
      }
    }
  }

  private static Map<String, Long> pids(AppProcess app) {
    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put("engine+Tasklist+Operate (Camunda)", Kit.stackPid("camunda"));
    pids.put("OpenSearch", Kit.stackPid("opensearch"));
    pids.put("casework app", app.pid());
    pids.put("bench driver", ProcessHandle.current().pid());
    return pids;
  }

  /** How many of the phase's instances completed the close-case job (engine records). */
  private static int closed(Set<Long> piks, boolean bare, Set<Long> closedSet) {
    if (piks.isEmpty()) {
      return 0;
    }
    List<Long> open = new ArrayList<>();
    for (Long k : piks) {
      if (!closedSet.contains(k)) {
        open.add(k);
      }
    }
    if (open.isEmpty()) {
      return closedSet.size();
    }
    String type = (bare ? "bare." : "") + "assistance.close-case";
    for (JsonNode r : Kit.jobRecords(open, List.of("COMPLETED"))) {
      if (type.equals(r.path("value").path("type").asText())) {
        closedSet.add(r.path("value").path("processInstanceKey").asLong());
      }
    }
    return closedSet.size();
  }

  private static Result measure(
      Phase p,
      Set<Long> piks,
      Map<Long, Long> filedAt,
      long t0,
      Map<String, Usage> usage,
      Map<String, Long> written,
      long tasksDone,
      long tasksRefused,
      double machineLoad,
      double elapsedSeconds) {
    List<JsonNode> records = Kit.jobRecords(piks, List.of("CREATED", "COMPLETED"));
    Map<Long, Long> created = new HashMap<>();
    List<Long> jobLatency = new ArrayList<>();
    Map<String, List<Long>> byType = new java.util.TreeMap<>();
    List<Long> queued = new ArrayList<>();
    Map<Long, Long> closedAt = new HashMap<>();
    String closeType = (p.bare() ? "bare." : "") + "assistance.close-case";
    for (JsonNode r : records) {
      JsonNode v = r.path("value");
      String type = v.path("type").asText();
      if (type.equals("io.camunda.zeebe:userTask")) {
        continue;
      }
      if ("CREATED".equals(r.path("intent").asText())) {
        created.put(r.path("key").asLong(), r.path("timestamp").asLong());
        continue;
      }
      long done = r.path("timestamp").asLong();
      long deadline = v.path("deadline").asLong();
      if (deadline > 0) {
        long l = Math.max(0, done - (deadline - JOB_TIMEOUT.toMillis()));
        jobLatency.add(l);
        byType.computeIfAbsent(type.replaceFirst("^bare\\.", ""), t -> new ArrayList<>()).add(l);
      }
      Long c = created.get(r.path("key").asLong());
      if (c != null) {
        queued.add(done - c);
      }
      if (type.equals(closeType)) {
        closedAt.put(v.path("processInstanceKey").asLong(), done);
      }
    }
    List<Long> e2e = new ArrayList<>();
    long last = t0;
    int inSecondHalf = 0;
    long half = t0 + p.duration().toMillis() / 2;
    long end = t0 + p.duration().toMillis();
    for (Map.Entry<Long, Long> e : closedAt.entrySet()) {
      Long f = filedAt.get(e.getKey());
      if (f != null) {
        e2e.add(e.getValue() - f);
      }
      last = Math.max(last, e.getValue());
      if (e.getValue() >= half && e.getValue() < end) {
        inSecondHalf++;
      }
    }
    double rate = closedAt.isEmpty() ? 0 : closedAt.size() / ((last - t0) / 1000.0);
    double sustained = inSecondHalf / (p.duration().toMillis() / 2000.0);
    return new Result(
        p,
        piks.size(),
        closedAt.size(),
        rate,
        sustained,
        Kit.percentile(jobLatency, 50),
        Kit.percentile(jobLatency, 99),
        Kit.percentile(queued, 99),
        Kit.percentile(e2e, 50),
        Kit.percentile(e2e, 99),
        jobLatency.size(),
        usage,
        written.values().stream().mapToLong(Long::longValue).sum(),
        written,
        tasksDone,
        tasksRefused,
        machineLoad,
        elapsedSeconds,
        perType(byType));
  }

  /**
   * Existing cases: clones of a finished benchmark case (person, case, application, history,
   * disbursement) with new keys, inserted in SQL batches — the tables and indexes the workers touch
   * grow as they would with real cases.
   */
  static void seed(Connection db, int n) throws Exception {
    Instant t0 = Instant.now();
    Kit.log("seeding %d existing cases into %s", n, SCHEMA);
    long template =
        Kit.count(
            db,
            "select max(c.id) from casefile_case c join ledger_disbursement d on d.case_number = c.case_number"
                + " where c.case_type = 'HARDSHIP'");
    String run = Long.toString(System.currentTimeMillis(), 36);
    try (Statement s = db.createStatement()) {
      s.execute("SET SESSION max_recursive_iterations = 1000000");
      for (int from = 0; from < n; from += 10_000) {
        int size = Math.min(10_000, n - from);
        String seq = "(select seq from seq_1_to_" + size + ") q";
        String tag = "concat('" + run + "-', " + from + " + q.seq)";
        s.executeUpdate(
            "insert into registry_person (name, gender, birth_date, category, township_code, village_code,"
                + " created_at, id_number_hmac, id_number_enc, phone_enc, address_enc, pii_key_id, died_on,"
                + " moved_away_on, moved_away_to)"
                + " select concat('存量', "
                + tag
                + "), p.gender, p.birth_date, p.category, p.township_code,"
                + " p.village_code, p.created_at, sha2(concat('seed-', "
                + tag
                + "), 256), p.id_number_enc,"
                + " p.phone_enc, p.address_enc, p.pii_key_id, null, null, null"
                + " from registry_person p join casefile_case c on c.applicant_person_id = p.id, "
                + seq
                + " where c.id = "
                + template);
        s.executeUpdate(
            "insert into casefile_case (case_number, case_type, county_code, township_code, village_code,"
                + " applicant_person_id, title, status, stage, stage_due_at, assigned_officer, filed_by,"
                + " process_instance_key, filed_at, updated_at, closed_at, version)"
                + " select concat('SEED-', "
                + tag
                + "), c.case_type, c.county_code, c.township_code, c.village_code,"
                + " (select id from registry_person where id_number_hmac = sha2(concat('seed-', "
                + tag
                + "), 256)),"
                + " c.title, 'CLOSED', null, null, c.assigned_officer, c.filed_by, null,"
                + " c.filed_at - interval q.seq minute, c.updated_at, c.updated_at, 0"
                + " from casefile_case c, "
                + seq
                + " where c.id = "
                + template);
        s.executeUpdate(
            "insert into assistance_application (case_id, case_number, applicant_person_id, cause, cause_year,"
                + " description, amount_requested, approved_amount, emergency_paid, emergency, household_size,"
                + " monthly_income, reviewer, materials_requested, outcome, refusal_reason, duplicate_of)"
                + " select n.id, n.case_number, n.applicant_person_id, a.cause, a.cause_year - 1, a.description,"
                + " a.amount_requested, a.approved_amount, null, a.emergency, a.household_size, a.monthly_income,"
                + " a.reviewer, false, a.outcome, null, null"
                + " from assistance_application a join casefile_case n on n.case_number like concat('SEED-"
                + run
                + "-%')"
                + " and n.id not in (select case_id from assistance_application) where a.case_id = "
                + template);
        s.executeUpdate(
            "insert into casefile_history (case_id, at, actor, actor_role, action, outcome, reason, step_key, element_id)"
                + " select n.id, h.at, h.actor, h.actor_role, h.action, h.outcome, h.reason, h.step_key, h.element_id"
                + " from casefile_history h join casefile_case n on n.case_number like concat('SEED-"
                + run
                + "-%')"
                + " and n.id not in (select distinct case_id from casefile_history) where h.case_id = "
                + template);
        s.executeUpdate(
            "insert into ledger_disbursement (disbursement_id, entry_type, case_number, beneficiary_person_id,"
                + " programme, purpose, period, revision, amount, region_code, created_at, reverses_id, cause,"
                + " household_id, reason, recorded_by)"
                + " select concat('DB-SEED-', n.id), d.entry_type, n.case_number, n.applicant_person_id, d.programme,"
                + " d.purpose, d.period, d.revision, d.amount, d.region_code, d.created_at, null, d.cause, d.household_id,"
                + " d.reason, d.recorded_by"
                + " from ledger_disbursement d join casefile_case t on t.case_number = d.case_number"
                + " join casefile_case n on n.case_number like concat('SEED-"
                + run
                + "-%')"
                + " and n.case_number not in (select case_number from ledger_disbursement)"
                + " where t.id = "
                + template);
      }
    }
    Kit.log(
        "seeded: %d cases in the database now (%d s)",
        Kit.count(db, "select count(*) from casefile_case"),
        Duration.between(t0, Instant.now()).toSeconds());
  }

  private static Map<String, double[]> perType(Map<String, List<Long>> byType) {
    Map<String, double[]> out = new LinkedHashMap<>();
    byType.forEach(
        (t, l) ->
            out.put(t, new double[] {Kit.percentile(l, 50), Kit.percentile(l, 99), l.size()}));
    return out;
  }

  static String fmt(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
  }
}
