package org.casework.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.worker.JobWorker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.registry.IdNumber;

/**
 * What a county office does to the system, driven from outside: files 困难帮扶 applications through the
 * app's API (as 张伟, ¥800: village verification → township review → township head → payment), and
 * claims and completes every user task through Tasklist's API as the member of staff it belongs to.
 * Also the bare-engine copy of the same BPMN with no-op workers.
 */
final class Workload implements AutoCloseable {

  static final String CASEWORK = "hardship-assistance";
  static final String BARE = "hardship-assistance-bare";
  static final Map<String, String> USER_OF =
      Map.of(
          "Task_VillageVerification", "lixiaohong",
          "Task_TownshipReview", "zhangwei",
          "Task_TownshipHeadApproval", "liuyang");
  static final String AMOUNT = "800.00";

  final ZeebeClient zeebe;
  long caseworkDefinition;
  long bareDefinition;
  private final AtomicLong people = new AtomicLong();
  private final List<JobWorker> bareWorkers = new ArrayList<>();

  Workload() {
    zeebe =
        ZeebeClient.newClientBuilder()
            .grpcAddress(URI.create(Kit.GRPC))
            .usePlaintext()
            .defaultRequestTimeout(Duration.ofSeconds(20))
            .build();
  }

  /**
   * The casework process as the app deploys it (same name and bytes: the engine answers with the
   * deployed version) and the bare copy: other process id, job types prefixed "bare.".
   */
  void deploy() throws Exception {
    deploy("");
  }

  /**
   * With a tag: a new version of both processes (same model, a comment with the tag), so a phase's
   * Tasklist searches see only its own cases, not what an earlier phase left open.
   */
  void deploy(String tag) throws Exception {
    byte[] bpmn = Files.readAllBytes(Path.of("target/classes/bpmn/hardship-assistance.bpmn"));
    if (!tag.isEmpty()) {
      bpmn =
          (new String(bpmn, StandardCharsets.UTF_8) + "\n<!-- benchmark phase " + tag + " -->\n")
              .getBytes(StandardCharsets.UTF_8);
    }
    DeploymentEvent cw =
        zeebe
            .newDeployResourceCommand()
            .addResourceBytes(bpmn, "hardship-assistance.bpmn")
            .send()
            .join();
    caseworkDefinition = cw.getProcesses().getFirst().getProcessDefinitionKey();
    String bare =
        new String(bpmn, StandardCharsets.UTF_8)
            .replace("\"hardship-assistance\"", "\"" + BARE + "\"")
            .replace("name=\"困难帮扶\"", "name=\"困难帮扶（裸引擎基准）\"")
            .replace("type=\"assistance.", "type=\"bare.assistance.")
            .replace("type=\"casefile.", "type=\"bare.casefile.")
            .replace("type=\"sla.", "type=\"bare.sla.");
    DeploymentEvent b =
        zeebe.newDeployResourceCommand().addResourceStringUtf8(bare, BARE + ".bpmn").send().join();
    bareDefinition = b.getProcesses().getFirst().getProcessDefinitionKey();
    Kit.log(
        "deployed %s (key %d) and %s (key %d)", CASEWORK, caseworkDefinition, BARE, bareDefinition);
    if (!bareWorkers.isEmpty()) {
      return;
    }
    Set<String> types = new LinkedHashSet<>();
    Matcher m = Pattern.compile("type=\"(bare\\.[^\"]+)\"").matcher(bare);
    while (m.find()) {
      types.add(m.group(1));
    }
    for (String type : types) {
      bareWorkers.add(
          zeebe
              .newWorker()
              .jobType(type)
              .handler(
                  (client, job) ->
                      client
                          .newCompleteCommand(job.getKey())
                          .variables(bareOutput(type, job.getVariablesAsMap()))
                          .send()
                          .join())
              .name("bench-bare")
              .maxJobsActive(32)
              .timeout(Duration.ofMinutes(5))
              .pollInterval(Duration.ofMillis(100))
              .fetchVariables("caseNumber")
              .open());
    }
    Kit.log("bare no-op workers for %d job types", types.size());
  }

