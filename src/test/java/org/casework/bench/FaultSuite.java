package org.casework.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

/**
 * The seven fault-injection cases of issue 8 against the real stack, each printing PASS/FAIL with
 * the counts that prove it. Run with {@code bench/faults} (see README); {@code -Dfaults.only=1,4}
 * runs a subset.
 */
public final class FaultSuite {

  static final String SCHEMA = Kit.prop("faults.schema", "casework_faults");
  static final int PROXY_PORT = Integer.parseInt(Kit.prop("faults.db-proxy-port", "13306"));
  static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

  record Verdict(int no, String name, boolean pass, String counts) {}

  private final List<Verdict> verdicts = new ArrayList<>();
  private final Path points = Path.of("target/faults/points");
  private final Workload load = new Workload();
  private AppProcess app;
  private Connection db;
  private DbProxy proxy;

  public static void main(String[] args) throws Exception {
    FaultSuite s = new FaultSuite();
    int failed;
    try {
      failed = s.run();
    } finally {
      s.shutdown();
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  int run() throws Exception {
    String only = Kit.prop("faults.only", "1,2,3,4,5,6,7");
    Files.createDirectories(points);
    try (var files = Files.list(points)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Kit.resetSchema(SCHEMA);
    db = Kit.db(SCHEMA);
    proxy = new DbProxy(PROXY_PORT, "127.0.0.1", 3306);
    proxy.open();
    app = newApp();
    app.start();
    app.awaitUp(Duration.ofMinutes(4));
    for (String user : List.of("lixiaohong", "zhangwei", "liuyang", "demo")) {
      Kit.await(
          Duration.ofMinutes(2),
          2000,
          () -> Kit.Session.login(user, "demo".equals(user) ? "demo" : Kit.PASSWORD) != null);
    }
    load.deploy();
    List<Runnable> cases = new ArrayList<>();
    if (only.contains("4")) cases.add(this::duplicateSubmission);
    if (only.contains("5")) cases.add(this::concurrentCompletion);
    if (only.contains("1")) cases.add(this::killAfterPayment);
    if (only.contains("6")) cases.add(this::workerFailsThreeTimes);
    if (only.contains("3")) cases.add(this::databaseGone);
    if (only.contains("7")) cases.add(this::deadlineWhileAppDown);
    if (only.contains("2")) cases.add(this::engineRestart);
    for (Runnable c : cases) {
      c.run();
    }
    System.out.println();
    System.out.println(
        "==================== fault suite (this 2-core machine is shared with other builds) ====================");
    verdicts.sort(java.util.Comparator.comparingInt(Verdict::no));
    for (Verdict v : verdicts) {
      System.out.printf(
          "%s  %d. %s%n        %s%n", v.pass() ? "PASS" : "FAIL", v.no(), v.name(), v.counts());
    }
    long failed = verdicts.stream().filter(v -> !v.pass()).count();
    System.out.printf("%d of %d PASS%n", verdicts.size() - failed, verdicts.size());
    Files.writeString(
        Path.of("target/faults/verdicts.json"),
        Kit.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(verdicts));
    return (int) failed;
  }

  private AppProcess newApp() {
    return new AppProcess(
            Path.of(Kit.prop("bench.jar", "target/casework-0.1.0-SNAPSHOT.jar")),
            Integer.parseInt(Kit.prop("faults.port", "8091")),
            SCHEMA,
            Path.of("target/faults/app.log"))
        .env("CASEWORK_DB_PORT", String.valueOf(PROXY_PORT))
        .env("CASEWORK_FAULTS_DIR", points.toAbsolutePath().toString())
        // a job taken by a killed app comes back after 60 s instead of the default 5 min
        .arg("--camunda.client.zeebe.defaults.timeout=" + JOB_TIMEOUT)
        // workers wait out a dead database for 45 s (below the job timeout), then fail the job
        .arg("--casework.workers.db-outage-patience=PT45S")
        // the health check and the workers notice a dead database in 5 s, not 30
        .arg("--spring.datasource.hikari.connection-timeout=5000")
        .arg("--casework.sla.watch-interval=PT5S")
        .arg("--casework.sla.watch-initial-delay=PT5S");
  }

  private void shutdown() {
    try {
      if (app != null) {
        app.stop();
      }
    } catch (Exception e) {
      Kit.log("stopping the app: %s", e);
    }
    if (proxy != null) {
      proxy.close();
    }
    load.close();
  }

  private void verdict(int no, String name, boolean pass, String counts) {
    verdicts.add(new Verdict(no, name, pass, counts));
    Kit.log("%s %d. %s — %s", pass ? "PASS" : "FAIL", no, name, counts);
  }

  private void guarded(int no, String name, ThrowingRunnable body) {
    Kit.log("---- case %d: %s", no, name);
    try {
      body.run();
    } catch (Throwable e) {
      e.printStackTrace(System.out);
      verdict(no, name, false, "aborted: " + e);
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  // ---------------------------------------------------------------- helpers

  private Workload.Filed file() {
    return load.file(app);
  }

  private String status(String caseNumber) {
    return app.api("GET", "/api/cases/" + caseNumber, null, "zhangwei")
        .json()
        .path("caseFile")
        .path("status")
        .asText();
  }

  private boolean awaitStatus(String caseNumber, String status, Duration max) {
    return Kit.await(max, 1000, () -> status.equals(status(caseNumber)));
  }

  private long disbursements(String caseNumber) throws Exception {
    return Kit.count(
        db, "select count(*) from ledger_disbursement where case_number = ?", caseNumber);
  }

  private Optional<JsonNode> openTask(Kit.Session s, long pik, String element, Duration max) {
    JsonNode[] found = {null};
    Kit.await(
        max,
        1000,
        () -> {
          List<JsonNode> t =
              s.tasks(
                  Map.of(
                      "processInstanceKey",
                      String.valueOf(pik),
                      "taskDefinitionId",
                      element,
                      "state",
                      "CREATED"));
          if (t.size() == 1) {
            found[0] = t.getFirst();
            return true;
          }
          return false;
        });
    return Optional.ofNullable(found[0]);
  }

  /** Claims and completes the task as its member of staff, as in the browser. */
  private boolean completeTask(long pik, String element) {
    Kit.Session s = Kit.Session.login(Workload.USER_OF.get(element), Kit.PASSWORD);
    Optional<JsonNode> t = openTask(s, pik, element, Duration.ofSeconds(120));
    if (t.isEmpty()) {
      Kit.log("no open %s for instance %d", element, pik);
      return false;
    }
    String id = t.get().path("id").asText();
    return s.assign(id, true).status() == 200
        && s.complete(id, Workload.formValues(element)).status() == 200;
  }

  private boolean throughApproval(long pik) {
    return completeTask(pik, "Task_VillageVerification")
        && completeTask(pik, "Task_TownshipReview")
        && completeTask(pik, "Task_TownshipHeadApproval");
  }

  private long jobRecords(long pik, String type, String intent) {
    Kit.refreshRecords();
    return Kit.jobRecords(List.of(pik), List.of(intent)).stream()
        .filter(r -> type.equals(r.path("value").path("type").asText()))
        .count();
  }

  private Kit.Session operate() {
    return Kit.Session.login("demo", "demo");
  }

  /** Operate's view of an instance: ACTIVE / COMPLETED / CANCELED, "+incident" if it has one. */
  private String engineState(Kit.Session operate, long pik) {
    JsonNode i = operate.instance(pik);
    if (i == null) {
      return "MISSING";
    }
    return i.path("state").asText() + (i.path("incident").asBoolean(false) ? "+incident" : "");
  }

  private void restartApp() throws Exception {
    app = newApp();
    app.start();
    app.awaitUp(Duration.ofMinutes(4));
  }

  // ---------------------------------------------------------------- 4. duplicate submission

  private void duplicateSubmission() {
    guarded(
        4,
        "same application submitted twice with one Idempotency-Key → one case",
        () -> {
          Map<String, Object> application = load.application();
          String key = UUID.randomUUID().toString();
          CyclicBarrier together = new CyclicBarrier(2);
          Supplier<Kit.Answer> submit =
              () -> {
                try {
                  together.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return app.api(
                    "POST",
                    "/api/hardship/applications",
                    application,
                    "zhangwei",
                    "Idempotency-Key",
                    key);
              };
          CompletableFuture<Kit.Answer> a = CompletableFuture.supplyAsync(submit);
          CompletableFuture<Kit.Answer> b = CompletableFuture.supplyAsync(submit);
          Kit.Answer first = a.join();
          Kit.Answer second = b.join();
          Kit.Answer retry =
              app.api(
                  "POST",
                  "/api/hardship/applications",
                  application,
                  "zhangwei",
                  "Idempotency-Key",
                  key);
          List<Integer> statuses = List.of(first.status(), second.status(), retry.status());
          long distinct =
              java.util.stream.Stream.of(first, second, retry)
                  .map(x -> x.json().path("caseNumber").asText())
                  .distinct()
                  .count();
          long cases =
              Kit.count(
                  db, "select count(*) from assistance_application where idempotency_key = ?", key);
          String number = first.json().path("caseNumber").asText();
          long instances =
              Kit.await(
                      Duration.ofSeconds(60),
                      500,
                      () ->
                          Kit.count(
                                  db,
                                  "select count(*) from casefile_case where case_number = ? and process_instance_key is not null",
                                  number)
                              == 1)
                  ? 1
                  : 0;
          boolean pass =
              distinct == 1
                  && cases == 1
                  && instances == 1
                  && statuses.stream().filter(s -> s == 201).count() == 1
                  && statuses.stream().filter(s -> s == 200).count() == 2;
          verdict(
              4,
              "same application submitted twice with one Idempotency-Key → one case",
              pass,
              String.format(
                  "submissions 3 (2 racing + 1 retry) → HTTP %s, case numbers %d, cases with the key %d, process instances %d",
                  statuses, distinct, cases, instances));
        });
  }

  // ---------------------------------------------------------------- 5. two users, one task

  private void concurrentCompletion() {
    guarded(
        5,
        "two users claim / complete the same task at once → one wins",
        () -> {
          Workload.Filed f = file();
          Kit.Session a = Kit.Session.login("lixiaohong", Kit.PASSWORD);
          Kit.Session b = Kit.Session.login("zhangwei", Kit.PASSWORD);
          JsonNode task =
              openTask(a, f.pik(), "Task_VillageVerification", Duration.ofSeconds(120))
                  .orElseThrow();
          String id = task.path("id").asText();
          // claim race: neither overrides the other
          CyclicBarrier c1 = new CyclicBarrier(2);
          CompletableFuture<Kit.Answer> ca =
              CompletableFuture.supplyAsync(
                  () -> {
                    await(c1);
                    return a.assign(id, false);
                  });
          CompletableFuture<Kit.Answer> cb =
              CompletableFuture.supplyAsync(
                  () -> {
                    await(c1);
                    return b.assign(id, false);
                  });
          Kit.Answer claimA = ca.join();
          Kit.Answer claimB = cb.join();
          int claimsAccepted = (claimA.status() == 200 ? 1 : 0) + (claimB.status() == 200 ? 1 : 0);
          String claimLoser = claimA.status() == 200 ? claimB.body() : claimA.body();
          // Tasklist 8.6 checks "unassigned" and then writes, with no version check: two claims in
          // the same instant may both answer 200, and the later write holds the task. Either way
          // one
          // user holds it, and the other is refused when they try to complete it.
          String holder = a.task(id).path("assignee").asText("");
          Kit.Session winner = holder.equals(a.user) ? a : b;
          Kit.Session other = winner == a ? b : a;
          Kit.Answer refused = other.complete(id, Workload.formValues("Task_VillageVerification"));
          boolean oneHolds = holder.equals(a.user) || holder.equals(b.user);
          boolean otherRefused = refused.status() == 400;
          // complete race: each takes the task over and completes it at the same moment
          CyclicBarrier c2 = new CyclicBarrier(2);
          CompletableFuture<Kit.Answer> xa =
              CompletableFuture.supplyAsync(
                  () -> {
                    await(c2);
                    return winner.complete(id, Workload.formValues("Task_VillageVerification"));
                  });
          CompletableFuture<Kit.Answer> xb =
              CompletableFuture.supplyAsync(
                  () -> {
                    await(c2);
                    Kit.Answer take = other.assign(id, true);
                    return take.status() == 200
                        ? other.complete(id, Workload.formValues("Task_VillageVerification"))
                        : take;
                  });
          Kit.Answer doneA = xa.join();
          Kit.Answer doneB = xb.join();
          int completeWins = (doneA.status() == 200 ? 1 : 0) + (doneB.status() == 200 ? 1 : 0);
          String completeLoser = doneA.status() == 200 ? doneB.body() : doneA.body();
          // the engine moved on once, the app recorded one completion by the one who won
          boolean review =
              openTask(b, f.pik(), "Task_TownshipReview", Duration.ofSeconds(120)).isPresent();
          Kit.await(
              Duration.ofSeconds(90),
              1000,
              () -> historyCompletions(f.caseNumber(), "Task_VillageVerification") >= 1);
          Kit.sleep(3000);
          long lines = historyCompletions(f.caseNumber(), "Task_VillageVerification");
          long engineCompletions = jobRecords(f.pik(), "io.camunda.zeebe:userTask", "COMPLETED");
          boolean pass =
              oneHolds
                  && otherRefused
                  && completeWins == 1
                  && review
                  && lines == 1
                  && engineCompletions == 1;
          verdict(
              5,
              "two users claim / complete the same task at once → one wins",
              pass,
              String.format(
                  "claims 2 → accepted %d (other answer: %s), task held by %s, the other's completion"
                      + " refused %s (%d %s); completions 2 → won %d (loser: %s); engine completions"
                      + " %d, history lines %d, next task open %s",
                  claimsAccepted,
                  claimsAccepted == 2 ? "also 200" : shorten(claimLoser),
                  holder,
                  otherRefused,
                  refused.status(),
                  shorten(refused.body()),
                  completeWins,
                  shorten(completeLoser),
                  engineCompletions,
                  lines,
                  review));
        });
  }

  private long historyCompletions(String caseNumber, String element) {
    try {
      return Kit.count(
          db,
          "select count(*) from casefile_history h join casefile_case c on c.id = h.case_id"
              + " where c.case_number = ? and h.element_id = ? and h.step_key like 'done:%'",
          caseNumber,
          element);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("\\s+", " ");
    return t.length() > 140 ? t.substring(0, 140) + "…" : t;
  }

  private static void await(CyclicBarrier b) {
    try {
      b.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- 1. kill -9 after payment

  private void killAfterPayment() {
    String name =
        "app killed (-9) after writing the payment, before completing the job → paid once";
    guarded(
        1,
        name,
        () -> {
          Path pause = points.resolve("assistance.record-payment.paid.pause");
          Path reached = points.resolve("assistance.record-payment.paid.reached");
          Files.writeString(pause, "hold");
          Workload.Filed f = file();
          if (!throughApproval(f.pik())) {
            throw new IllegalStateException("could not complete the tasks of " + f.caseNumber());
          }
          if (!Kit.await(Duration.ofMinutes(3), 500, () -> Files.exists(reached))) {
            throw new IllegalStateException("the payment worker never reached the fault point");
          }
          long before = disbursements(f.caseNumber());
          app.kill9();
          Files.deleteIfExists(pause);
          Files.deleteIfExists(reached);
          restartApp();
          boolean followUp = awaitStatus(f.caseNumber(), "FOLLOW_UP", Duration.ofMinutes(3));
          long after = disbursements(f.caseNumber());
          Kit.sleep(3000);
          long timedOut = jobRecords(f.pik(), "assistance.record-payment", "TIMED_OUT");
          long completed = jobRecords(f.pik(), "assistance.record-payment", "COMPLETED");
          boolean pass = before == 1 && after == 1 && followUp && timedOut >= 1 && completed == 1;
          verdict(
              1,
              name,
              pass,
              String.format(
                  "case %s: disbursements before kill %d, after restart %d; payment job timed out %d× and was completed %d×; case %s",
                  f.caseNumber(), before, after, timedOut, completed, status(f.caseNumber())));
        });
  }

  // ---------------------------------------------------------------- 6. worker fails 3 times

  private void workerFailsThreeTimes() {
    String name =
        "a worker fails 3 times → incident in Operate and the cockpit, resolvable after the fix";
    guarded(
        6,
        name,
        () -> {
          Path fail = points.resolve("assistance.record-verification.fail");
          Files.writeString(fail, "fail");
          Workload.Filed f = file();
          completeTask(f.pik(), "Task_VillageVerification");
          Kit.Session operate = operate();
          JsonNode[] incident = {null};
          boolean seen =
              Kit.await(
                  Duration.ofMinutes(3),
                  2000,
                  () -> {
                    List<JsonNode> open = operate.incidents(f.pik());
                    open.removeIf(i -> !"ACTIVE".equals(i.path("state").asText()));
                    if (!open.isEmpty()) {
                      incident[0] = open.getFirst();
                      return true;
                    }
                    return false;
                  });
          long failures = jobRecords(f.pik(), "assistance.record-verification", "FAILED");
          String stateWithIncident = engineState(operate, f.pik());
          // the supervisor's cockpit lists it, with the case, the step and the Chinese label
          JsonNode[] row = {null};
          boolean inCockpit =
              seen
                  && Kit.await(
                      Duration.ofMinutes(1),
                      2000,
                      () -> {
                        Kit.Answer a =
                            app.api("GET", "/api/sla/cockpit/incidents", null, "huangmin");
                        if (a.status() != 200) {
                          return false;
                        }
                        for (JsonNode i : a.json().path("incidents")) {
                          if (f.caseNumber().equals(i.path("caseNumber").asText())) {
                            row[0] = i;
                            return true;
                          }
                        }
                        return false;
                      });
          // the fix, then 重试 on the cockpit: retries back to 1, incident resolved, case moves on
          Files.deleteIfExists(fail);
          boolean resolved = false;
          int retryStatus = -1;
          if (seen) {
            retryStatus =
                app.api(
                        "POST",
                        "/api/sla/cockpit/incidents/" + incident[0].path("key").asText() + "/retry",
                        null,
                        "huangmin")
                    .status();
            resolved =
                retryStatus == 200
                    && openTask(
                            Kit.Session.login("zhangwei", Kit.PASSWORD),
                            f.pik(),
                            "Task_TownshipReview",
                            Duration.ofMinutes(2))
                        .isPresent();
          }
          boolean incidentGone =
              Kit.await(
                  Duration.ofSeconds(90),
                  2000,
                  () ->
                      operate.incidents(f.pik()).stream()
                          .noneMatch(i -> "ACTIVE".equals(i.path("state").asText())));
          long retryLines = historyLines(f.caseNumber(), "重试故障环节");
          boolean pass =
              seen && failures >= 3 && inCockpit && resolved && incidentGone && retryLines == 1;
          verdict(
              6,
              name,
              pass,
              String.format(
                  "case %s: job failures %d, Operate incident %s (%s, instance %s); cockpit row %s;"
                      + " after the fix 重试 on the cockpit answered %d: case moved to 乡镇受理审核 %s,"
                      + " active incidents left %s, history lines 重试故障环节 %d",
                  f.caseNumber(),
                  failures,
                  seen ? incident[0].path("key").asText() : "none",
                  seen ? incident[0].path("type").asText() : "-",
                  stateWithIncident,
                  inCockpit
                      ? row[0].path("elementName").asText()
                          + " · "
                          + row[0].path("errorLabel").asText()
                      : "MISSING",
                  retryStatus,
                  resolved,
                  incidentGone ? 0 : "≥1",
                  retryLines));
        });
  }

  private long historyLines(String caseNumber, String action) {
    try {
      return Kit.count(
          db,
          "select count(*) from casefile_history h join casefile_case c on c.id = h.case_id"
              + " where c.case_number = ? and h.action = ?",
          caseNumber,
          action);
    } catch (Exception e) {
      return -1;
    }
  }

  // ---------------------------------------------------------------- 3. database gone for 30 s

  private void databaseGone() {
    String name =
        "database gone for 30 s under load → workers retry, no case lost, health reports it";
    guarded(
        3,
        name,
        () -> {
          List<Workload.Filed> cases = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            cases.add(file());
          }
          // the verifications complete just before the cut: their workers and listeners run into it
          for (Workload.Filed f : cases) {
            completeTask(f.pik(), "Task_VillageVerification");
          }
          proxy.cut();
          Instant cutAt = Instant.now();
          int attempts = 0;
          int accepted = 0;
          List<String> acceptedDuringCut = new ArrayList<>();
          boolean healthDown = false;
          String healthBody = "";
          while (Duration.between(cutAt, Instant.now()).toSeconds() < 30) {
            int h = app.health();
            if (h == 503) {
              healthDown = true;
              healthBody = app.healthBody();
            }
            attempts++;
            Kit.Answer a =
                app.api(
                    "POST",
                    "/api/hardship/applications",
                    load.application(),
                    "zhangwei",
                    "Idempotency-Key",
                    UUID.randomUUID().toString());
            if (a.status() == 201) {
              accepted++;
              acceptedDuringCut.add(a.json().path("caseNumber").asText());
            }
            Kit.sleep(2000);
          }
          proxy.open();
          Kit.log(
              "database proxy restored after %d s",
              Duration.between(cutAt, Instant.now()).toSeconds());
          boolean healthUp = Kit.await(Duration.ofSeconds(90), 1000, () -> app.health() == 200);
          Kit.Session zw = Kit.Session.login("zhangwei", Kit.PASSWORD);
          int movedOn = 0;
          for (Workload.Filed f : cases) {
            if (openTask(zw, f.pik(), "Task_TownshipReview", Duration.ofMinutes(3)).isPresent()) {
              movedOn++;
            }
          }
          Kit.Session operate = operate();
          Kit.sleep(5000);
          int incidents = 0;
          int failures = 0;
          for (Workload.Filed f : cases) {
            incidents +=
                operate.incidents(f.pik()).stream()
                    .filter(i -> "ACTIVE".equals(i.path("state").asText()))
                    .count();
            Kit.refreshRecords();
            failures += Kit.jobRecords(List.of(f.pik()), List.of("FAILED")).size();
          }
          boolean pass =
              healthDown
                  && healthUp
                  && movedOn == cases.size()
                  && incidents == 0
                  && accepted == acceptedDuringCut.size();
          verdict(
              3,
              name,
              pass,
              String.format(
                  "cases in flight %d → moved on after the outage %d, active incidents %d, failed job attempts retried %d; health during the cut %s, after %s; filings tried during the cut %d, accepted %d (refused ones were never acknowledged: nothing half-written)%s",
                  cases.size(),
                  movedOn,
                  incidents,
                  failures,
                  healthDown ? "503 DOWN" : "never DOWN",
                  healthUp ? "200 UP" : "not UP",
                  attempts,
                  accepted,
                  healthBody.contains("\"db\"") ? "; health names the db component" : ""));
        });
  }

  // ---------------------------------------------------------------- 7. deadline while app down

  private void deadlineWhileAppDown() {
    String name = "a deadline falls due while the app is down → breach recorded when it is back";
    guarded(
        7,
        name,
        () -> {
          Workload.Filed f = file();
          long clockId = 0;
          boolean hasClock =
              Kit.await(
                  Duration.ofSeconds(90),
                  1000,
                  () ->
                      Kit.count(
                              db,
                              "select count(*) from sla_clock where case_number = ? and state = 'RUNNING'",
                              f.caseNumber())
                          > 0);
          if (!hasClock) {
            throw new IllegalStateException("no running clock for " + f.caseNumber());
          }
          clockId =
              Kit.count(
                  db,
                  "select min(id) from sla_clock where case_number = ? and state = 'RUNNING'",
                  f.caseNumber());
          app.stop();
          Instant down = Instant.now();
          // the legal deadline of this clock falls 10 s into the downtime
          Timestamp due = Timestamp.from(down.plusSeconds(10));
          try (var ps =
              db.prepareStatement(
                  "update sla_clock set warn_first_at = ?, warn_second_at = ?, due_at = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(down.plusSeconds(2)));
            ps.setTimestamp(2, Timestamp.from(down.plusSeconds(5)));
            ps.setTimestamp(3, due);
            ps.setLong(4, clockId);
            ps.executeUpdate();
          }
          Kit.sleep(20_000);
          long breachesWhileDown =
              Kit.count(
                  db,
                  "select count(*) from sla_clock_alert where clock_id = ? and level = 'BREACH'",
                  clockId);
          restartApp();
          Instant up = Instant.now();
          long id = clockId;
          boolean breach =
              Kit.await(
                  Duration.ofMinutes(2),
                  2000,
                  () ->
                      Kit.count(
                              db,
                              "select count(*) from sla_clock_alert where clock_id = ? and level = 'BREACH'",
                              id)
                          == 1);
          boolean escalated =
              Kit.await(
                  Duration.ofMinutes(2),
                  2000,
                  () ->
                      Kit.count(
                              db,
                              "select count(*) from sla_clock_alert where clock_id = ? and level = 'BREACH' and escalated_at is not null",
                              id)
                          == 1);
          long history =
              Kit.count(
                  db,
                  "select count(*) from casefile_history h join casefile_case c on c.id = h.case_id where c.case_number = ? and h.action like '超期%'",
                  f.caseNumber());
          boolean pass = breachesWhileDown == 0 && breach && escalated && history >= 1;
          verdict(
              7,
              name,
              pass,
              String.format(
                  "case %s clock %d due %s (app down %s–%s): breaches while down %d, after restart %d, escalated to 督办 %s, history lines 超期 %d",
                  f.caseNumber(),
                  clockId,
                  due.toInstant(),
                  down,
                  up,
                  breachesWhileDown,
                  breach ? 1 : 0,
                  escalated,
                  history));
        });
  }

  // ---------------------------------------------------------------- 2. engine restart

  private void engineRestart() {
    String name =
        "engine stopped mid-case and restarted → no case vanished, timers due in the downtime fire";
    guarded(
        2,
        name,
        () -> {
          BpmnModelInstance probe =
              Bpmn.createExecutableProcess("fault-timer-probe")
                  .startEvent()
                  .intermediateCatchEvent("Timer_Probe")
                  .timerWithDuration("PT20S")
                  .endEvent()
                  .done();
          load.zeebe
              .newDeployResourceCommand()
              .addProcessModel(probe, "fault-timer-probe.bpmn")
              .send()
              .join();
          List<Workload.Filed> cases = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            cases.add(file());
          }
          completeTask(cases.getFirst().pik(), "Task_VillageVerification");
          List<Long> timers = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            timers.add(
                load.zeebe
                    .newCreateInstanceCommand()
                    .bpmnProcessId("fault-timer-probe")
                    .latestVersion()
                    .send()
                    .join()
                    .getProcessInstanceKey());
          }
          long camunda = Kit.stackPid("camunda");
          Kit.log("stopping the engine (Camunda pid %d)", camunda);
          new ProcessBuilder("kill", "-TERM", String.valueOf(camunda))
              .inheritIO()
              .start()
              .waitFor();
          Kit.await(
              Duration.ofSeconds(90),
              1000,
              () -> !ProcessHandle.of(camunda).map(ProcessHandle::isAlive).orElse(false));
          Instant down = Instant.now();
          // filed while the engine is down: the app keeps the case and starts its process later
          List<String> filedWhileDown = new ArrayList<>();
          for (int i = 0; i < 2; i++) {
            Kit.Answer a =
                app.api(
                    "POST",
                    "/api/hardship/applications",
                    load.application(),
                    "zhangwei",
                    "Idempotency-Key",
                    UUID.randomUUID().toString());
            if (a.status() == 201) {
              filedWhileDown.add(a.json().path("caseNumber").asText());
            }
          }
          Kit.sleep(Math.max(0, 25_000 - Duration.between(down, Instant.now()).toMillis()));
          Kit.log("starting the engine again");
          ProcessBuilder start =
              new ProcessBuilder("bash", "-c", "bin/stack start && bin/stack wait").inheritIO();
          start
              .environment()
              .put("CASEWORK_STACK_HOME", Kit.prop("casework.stack.home", ".casework/bench-stack"));
          if (start.start().waitFor() != 0) {
            throw new IllegalStateException("bin/stack start failed");
          }
          Instant up = Instant.now();
          // every case, including those filed during the downtime, gets its instance and finishes
          List<String> numbers = new ArrayList<>();
          cases.forEach(c -> numbers.add(c.caseNumber()));
          numbers.addAll(filedWhileDown);
          Map<String, Long> piks = new LinkedHashMap<>();
          for (String n : numbers) {
            Kit.await(
                Duration.ofMinutes(3),
                2000,
                () ->
                    app.api("GET", "/api/cases/" + n, null, "zhangwei")
                        .json()
                        .path("caseFile")
                        .path("processInstanceKey")
                        .isNumber());
            JsonNode k =
                app.api("GET", "/api/cases/" + n, null, "zhangwei")
                    .json()
                    .path("caseFile")
                    .path("processInstanceKey");
            piks.put(n, k.isNumber() ? k.asLong() : -1L);
          }
          for (Map.Entry<String, Long> e : piks.entrySet()) {
            if (e.getValue() > 0) {
              if (!"AWAITING_REVIEW".equals(status(e.getKey()))
                  && historyCompletions(e.getKey(), "Task_VillageVerification") == 0) {
                completeTask(e.getValue(), "Task_VillageVerification");
              }
              completeTask(e.getValue(), "Task_TownshipReview");
              completeTask(e.getValue(), "Task_TownshipHeadApproval");
            }
          }
          int completed = 0;
          for (String n : numbers) {
            if (awaitStatus(n, "FOLLOW_UP", Duration.ofMinutes(2))) {
              completed++;
            }
          }
          Kit.Session operate = operate();
          Map<String, Integer> states = new LinkedHashMap<>();
          int vanished = 0;
          for (Map.Entry<String, Long> e : piks.entrySet()) {
            String[] st = {"MISSING"};
            long k = e.getValue();
            Kit.await(
                Duration.ofSeconds(60),
                2000,
                () -> {
                  st[0] = k > 0 ? engineState(operate, k) : "MISSING";
                  return !"MISSING".equals(st[0]);
                });
            states.merge(st[0], 1, Integer::sum);
            if ("MISSING".equals(st[0])) {
              vanished++;
            }
          }
          int fired = 0;
          for (long t : timers) {
            String[] st = {""};
            Kit.await(
                Duration.ofSeconds(90),
                2000,
                () -> {
                  st[0] = engineState(operate, t);
                  return st[0].startsWith("COMPLETED");
                });
            if (st[0].startsWith("COMPLETED")) {
              fired++;
            }
          }
          boolean pass =
              vanished == 0
                  && completed == numbers.size()
                  && fired == timers.size()
                  && filedWhileDown.size() == 2;
          verdict(
              2,
              name,
              pass,
              String.format(
                  "engine down %s–%s; cases started %d (%d filed while the engine was down) → completed to 回访等待 %d, engine states %s, vanished %d; 20 s timers due during the downtime %d → fired %d",
                  down,
                  up,
                  numbers.size(),
                  filedWhileDown.size(),
                  completed,
                  states,
                  vanished,
                  timers.size(),
                  fired));
        });
  }
}
