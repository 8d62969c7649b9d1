package org.casework.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.casework.bench.Target.Role;

/**
 * The fault suite ({@code bench/faults}): the real app jar as a child JVM on its own database
 * ({@code casework_faults}, dropped first), reached through {@link DbProxy}, with fault points
 * ({@code CASEWORK_FAULTS_DIR}); processes killed and restarted. Each case prints PASS/FAIL with
 * its counts; the exit code is 0 only if all pass.
 *
 * <p>Order (one kill and one restart serve cases 1, 2 and 7): prepare a case waiting at the
 * follow-up timer (2), a case waiting at 入户核实 (7) and a case paused in its payment step after the
 * ledger write (1); kill -9; check the database while down, make the timer and the stage clock fall
 * due; restart; then 2, 7, 4, 5, 6, the end of 1 (the killed node's job lock must expire first),
 * and 3 (database cut).
 */
public final class FaultSuite {

  static final String DB = "casework_faults";
  static final int PORT = Integer.getInteger("faults.port", 8193);
  static final int PROXY_PORT = Integer.getInteger("faults.proxyPort", 8194);
  static final int CUT_SECONDS = Integer.getInteger("faults.cutSeconds", 35);
  static final String TOWNSHIP = "350502001";
  static final String VILLAGE = "350502001001";
  static final String PAY_POINT = "assistance.record-payment.paid";
  static final String VERIFY_POINT = "assistance.record-verification";

  record Result(String name, boolean pass, String counts) {}

  private final Path repo;
  private final Path out;
  private final Path points;
  private final Path jar;
  private final List<Result> results = new ArrayList<>();
  private final AtomicLong seq = new AtomicLong(Long.getLong("faults.seq", 20_000));
  private final Map<String, Http> sessions = new LinkedHashMap<>();
  private DbProxy proxy;
  private Db db;
  private App app;
  private int starts;

  private FaultSuite(Path repo) throws Exception {
    this.repo = repo;
    this.out = repo.resolve("target/faults");
    this.points = out.resolve("points");
    Files.createDirectories(points);
    try (var s = Files.list(repo.resolve("target"))) {
      jar =
          s.filter(p -> p.getFileName().toString().matches("casework-.*\\.jar"))
              .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no target/casework-*.jar"));
    }
  }