  /** The variables the casework worker of that type returns, as constants. */
  private static Map<String, Object> bareOutput(String type, Map<String, Object> in) {
    Map<String, Object> out = new HashMap<>();
    switch (type) {
      case "bare.assistance.load-case-facts" -> {
        out.put(
            "groups",
            Map.of(
                "verification", "village-350502001001-liaison",
                "townshipCaseworker", "township-350502001-caseworker",
                "townshipHead", "township-350502001-head",
                "countyApprover", "county-350502-approver",
                "countyHead", "county-350502-head"));
        out.put("caseFacts", Map.of("caseNumber", String.valueOf(in.get("caseNumber"))));
        out.put("amountRequested", 800);
        out.put("emergency", false);
        out.put("materialsRequested", false);
        out.put("townshipLimit", 2850);
        out.put("countersignThreshold", 10000);
        out.put("publicityThreshold", 1000);
        out.put("emergencyMax", 3000);
        out.put("publicityDuration", "P7D");
        out.put("materialsDuration", "P30D");
      }
      case "bare.casefile.enter-stage" -> {
        out.put("stageDue", Instant.now().plus(Duration.ofDays(10)).toString());
        out.put("stageFollowUp", Instant.now().plus(Duration.ofDays(7)).toString());
        out.put("stageLabel", "基准");
      }
      case "bare.assistance.record-review" -> {
        out.put("reviewOutcome", "ACCEPT");
        out.put("amount", 800);
        out.put("materialsRequested", false);
        out.put("taskNotice", "");
      }
      case "bare.assistance.record-approval" -> {
        out.put("approvalOutcome", "APPROVED");
        out.put("taskNotice", "");
      }
      case "bare.assistance.record-payment" -> {
        out.put("disbursementId", "DB-bare");
        out.put("paidAmount", 800);
        out.put("taskNotice", "");
      }
      default -> {}
    }
    return out;
  }

  // ---------------------------------------------------------------- filing

  /** A valid, unique applicant (ID numbers counted up from 1940 so no two runs' people clash). */
  Map<String, Object> application() {
    long n = people.getAndIncrement();
    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(n / 900);
    String first17 =
        "350502" + birth.toString().replace("-", "") + String.format("%03d", 100 + n % 900);
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("idNumber", first17 + IdNumber.checkCharacter(first17));
    applicant.put("name", "基准" + n);
    applicant.put("category", "VETERAN");
    applicant.put("townshipCode", "350502001");
    applicant.put("villageCode", "350502001001");
    applicant.put("phone", "13800000000");
    applicant.put("householdMembers", List.of(Map.of("name", "李梅", "relation", "配偶")));
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("applicant", applicant);
    a.put("cause", "ILLNESS");
    a.put("description", "本人患病住院，家庭收入微薄");
    a.put("amountRequested", new java.math.BigDecimal(AMOUNT));
    a.put("monthlyIncome", 1200);
    a.put("emergency", false);
    return a;
  }

  record Filed(String caseNumber, long pik, long filedAt) {}

  /**
   * Files through the API in 张伟's browser session without waiting for the instance (the benchmark
   * learns it from the database); answers the case number.
   */
  String fileOnly(AppProcess.Browser clerk) {
    Kit.Answer a =
        clerk.call(
            "POST",
            "/api/hardship/applications",
            application(),
            "Idempotency-Key",
            UUID.randomUUID().toString());
    if (a.status() != 201) {
      throw new IllegalStateException("filing answered " + a.status() + ": " + a.body());
    }
    return a.json().path("caseNumber").asText();
  }

  /** Files through the API and waits for the process instance the app starts after commit. */
  Filed file(AppProcess app) {
    long t0 = System.currentTimeMillis();
    Kit.Answer a =
        app.api(
            "POST",
            "/api/hardship/applications",
            application(),
            "zhangwei",
            "Idempotency-Key",
            UUID.randomUUID().toString());
    if (a.status() != 201) {
      throw new IllegalStateException("filing answered " + a.status() + ": " + a.body());
    }
    String number = a.json().path("caseNumber").asText();
    long[] pik = {-1};
    Kit.await(
        Duration.ofSeconds(60),
        100,
        () -> {
          JsonNode c = app.api("GET", "/api/cases/" + number, null, "zhangwei").json();
          JsonNode k = c.path("caseFile").path("processInstanceKey");
          if (k.isNumber()) {
            pik[0] = k.asLong();
            return true;
          }
          return false;
        });
    return new Filed(number, pik[0], t0);
  }

  Filed startBare(long n) {
    long t0 = System.currentTimeMillis();
    long pik =
        zeebe
            .newCreateInstanceCommand()
            .bpmnProcessId(BARE)
            .latestVersion()
            .variables(Map.of("caseNumber", "BARE-" + n))
            .send()
            .join()
            .getProcessInstanceKey();
    return new Filed("BARE-" + n, pik, t0);
  }

  static Map<String, Object> formValues(String elementId) {
    Map<String, Object> v = new LinkedHashMap<>();
    switch (elementId) {
      case "Task_VillageVerification" -> {
        v.put("verificationConfirmed", true);
        v.put("verificationFindings", "入户核实，情况属实");
      }
      case "Task_TownshipReview" -> {
        v.put("reviewDecision", "ACCEPT");
        v.put("recommendedAmount", 800);
        v.put("reviewReason", "符合帮扶条件");
      }
      case "Task_TownshipHeadApproval" -> {
        v.put("approvalDecision", "APPROVE");
        v.put("approvalReason", "同意");
      }
      default -> throw new IllegalArgumentException(elementId);
    }
    return v;
  }

  // ---------------------------------------------------------------- Tasklist users

  /**
   * Staff working through Tasklist: per user task, {@code perTask} threads each logged in as the
   * task's member of staff, claiming and completing open tasks of one process definition.
   */
  final class Completers implements AutoCloseable {
    final AtomicLong completed = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Completers(long processDefinitionKey, Set<Long> accept, int perTask) {
      for (Map.Entry<String, String> e : USER_OF.entrySet()) {
        for (int i = 0; i < perTask; i++) {
          int slot = i;
          Thread t =
              Thread.ofPlatform()
                  .name("tasklist-" + e.getValue() + "-" + i)
                  .daemon()
                  .start(
                      () ->
                          work(
                              e.getKey(),
                              e.getValue(),
                              slot,
                              perTask,
                              processDefinitionKey,
                              accept));
          threads.add(t);
        }
      }
    }

    private void work(
        String element, String user, int slot, int of, long definition, Set<Long> accept) {
      Kit.Session s = null;
      while (running) {
        try {
          if (s == null) {
            s = Kit.Session.login(user, Kit.PASSWORD);
          }
          Map<String, Object> filter = new LinkedHashMap<>();
          filter.put("taskDefinitionId", element);
          filter.put("state", "CREATED");
          filter.put("processDefinitionKey", String.valueOf(definition));
          filter.put("pageSize", 200);
          filter.put("sort", List.of(Map.of("field", "creationTime", "order", "ASC")));
          int worked = 0;
          for (JsonNode t : s.tasks(filter)) {
            String id = t.path("id").asText();
            if (Math.floorMod(id.hashCode(), of) != slot || done.contains(id)) {
              continue;
            }
            if (accept != null && !accept.contains(t.path("processInstanceKey").asLong())) {
              continue;
            }
            Kit.Answer claim = s.assign(id, true);
            Kit.Answer complete =
                claim.status() == 200 ? s.complete(id, formValues(element)) : claim;
            if (complete.status() == 200) {
              done.add(id);
              completed.incrementAndGet();
            } else if (failures.merge(id, 1, Integer::sum) >= 3) {
              // given up only when the refusal lasts (e.g. the task moved on); a one-off 500 or
              // timeout of Tasklist under load is tried again, as a caseworker presses again
              done.add(id);
              refused.incrementAndGet();
            }
            worked++;
            if (!running) {
              break;
            }
          }
          if (worked == 0) {
            Kit.sleep(300);
          }
        } catch (RuntimeException ex) {
          s = null;
          Kit.sleep(1000);
        }
      }
    }

    @Override
    public void close() {
      running = false;
      threads.forEach(
          t -> {
            try {
              t.join(5000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
  }

  @Override
  public void close() {
    bareWorkers.forEach(JobWorker::close);
    zeebe.close();
  }
}