  static void say(String format, Object... args) {
    System.out.printf(
        "[faults %s] %s%n",
        LocalTime.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, args));
    System.out.flush();
  }

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(System.getProperty("faults.repo", ".")).toAbsolutePath().normalize();
    FaultSuite suite = new FaultSuite(repo);
    int failed;
    try {
      failed = suite.run();
    } finally {
      suite.shutdown();
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  private int run() throws Exception {
    clearPoints();
    say("fresh database %s; proxy :%d -> 3306; app :%d", DB, PROXY_PORT, PORT);
    Db.drop(DB);
    proxy = new DbProxy(PROXY_PORT, "127.0.0.1", 3306);
    startApp();
    db = new Db(DB);
    login();

    // ---- prepare the restart group (1, 2, 7) ----
    Prepared p = null;
    try {
      p = prepareRestartGroup();
    } catch (Exception e) {
      say("preparing cases 1, 2, 7 failed: %s", e);
      results.add(new Result("1 kill after the payment write", false, "preparation: " + e));
      results.add(new Result("2 timer due while down", false, "preparation: " + e));
      results.add(new Result("7 deadline during downtime", false, "preparation: " + e));
    }
    if (p != null) {
      downtime(p);
      case2(p);
      case7(p);
    }
    guarded("4 duplicate submissions", this::case4);
    guarded("5 claim race", this::case5);
    guarded("6 incident, 重试 on the cockpit", this::case6);
    if (p != null) {
      final Prepared prepared = p;
      guarded("1 kill after the payment write", () -> case1End(prepared));
    }
    guarded("3 database cut", this::case3);

    say("");
    say("==== fault suite ====");
    int failed = 0;
    for (Result r : results) {
      System.out.printf("%s  %s: %s%n", r.pass ? "PASS" : "FAIL", r.name, r.counts);
      if (!r.pass) {
        failed++;
      }
    }
    System.out.printf("%d of %d passed%n", results.size() - failed, results.size());
    return failed;
  }

  interface Case {
    String run() throws Exception;
  }

  /** Runs a case; an assertion failure or error is a FAIL with its message. */
  private void guarded(String name, Case c) {
    say("---- %s ----", name);
    try {
      String counts = c.run();
      results.add(new Result(name, true, counts));
      say("PASS %s: %s", name, counts);
    } catch (Throwable e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      results.add(new Result(name, false, msg));
      say("FAIL %s: %s", name, msg);
    } finally {
      clearPoints();
    }
  }

  static void check(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new AssertionError(String.format(format, args));
    }
  }

  // ---------------------------------------------------------------- app, sessions

  private void startApp() throws Exception {
    starts++;
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CASEWORK_DB_NAME", DB);
    env.put("CASEWORK_DB_PORT", Integer.toString(proxy.port()));
    env.put("CASEWORK_PORT", Integer.toString(PORT));
    env.put("CASEWORK_DEMO_DATA", "true");
    // demo profile: the development audit key; the bench creates its database as root and the app
    // runs as root there (./casework creates the least-privilege logins for run and test only)
    env.put("SPRING_PROFILES_ACTIVE", "demo");
    env.put("CASEWORK_DB_USER", "root");
    env.put("CASEWORK_DB_PASSWORD", "");
    env.put("CASEWORK_DB_OWNER", "root");
    env.put("CASEWORK_DB_OWNER_PASSWORD", "");
    env.put("CASEWORK_JOB_EXECUTOR", "true");
    env.put("CASEWORK_FAULTS_DIR", points.toString());
    say("starting the app (start %d)", starts);
    app =
        App.start(
            "casework-faults-" + starts,
            repo,
            List.of(
                // the deadline watcher every 5 s instead of every minute (case 7 waits for it)
                "-Dcasework.sla.watch-interval=PT5S",
                "-Dcasework.sla.watch-initial-delay=PT5S",
                "-jar",
                jar.toString()),
            env,
            PORT,
            "/actuator/health",
            out);
  }

  private void login() throws Exception {
    sessions.clear();
    for (String u : List.of("zhangwei", "wangfang", "lixiaohong", "liuyang", "huangmin")) {
      Http h = new Http(app.base, u);
      h.formLogin("demo123");
      sessions.put(u, h);
    }
  }

  private Http as(String user) {
    return sessions.get(user);
  }

  private void shutdown() {
    try {
      if (app != null && app.process.isAlive()) {
        app.stop();
      }
    } catch (Exception e) {
      // best effort
    }
    try {
      if (proxy != null) {
        proxy.close();
      }
      if (db != null) {
        db.close();
      }
    } catch (Exception e) {
      // best effort
    }
  }

  private void clearPoints() {
    try (var s = Files.list(points)) {
      for (Path f : s.toList()) {
        Files.deleteIfExists(f);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- filing, tasks, database

  private Map<String, Object> application(long n, String village) {
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("idNumber", Target.Casework.idNumber(n));
    applicant.put("name", "故障测试" + n);
    applicant.put("category", "VETERAN");
    applicant.put("townshipCode", TOWNSHIP);
    if (village != null) {
      applicant.put("villageCode", village);
    }
    applicant.put("address", "故障测试地址" + n + "号");
    applicant.put("householdMembers", List.of());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicant", applicant);
    body.put("cause", "ILLNESS");
    body.put("description", "故障测试申请 " + n);
    body.put("amountRequested", Target.AMOUNT);
    body.put("monthlyIncome", 500);
    body.put("emergency", false);
    return body;
  }

  /** Files a new case as zhangwei; its case number. */
  private String file(String village) throws Exception {
    HttpResponse<String> r =
        as("zhangwei")
            .postJson("/api/hardship/applications", application(seq.incrementAndGet(), village));
    Http.expect(r, "filing", 201);
    return as("zhangwei").json(r).get("caseNumber").asText();
  }

  private String pid(String caseNumber) throws Exception {
    List<List<String>> rows =
        db.rows(
            "SELECT PROC_INST_ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?"
                + " AND PROC_DEF_KEY_ = 'hardship-assistance'",
            caseNumber);
    check(rows.size() == 1, "case %s has %d process instances", caseNumber, rows.size());
    return rows.getFirst().getFirst();
  }

  private String status(String caseNumber) throws Exception {
    List<List<String>> rows =
        db.rows("SELECT status FROM casefile_case WHERE case_number = ?", caseNumber);
    return rows.isEmpty() ? null : rows.getFirst().getFirst();
  }

  private String openTask(String caseNumber, String taskKey) throws Exception {
    List<List<String>> rows =
        db.rows(
            "SELECT t.ID_ FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
                + " WHERE e.BUSINESS_KEY_ = ? AND t.TASK_DEF_KEY_ = ?",
            caseNumber,
            taskKey);
    return rows.isEmpty() ? null : rows.getFirst().getFirst();
  }

  private String awaitTask(String caseNumber, String taskKey, Duration timeout) throws Exception {
    Instant until = Instant.now().plus(timeout);
    while (true) {
      String id = openTask(caseNumber, taskKey);
      if (id != null) {
        return id;
      }
      check(
          Instant.now().isBefore(until),
          "case %s: no task %s after %d s (status %s)",
          caseNumber,
          taskKey,
          timeout.toSeconds(),
          status(caseNumber));
      Thread.sleep(300);
    }
  }

  private static void await(String what, Duration timeout, Callable<Boolean> condition)
      throws Exception {
    Instant until = Instant.now().plus(timeout);
    while (!condition.call()) {
      check(Instant.now().isBefore(until), "%s: not after %d s", what, timeout.toSeconds());
      Thread.sleep(500);
    }
  }

  private void awaitStatus(String caseNumber, String status, Duration timeout) throws Exception {
    await(
        "case " + caseNumber + " status " + status + " (is " + status(caseNumber) + ")",
        timeout,
        () -> status.equals(status(caseNumber)));
  }

  private HttpResponse<String> claim(String user, String taskId) throws Exception {
    return as(user).postJson("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
  }

  private HttpResponse<String> submit(String user, Role form, String taskId) throws Exception {
    return as(user)
        .postJson(
            "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Target.form(form)));
  }

  /** Waits for the task, claims it and submits its form as the user. */
  private void work(String user, Role form, String caseNumber, String taskKey) throws Exception {
    String id = awaitTask(caseNumber, taskKey, Duration.ofSeconds(120));
    Http.expect(claim(user, id), "claim " + taskKey + " of " + caseNumber + " as " + user, 204);
    Http.expect(
        submit(user, form, id), "submit " + taskKey + " of " + caseNumber + " as " + user, 204);
  }

  private long count(String sql, Object... args) throws Exception {
    return db.count(sql, args);
  }

  // ---------------------------------------------------------------- cases 1, 2, 7: the restart

  record Prepared(
      String paid, // case 1: paused in its payment step
      String statusBeforeKill,
      String timerCase, // case 2: waiting at the follow-up timer
      String timerJob,
      String clockCase, // case 7: waiting at 入户核实
      long clockId,
      String clockKey,
      Instant killedAt) {}

  private Prepared prepareRestartGroup() throws Exception {
    say("preparing: a case to the follow-up timer (2), one at 入户核实 (7), one to payment (1)");
    String timerCase = file(VILLAGE);
    String paidCase = file(VILLAGE);
    String clockCase = file(VILLAGE);
    for (String c : List.of(timerCase, paidCase)) {
      work("lixiaohong", Role.VILLAGE, c, "Task_VillageVerification");
    }
    for (String c : List.of(timerCase, paidCase)) {
      work("zhangwei", Role.REVIEW, c, "Task_TownshipReview");
    }
    work("liuyang", Role.APPROVAL, timerCase, "Task_TownshipHeadApproval");
    awaitStatus(timerCase, "FOLLOW_UP", Duration.ofSeconds(120));
    String timerJob =
        db.rows(
                "SELECT j.ID_ FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_"
                    + " WHERE d.ACT_ID_ = 'Timer_FollowUp' AND j.PROCESS_INSTANCE_ID_ = ?",
                pid(timerCase))
            .getFirst()
            .getFirst();
    awaitTask(clockCase, "Task_VillageVerification", Duration.ofSeconds(60));
    List<List<String>> clock =
        db.rows(
            "SELECT id, clock_key FROM sla_clock WHERE case_number = ? AND state = 'RUNNING'"
                + " AND clock_key LIKE 'stage:%'",
            clockCase);
    check(clock.size() == 1, "case %s: %d running stage clocks", clockCase, clock.size());

    // case 1: hold the payment step after its ledger write, then kill the app there
    awaitTask(paidCase, "Task_TownshipHeadApproval", Duration.ofSeconds(120));
    Files.writeString(points.resolve(PAY_POINT + ".pause"), "fault suite");
    work("liuyang", Role.APPROVAL, paidCase, "Task_TownshipHeadApproval");
    Path reached = points.resolve(PAY_POINT + ".reached");
    await(
        "payment step of " + paidCase + " at " + PAY_POINT,
        Duration.ofSeconds(120),
        () -> Files.exists(reached));
    String before = status(paidCase);
    say(
        "case %s paused after its ledger write (committed status %s); kill -9 pid %d",
        paidCase, before, app.pid());
    app.process.destroyForcibly();
    check(app.process.waitFor(30, TimeUnit.SECONDS), "app did not die");
    Instant killed = Instant.now();
    return new Prepared(
        paidCase,
        before,
        timerCase,
        timerJob,
        clockCase,
        Long.parseLong(clock.getFirst().get(0)),
        clock.getFirst().get(1),
        killed);
  }

  /** While the app is down: case 1's checks; case 2's timer and case 7's clock fall due. */
  private void downtime(Prepared p) throws Exception {
    String c1 = "1 kill after the payment write (while down)";
    try {
      long paid = count("SELECT COUNT(*) FROM ledger_disbursement WHERE case_number = ?", p.paid);
      List<List<String>> job =
          db.rows(
              "SELECT j.ID_, j.RETRIES_, j.LOCK_OWNER_, j.LOCK_EXP_TIME_ FROM ACT_RU_JOB j"
                  + " JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_"
                  + " WHERE d.ACT_ID_ = 'ServiceTask_RecordPayment' AND j.PROCESS_INSTANCE_ID_ = ?",
              pid(p.paid));
      String after = status(p.paid);
      long paidLines =
          count(
              "SELECT COUNT(*) FROM casefile_history h JOIN casefile_case c ON c.id = h.case_id"
                  + " WHERE c.case_number = ? AND h.action = '发放帮扶金'",
              p.paid);
      String counts =
          String.format(
              "disbursements %d (want 0), payment job %s, status %s -> %s, 发放帮扶金 lines %d",
              paid, job.isEmpty() ? "gone" : job.getFirst(), p.statusBeforeKill, after, paidLines);
      boolean ok =
          paid == 0
              && job.size() == 1
              && p.statusBeforeKill.equals(after)
              && !"PAID".equals(after)
              && paidLines == 0;
      results.add(new Result(c1, ok, counts));
      say("%s %s: %s", ok ? "PASS" : "FAIL", c1, counts);
    } catch (Throwable e) {
      results.add(new Result(c1, false, e.toString()));
    }
    Files.deleteIfExists(points.resolve(PAY_POINT + ".pause"));

    Timestamp soon = Timestamp.from(Instant.now().plusSeconds(4));
    int t = db.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ?", soon, p.timerJob);
    int c =
        db.update(
            "UPDATE sla_clock SET warn_first_at = ?, warn_second_at = ?, due_at = ? WHERE id = ?",
            soon,
            soon,
            soon,
            p.clockId);
    say(
        "while down: follow-up timer of %s due at %s (%d), stage clock %s of %s due then too (%d)",
        p.timerCase, soon.toInstant(), t, p.clockKey, p.clockCase, c);
    Thread.sleep(7000);
    long alerts = count("SELECT COUNT(*) FROM sla_clock_alert WHERE clock_id = ?", p.clockId);
    long fired =
        count(
            "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ? AND ACT_ID_ = 'Timer_FollowUp'"
                + " AND END_TIME_ IS NOT NULL",
            pid(p.timerCase));
    say("while down, after both fell due: alerts of the clock %d, timer fired %d", alerts, fired);
    downAlerts = alerts;
    downTimerFired = fired;
    startApp();
    login();
  }

  private long downAlerts = -1;
  private long downTimerFired = -1;

  private void case2(Prepared p) {
    guarded(
        "2 timer due while down",
        () -> {
          String pid = pid(p.timerCase);
          awaitTask(p.timerCase, "Task_FollowUpVisit", Duration.ofSeconds(90));
          Thread.sleep(3000);
          long fired =
              count(
                  "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ?"
                      + " AND ACT_ID_ = 'Timer_FollowUp' AND END_TIME_ IS NOT NULL",
                  pid);
          long tasks =
              count(
                  "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?"
                      + " AND TASK_DEF_KEY_ = 'Task_FollowUpVisit'",
                  pid);
          long runs =
              count(
                  "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = ? AND JOB_STATE_ = 2",
                  p.timerJob);
          long left = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ = ?", p.timerJob);
          String counts =
              String.format(
                  "fired while down %d, after restart: timer passed %d, successful job runs %d,"
                      + " 回访 tasks %d, timer job left %d, status %s",
                  downTimerFired, fired, runs, tasks, left, status(p.timerCase));
          check(
              downTimerFired == 0 && fired == 1 && runs == 1 && tasks == 1 && left == 0,
              "%s",
              counts);
          return counts;
        });
  }

  private void case7(Prepared p) {
    guarded(
        "7 deadline during downtime",
        () -> {
          String breachKey = "breach:" + p.clockCase + ":" + p.clockKey + ":%";
          await(
              "breach of " + p.clockCase + " escalated",
              Duration.ofSeconds(90),
              () ->
                  count(
                          "SELECT COUNT(*) FROM sla_clock_alert WHERE clock_id = ? AND level = 'BREACH'"
                              + " AND escalated_at IS NOT NULL",
                          p.clockId)
                      == 1);
          Thread.sleep(12_000); // two more watcher passes: nothing twice
          long breaches =
              count(
                  "SELECT COUNT(*) FROM sla_clock_alert WHERE clock_id = ? AND level = 'BREACH'",
                  p.clockId);
          long supervisions =
              count(
                  "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'sla-supervision'"
                      + " AND BUSINESS_KEY_ LIKE ?",
                  breachKey);
          long tasks =
              count(
                  "SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
                      + " WHERE e.BUSINESS_KEY_ LIKE ?",
                  breachKey);
          long lines =
              count(
                  "SELECT COUNT(*) FROM casefile_history h JOIN casefile_case c ON c.id = h.case_id"
                      + " WHERE c.case_number = ? AND h.step_key LIKE ?",
                  p.clockCase,
                  "%alert:BREACH%");
          String counts =
              String.format(
                  "breaches while down %d, after restart %d, sla-supervision instances %d"
                      + " (督办 tasks open %d), 超期 history lines %d",
                  downAlerts, breaches, supervisions, tasks, lines);
          check(downAlerts == 0 && breaches == 1 && supervisions == 1, "%s", counts);
          return counts;
        });
  }

  private String case1End(Prepared p) throws Exception {
    List<List<String>> lock =
        db.rows(
            "SELECT j.LOCK_EXP_TIME_, j.LOCK_OWNER_ FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d"
                + " ON d.ID_ = j.JOB_DEF_ID_ WHERE d.ACT_ID_ = 'ServiceTask_RecordPayment'"
                + " AND j.PROCESS_INSTANCE_ID_ = ?",
            pid(p.paid));
    say(
        "case %s: payment job lock %s (the killed node's; the job runs again once it expires)",
        p.paid, lock);
    Instant start = Instant.now();
    awaitStatus(p.paid, "FOLLOW_UP", Duration.ofSeconds(420));
    long waited = Duration.between(p.killedAt, Instant.now()).toSeconds();
    long paid = count("SELECT COUNT(*) FROM ledger_disbursement WHERE case_number = ?", p.paid);
    long lines =
        count(
            "SELECT COUNT(*) FROM casefile_history h JOIN casefile_case c ON c.id = h.case_id"
                + " WHERE c.case_number = ? AND h.action = '发放帮扶金'",
            p.paid);
    String counts =
        String.format(
            "after restart: status FOLLOW_UP %d s after the kill (%d s after this check began),"
                + " disbursements %d, 发放帮扶金 history lines %d",
            waited, Duration.between(start, Instant.now()).toSeconds(), paid, lines);
    check(paid == 1 && lines == 1, "%s", counts);
    return counts;
  }

  // ---------------------------------------------------------------- case 4

  private String case4() throws Exception {
    Map<String, Object> body = application(seq.incrementAndGet(), VILLAGE);
    String key = "faults-" + UUID.randomUUID();
    Map<String, String> h = Map.of("Idempotency-Key", key);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<HttpResponse<String>>> racing = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      racing.add(
          pool.submit(
              () -> {
                start.await();
                return as("zhangwei").postJson("/api/hardship/applications", body, h);
              }));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (Future<HttpResponse<String>> f : racing) {
      answers.add(f.get(90, TimeUnit.SECONDS));
    }
    pool.shutdown();
    answers.add(as("zhangwei").postJson("/api/hardship/applications", body, h)); // the retry
    List<Integer> codes = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (HttpResponse<String> r : answers) {
      codes.add(r.statusCode());
      JsonNode j = Http.JSON.readTree(r.body());
      numbers.add(j.path("caseNumber").asText(r.body()));
    }
    String caseNumber = numbers.getFirst();
    long apps = count("SELECT COUNT(*) FROM assistance_application WHERE idempotency_key = ?", key);
    long cases =
        count(
            "SELECT COUNT(*) FROM casefile_case c JOIN casefile_case k"
                + " ON k.applicant_person_id = c.applicant_person_id WHERE k.case_number = ?",
            caseNumber);
    long instances =
        count(
            "SELECT COUNT(*) FROM ACT_HI_PROCINST p JOIN casefile_case c ON c.case_number = p.BUSINESS_KEY_"
                + " JOIN casefile_case k ON k.applicant_person_id = c.applicant_person_id"
                + " WHERE k.case_number = ?",
            caseNumber);
    String counts =
        String.format(
            "answers %s naming %s; applications with the key %d, cases of the applicant %d,"
                + " process instances %d",
            codes, numbers, apps, cases, instances);
    long created = codes.stream().filter(c -> c == 201).count();
    long replayed = codes.stream().filter(c -> c == 200).count();
    check(
        created == 1
            && replayed == 2
            && numbers.stream().distinct().count() == 1
            && apps == 1
            && cases == 1
            && instances == 1,
        "%s",
        counts);
    return counts;
  }

  // ---------------------------------------------------------------- case 5

  private String case5() throws Exception {
    // no village: 入户核实 goes to the township caseworkers (zhangwei, wangfang)
    String caseNumber = file(null);
    String task = awaitTask(caseNumber, "Task_VillageVerification", Duration.ofSeconds(90));
    List<HttpResponse<String>> claims =
        race(List.of(() -> claim("zhangwei", task), () -> claim("wangfang", task)));
    int won = -1;
    String loserMessage = null;
    int loserCode = 0;
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r = claims.get(i);
      if (r.statusCode() == 204) {
        won = won == -1 ? i : -2;
      } else {
        loserCode = r.statusCode();
        loserMessage = r.body();
      }
    }
    String assignee =
        db.rows("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", task).getFirst().getFirst();
    String claimCounts =
        String.format(
            "claims answered %d/%d, assignee %s, loser %d %s",
            claims.get(0).statusCode(),
            claims.get(1).statusCode(),
            assignee,
            loserCode,
            loserMessage == null ? "" : abbreviate(loserMessage));
    say("claim race: %s", claimCounts);
    check(won >= 0, "not exactly one claim won: %s", claimCounts);
    String winner = won == 0 ? "zhangwei" : "wangfang";
    boolean clear =
        loserCode == 409
            && loserMessage != null
            && loserMessage.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF);
    long claimLines =
        count(
            "SELECT COUNT(*) FROM casefile_history WHERE step_key LIKE ?", "claim:" + task + ":%");

    List<HttpResponse<String>> completions =
        race(
            List.of(
                () -> submit(winner, Role.VILLAGE, task),
                () -> submit(winner, Role.VILLAGE, task)));
    long ok = completions.stream().filter(r -> r.statusCode() == 204).count();
    HttpResponse<String> other =
        completions.stream().filter(r -> r.statusCode() != 204).findFirst().orElse(null);
    long engine =
        count(
            "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ? AND END_TIME_ IS NOT NULL"
                + " AND DELETE_REASON_ = 'completed'",
            task);
    long lines = count("SELECT COUNT(*) FROM casefile_history WHERE step_key = ?", "done:" + task);
    String counts =
        String.format(
            "%s; claim history lines %d; completions answered %d/%d (%s), engine completions %d,"
                + " completion history lines %d",
            claimCounts,
            claimLines,
            completions.get(0).statusCode(),
            completions.get(1).statusCode(),
            other == null ? "-" : other.statusCode() + " " + abbreviate(other.body()),
            engine,
            lines);
    check(clear && claimLines == 1 && ok == 1 && engine == 1 && lines == 1, "%s", counts);
    return counts;
  }

  /** Sends the requests at the same moment (a barrier), returns their answers in order. */
  private static List<HttpResponse<String>> race(List<Callable<HttpResponse<String>>> calls)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CyclicBarrier start = new CyclicBarrier(calls.size());
    List<Future<HttpResponse<String>>> fs = new ArrayList<>();
    for (Callable<HttpResponse<String>> c : calls) {
      fs.add(
          pool.submit(
              () -> {
                start.await();
                return c.call();
              }));
    }
    List<HttpResponse<String>> rs = new ArrayList<>();
    for (Future<HttpResponse<String>> f : fs) {
      rs.add(f.get(90, TimeUnit.SECONDS));
    }
    pool.shutdown();
    return rs;
  }

  static String abbreviate(String s) {
    String t = s.replace('\n', ' ');
    return t.length() > 220 ? t.substring(0, 220) + "…" : t;
  }

  // ---------------------------------------------------------------- case 6

  private String case6() throws Exception {
    String caseNumber = file(VILLAGE);
    String pid = pid(caseNumber);
    Files.writeString(points.resolve(VERIFY_POINT + ".fail"), "fault suite");
    work("lixiaohong", Role.VILLAGE, caseNumber, "Task_VillageVerification");
    Instant completed = Instant.now();
    await(
        "incident of " + caseNumber,
        Duration.ofSeconds(120),
        () -> count("SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE PROC_INST_ID_ = ?", pid) > 0);
    long toIncident = Duration.between(completed, Instant.now()).toSeconds();
    long failures =
        count(
            "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_INSTANCE_ID_ = ?"
                + " AND ACT_ID_ = 'ServiceTask_RecordVerification' AND JOB_STATE_ = 1",
            pid);
    HttpResponse<String> board = as("huangmin").get("/api/sla/cockpit/incidents");
    Http.expect(board, "cockpit incidents as huangmin", 200);
    JsonNode row = null;
    for (JsonNode i : Http.JSON.readTree(board.body()).path("incidents")) {
      if (caseNumber.equals(i.path("caseNumber").asText())) {
        row = i;
      }
    }
    check(
        row != null,
        "case %s's incident not on huangmin's cockpit: %s",
        caseNumber,
        abbreviate(board.body()));
    String shown = row.path("elementName").asText() + " / " + row.path("errorLabel").asText();
    Files.deleteIfExists(points.resolve(VERIFY_POINT + ".fail"));
    HttpResponse<String> retried =
        as("huangmin")
            .postJson(
                "/api/sla/cockpit/incidents/" + row.path("incidentId").asText() + "/retry",
                Map.of());
    Http.expect(retried, "重试 as huangmin", 200);
    awaitTask(caseNumber, "Task_TownshipReview", Duration.ofSeconds(90));
    long left = count("SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE PROC_INST_ID_ = ?", pid);
    long retryLines =
        count(
            "SELECT COUNT(*) FROM casefile_history h JOIN casefile_case c ON c.id = h.case_id"
                + " WHERE c.case_number = ? AND h.action = '重试故障环节'",
            caseNumber);
    String counts =
        String.format(
            "failed tries %d, incident after %d s, on the cockpit as %s; after 重试: status %s,"
                + " incidents left %d, 重试故障环节 lines %d",
            failures, toIncident, shown, status(caseNumber), left, retryLines);
    check(failures == 3 && left == 0 && retryLines == 1, "%s", counts);
    return counts;
  }

  // ---------------------------------------------------------------- case 3

  record Probe(long sentMs, long tookMs, int status, String db) {}

  private String case3() throws Exception {
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cases.add(file(VILLAGE));
    }
    Map<String, String> tasks = new LinkedHashMap<>();
    for (String c : cases) {
      String t = awaitTask(c, "Task_VillageVerification", Duration.ofSeconds(120));
      Http.expect(claim("lixiaohong", t), "claim", 204);
      tasks.put(c, t);
    }
    // two completions in flight as the cut begins (their async steps are jobs then), a filing
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (String c : cases.subList(0, 2)) {
      inFlight.add(pool.submit(() -> submit("lixiaohong", Role.VILLAGE, tasks.get(c))));
    }
    long filingSeq = seq.incrementAndGet();
    String filingKey = "faults-" + UUID.randomUUID();
    Map<String, Object> filing = application(filingSeq, VILLAGE);
    Future<HttpResponse<String>> filed =
        pool.submit(
            () ->
                as("zhangwei")
                    .postJson(
                        "/api/hardship/applications",
                        filing,
                        Map.of("Idempotency-Key", filingKey)));
    Thread.sleep(300);
    proxy.cut();
    long cutAt = System.nanoTime();
    say("database cut for %d s", CUT_SECONDS);
    List<Probe> probes = new CopyOnWriteArrayList<>();
    Thread prober =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  HttpClient hc =
                      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                  while (proxy.isCut()) {
                    long sent = System.nanoTime();
                    int code = -1;
                    String dbStatus = "?";
                    try {
                      HttpResponse<String> r =
                          hc.send(
                              HttpRequest.newBuilder(URI.create(app.base + "/actuator/health"))
                                  .timeout(Duration.ofSeconds(60))
                                  .build(),
                              HttpResponse.BodyHandlers.ofString());
                      code = r.statusCode();
                      dbStatus =
                          Http.JSON
                              .readTree(r.body())
                              .path("components")
                              .path("db")
                              .path("status")
                              .asText("?");
                    } catch (Exception e) {
                      dbStatus = e.getClass().getSimpleName();
                    }
                    probes.add(
                        new Probe(
                            (sent - cutAt) / 1_000_000,
                            (System.nanoTime() - sent) / 1_000_000,
                            code,
                            dbStatus));
                    try {
                      Thread.sleep(1000);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    // a completion sent during the cut
    Thread.sleep(2000);
    Future<HttpResponse<String>> duringCut =
        pool.submit(() -> submit("lixiaohong", Role.VILLAGE, tasks.get(cases.get(2))));
    Thread.sleep(Math.max(0, CUT_SECONDS * 1000L - (System.nanoTime() - cutAt) / 1_000_000));
    proxy.restore();
    long cutMs = (System.nanoTime() - cutAt) / 1_000_000;
    say("database back after %d ms (%d connections refused meanwhile)", cutMs, proxy.refused());
    prober.join(70_000);
    Instant back = Instant.now();
    await(
        "health 200 after the cut",
        Duration.ofSeconds(120),
        () -> {
          try {
            return as("zhangwei").get("/actuator/health").statusCode() == 200;
          } catch (Exception e) {
            return false;
          }
        });
    long healthBack = Duration.between(back, Instant.now()).toMillis();
    List<String> answers = new ArrayList<>();
    for (Future<HttpResponse<String>> f : inFlight) {
      answers.add(answerOf(f));
    }
    answers.add("during cut " + answerOf(duringCut));
    String filingAnswer = answerOf(filed);
    pool.shutdown();

    // every case moves on; incidents (3 tries 10 s apart may all fall in the cut) retried. A job
    // that was running when the cut came cannot record its failure: it stays locked by the node
    // until the lock expires (the engine's lock time), then runs again; wait for that too.
    List<String> pids = new ArrayList<>();
    for (String c : cases) {
      pids.add(pid(c));
    }
    for (List<String> r :
        db.rows(
            "SELECT p.PROC_INST_ID_ FROM ACT_HI_PROCINST p JOIN assistance_application a"
                + " ON a.case_number = p.BUSINESS_KEY_ WHERE a.idempotency_key = ?",
            filingKey)) {
      pids.add(r.getFirst());
    }
    String in = "?,".repeat(pids.size() - 1) + "?";
    List<List<String>> locked =
        db.rows(
            "SELECT d.ACT_ID_, TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), j.LOCK_EXP_TIME_) FROM ACT_RU_JOB j"
                + " JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_ WHERE j.LOCK_OWNER_ IS NOT NULL"
                + " AND j.PROCESS_INSTANCE_ID_ IN ("
                + in
                + ")",
            pids.toArray());
    long lockWait = 0;
    for (List<String> l : locked) {
      lockWait = Math.max(lockWait, Long.parseLong(l.get(1)));
    }
    say(
        "jobs of these cases still locked when the database is back (step, seconds to lock expiry): %s",
        locked);
    // retry what did not go through, as an officer would; the filing with its key
    HttpResponse<String> refiled =
        as("zhangwei")
            .postJson("/api/hardship/applications", filing, Map.of("Idempotency-Key", filingKey));
    Http.expect(refiled, "filing again with the same key after the cut", 200, 201);
    String filedCase = Http.JSON.readTree(refiled.body()).get("caseNumber").asText();
    int resent = 0;
    for (String c : cases) {
      String open = openTask(c, "Task_VillageVerification");
      if (open != null) {
        resent++;
        String assignee =
            db.rows("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", open).getFirst().getFirst();
        if (assignee == null) {
          Http.expect(claim("lixiaohong", open), "claim after the cut", 204);
        }
        Http.expect(submit("lixiaohong", Role.VILLAGE, open), "submit after the cut", 204);
      }
    }
    List<String> all = new ArrayList<>(cases);
    all.add(filedCase);
    List<String> problems0 = new ArrayList<>();
    int retried = 0;
    Instant waitFrom = Instant.now();
    Instant until = Instant.now().plusSeconds(Math.max(120, lockWait + 90));
    String stuck = null;
    while (true) {
      int moved = 0;
      for (String c : cases) {
        if (openTask(c, "Task_TownshipReview") != null) {
          moved++;
        }
      }
      boolean filedMoved = openTask(filedCase, "Task_VillageVerification") != null;
      if (moved == cases.size() && filedMoved) {
        break;
      }
      List<String> incidents = new ArrayList<>();
      for (String c : all) {
        for (List<String> r :
            db.rows("SELECT ID_ FROM ACT_RU_INCIDENT WHERE PROC_INST_ID_ = ?", pid(c))) {
          incidents.add(r.getFirst());
        }
      }
      for (String i : incidents) {
        say("incident %s after the cut: 重试 through the cockpit", i);
        Http.expect(
            as("huangmin").postJson("/api/sla/cockpit/incidents/" + i + "/retry", Map.of()),
            "重试",
            200);
        retried++;
      }
      if (!Instant.now().isBefore(until)) {
        stuck =
            String.format(
                "not all moved on within %d s: %d of %d at 乡镇受理审核, filed case %s at 入户核实 %s",
                Duration.between(waitFrom, Instant.now()).toSeconds(),
                moved,
                cases.size(),
                filedCase,
                filedMoved);
        break;
      }
      Thread.sleep(1000);
    }
    long movedAfter = (System.nanoTime() - cutAt) / 1_000_000_000L;
    if (stuck != null) {
      problems0.add(stuck);
    }
    // no half-written case: each engine completion has its history line, the status matches
    List<String> problems = new ArrayList<>(problems0);
    for (String c : cases) {
      String pid = pid(c);
      long done =
          count(
              "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?"
                  + " AND TASK_DEF_KEY_ = 'Task_VillageVerification' AND DELETE_REASON_ = 'completed'",
              pid);
      long lines =
          count(
              "SELECT COUNT(*) FROM casefile_history h JOIN ACT_HI_TASKINST t"
                  + " ON h.step_key = CONCAT('done:', t.ID_) WHERE t.PROC_INST_ID_ = ?",
              pid);
      String st = status(c);
      if (done != 1 || lines != 1 || !"UNDER_REVIEW".equals(st)) {
        problems.add(c + ": completions " + done + ", lines " + lines + ", status " + st);
      }
    }
    long filedCases =
        count("SELECT COUNT(*) FROM assistance_application WHERE idempotency_key = ?", filingKey);
    if (filedCases != 1 || !"VERIFYING".equals(status(filedCase))) {
      problems.add(
          "filing " + filedCase + ": applications " + filedCases + ", status " + status(filedCase));
    }
    long incidentsLeft = 0;
    for (String c : all) {
      incidentsLeft +=
          count("SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE PROC_INST_ID_ = ?", pid(c));
    }
    Probe first503 =
        probes.stream()
            .filter(pr -> pr.status == 503 && "DOWN".equals(pr.db))
            .findFirst()
            .orElse(null);
    String counts =
        String.format(
            "cut %d ms; health during the cut %s; first 503/db DOWN %s; 200 again %d ms after;"
                + " answers in flight %s, filing %s; resent %d; locked jobs %s; all moved on %d s"
                + " after the cut; incidents retried %d, left %d; problems %s",
            cutMs,
            probes.stream()
                .map(pr -> pr.sentMs + "ms:" + pr.status + "/" + pr.db + " in " + pr.tookMs + "ms")
                .toList(),
            first503 == null
                ? "none"
                : "sent "
                    + first503.sentMs
                    + " ms into the cut, answered in "
                    + first503.tookMs
                    + " ms",
            healthBack,
            answers,
            filingAnswer,
            resent,
            locked,
            movedAfter,
            retried,
            incidentsLeft,
            problems);
    check(first503 != null && problems.isEmpty() && incidentsLeft == 0, "%s", counts);
    return counts;
  }

  private static String answerOf(Future<HttpResponse<String>> f) {
    try {
      HttpResponse<String> r = f.get(90, TimeUnit.SECONDS);
      return r.statusCode()
          + (r.statusCode() >= 300
              ? " " + abbreviate(r.body()).substring(0, Math.min(80, abbreviate(r.body()).length()))
              : "");
    } catch (Exception e) {
      return e.getClass().getSimpleName();
    }
  }
}
