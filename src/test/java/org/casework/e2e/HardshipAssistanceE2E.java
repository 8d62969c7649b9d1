package org.casework.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.support.DemoRegion;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * 困难帮扶 end to end on the REAL stack (Zeebe + Tasklist + OpenSearch from bin/stack), done as
 * caseworkers do it in their browsers: the application is filed through the app's JSON API, every
 * user task is found, claimed and completed in Tasklist by the member of staff it belongs to, and
 * the app learns who did it from Tasklist (the real TasklistTaskActors, no test double).
 *
 * <p>Runs only with {@code -De2e.skip=false} or {@code CASEWORK_E2E=true} (`./casework test`).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("e2e")
@EnabledIf(
    value = "org.casework.e2e.E2eStack#enabled",
    disabledReason = "E2E tests need the real stack: -De2e.skip=false or CASEWORK_E2E=true")
@Import({HardshipAssistanceE2E.Seed.class, DemoRegion.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardshipAssistanceE2E {

  private static final Logger log = LoggerFactory.getLogger(HardshipAssistanceE2E.class);
  private static final String PASSWORD = "demo123";
  private static final Duration PROCESS_WAIT = Duration.ofMinutes(2);

  private static final String VILLAGE_LIAISON = "lixiaohong";
  private static final String CASEWORKER = "zhangwei";
  private static final String TOWNSHIP_HEAD = "liuyang";

  /**
   * Staff must exist before the app is ready: the login provisioner copies them into Tasklist's
   * user index once, on ApplicationReadyEvent. Runners run just before that event.
   */
  @TestConfiguration
  static class Seed {
    @Bean
    ApplicationRunner seedDemoRegion(DemoRegion region) {
      return args -> region.ensure();
    }
  }

  @LocalServerPort int port;
  @Autowired DemoRegion region;
  @Autowired ZeebeClient zeebe;
  @Autowired ObjectMapper json;

  private RestClient app;

  /** The app deploys its BPMN at start-up: the engine must answer before the context loads. */
  @BeforeAll
  static void stackReady() {
    long t0 = System.nanoTime();
    E2eStack.awaitEngineReady();
    log.info("E2E: engine ready after {} ms of waiting", (System.nanoTime() - t0) / 1_000_000);
  }

  @BeforeEach
  void setUp() {
    // the JSON API as an API client uses it: HTTP Basic as the township caseworker
    app =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultHeaders(h -> h.setBasicAuth(CASEWORKER, "demo123"))
            .build();
    region.ensure();
    long t0 = System.nanoTime();
    E2eStack.awaitTopology(zeebe);
    await("Tasklist login of " + CASEWORKER + " (provisioned by the app)")
        .atMost(E2eStack.STACK_WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(
            () ->
                TasklistClient.tryLogin(E2eStack.TASKLIST, CASEWORKER, PASSWORD, json).isPresent());
    log.info(
        "E2E: stack and Tasklist logins ready after {} ms", (System.nanoTime() - t0) / 1_000_000);
  }

  @Test
  @Order(1)
  void shouldTakeASmallApplicationThroughTasklistToPaymentAndFollowUp() {
    long t0 = System.nanoTime();
    Filed c = file("800.00");

    // 入户核实 — the village liaison
    TasklistClient liaison = login(VILLAGE_LIAISON);
    JsonNode verification = liaison.awaitOpenTask(c.pik, "Task_VillageVerification");
    assertThat(texts(verification.path("candidateGroups")))
        .contains("village-350502001001-liaison");
    assertThat(verification.path("dueDate").asText("")).isNotBlank();
    assertThat(
            liaison.search(
                Map.of(
                    "candidateGroup", "village-350502001001-liaison",
                    "processInstanceKey", String.valueOf(c.pik),
                    "state", "CREATED")))
        .extracting(t -> t.path("id").asText())
        .containsExactly(verification.path("id").asText());
    assertLinkedFormInChinese(
        liaison, verification, "hardship-village-verification", "入户核实", "核实结论", "情况属实");
    liaison.claimAndComplete(
        verification, Map.of("verificationConfirmed", "true", "verificationFindings", "入户核实，情况属实"));

    // 乡镇受理审核 — the township caseworker
    TasklistClient caseworker = login(CASEWORKER);
    JsonNode review = caseworker.awaitOpenTask(c.pik, "Task_TownshipReview");
    assertThat(texts(review.path("candidateGroups"))).contains("township-350502001-caseworker");
    JsonNode facts = caseworker.awaitVariable(review.path("id").asText(), "caseFacts", f -> true);
    assertThat(facts.path("idNumber").asText()).contains("*").doesNotContain(c.idNumber);
    assertThat(facts.path("amountRequested").asText()).isEqualTo("¥800.00");
    caseworker.claimAndComplete(review, reviewAccept(800));

    // 乡镇分管领导审批 — the township head
    TasklistClient head = login(TOWNSHIP_HEAD);
    JsonNode approval = head.awaitOpenTask(c.pik, "Task_TownshipHeadApproval");
    assertThat(texts(approval.path("candidateGroups"))).contains("township-350502001-head");
    head.claimAndComplete(approval, approve());

    // the app pays and closes for follow-up; the actors come from Tasklist via the completion
    // listener
    JsonNode paid = awaitStatus(c, "FOLLOW_UP");
    assertThat(actors(paid)).contains(VILLAGE_LIAISON, CASEWORKER, TOWNSHIP_HEAD);
    assertThat(paid.path("history"))
        .anySatisfy(h -> assertThat(h.path("action").asText()).isEqualTo("发放帮扶金"));
    assertThat(paid.path("history"))
        .filteredOn(h -> h.path("action").asText().startsWith("完成任务"))
        .extracting(h -> h.path("actor").asText())
        .containsExactly(VILLAGE_LIAISON, CASEWORKER, TOWNSHIP_HEAD);
    JsonNode application = get("/api/hardship/cases/" + c.number + "/application");
    assertThat(application.path("approvedAmount").decimalValue()).isEqualByComparingTo("800.00");
    assertThat(application.path("reviewer").asText()).isEqualTo(CASEWORKER);
    log.info("E2E: case {} filed → paid in {} ms", c.number, (System.nanoTime() - t0) / 1_000_000);

    // 结案30日后回访: move the engine's clock past the timer
    E2eStack.advanceEngineClock(Duration.ofDays(31));
    JsonNode followUp = liaison.awaitOpenTask(c.pik, "Task_FollowUpVisit");
    assertThat(texts(followUp.path("candidateGroups"))).isNotEmpty();
    liaison.claimAndComplete(followUp, Map.of("followUpNotes", "生活已改善"));
    JsonNode closed = awaitStatus(c, "CLOSED");
    assertThat(closed.path("history"))
        .filteredOn(h -> h.path("action").asText().startsWith("完成任务"))
        .extracting(h -> h.path("actor").asText())
        .containsExactly(VILLAGE_LIAISON, CASEWORKER, TOWNSHIP_HEAD, VILLAGE_LIAISON);
    log.info(
        "E2E: case {} filed → closed in {} ms", c.number, (System.nanoTime() - t0) / 1_000_000);
  }

  @Test
  @Order(2)
  void shouldRefuseAnApprovalCompletedInTasklistByTheCaseworkerWhoReviewedTheCase() {
    long t0 = System.nanoTime();
    Filed c = file("900.00");
    TasklistClient liaison = login(VILLAGE_LIAISON);
    liaison.claimAndComplete(
        liaison.awaitOpenTask(c.pik, "Task_VillageVerification"),
        Map.of("verificationConfirmed", "true", "verificationFindings", "入户核实，情况属实"));
    TasklistClient caseworker = login(CASEWORKER);
    caseworker.claimAndComplete(
        caseworker.awaitOpenTask(c.pik, "Task_TownshipReview"), reviewAccept(900));

    // Tasklist does not enforce candidate groups here: the reviewer can open and complete the
    // approval
    JsonNode first = caseworker.awaitOpenTask(c.pik, "Task_TownshipHeadApproval");
    caseworker.claimAndComplete(first, approve());

    String firstId = first.path("id").asText();
    JsonNode again =
        caseworker.awaitOpenTask(
            c.pik, "Task_TownshipHeadApproval", t -> !t.path("id").asText().equals(firstId));
    assertThat(texts(again.path("candidateGroups"))).contains("township-350502001-head");
    caseworker.awaitVariable(
        again.path("id").asText(), "taskNotice", n -> n.asText().contains("审批人不能是本案的审核人"));
    JsonNode refused = get("/api/cases/" + c.number);
    assertThat(refused.path("caseFile").path("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(refused.path("history"))
        .anySatisfy(h -> assertThat(h.path("action").asText()).isEqualTo("职责分离检查"));
    assertThat(get("/api/hardship/cases/" + c.number + "/application").path("outcome").isNull())
        .isTrue();

    // the township head approves properly: paid once
    TasklistClient head = login(TOWNSHIP_HEAD);
    head.claimAndComplete(head.awaitOpenTask(c.pik, "Task_TownshipHeadApproval"), approve());
    // the second approval is attributed to whoever completed THIS task instance in Tasklist, not
    // to the reviewer who completed the earlier, refused one
    assertThat(awaitCompletedTasks(c, 4))
        .containsExactly(VILLAGE_LIAISON, CASEWORKER, CASEWORKER, TOWNSHIP_HEAD);
    JsonNode paid = awaitStatus(c, "FOLLOW_UP");
    assertThat(paid.path("history"))
        .filteredOn(h -> h.path("action").asText().equals("发放帮扶金"))
        .hasSize(1);
    log.info(
        "E2E: separation-of-duties case {} done in {} ms",
        c.number,
        (System.nanoTime() - t0) / 1_000_000);
  }

  // --- steps ------------------------------------------------------------------------------------

  record Filed(String number, long pik, String idNumber) {}

  /**
   * Files through the app's JSON API: township 350502001, village 350502001001, income ¥1,200, not
   * urgent.
   */
  private Filed file(String amount) {
    ApplyForAssistance application =
        new ApplyForAssistance(
            TestPeople.veteran("陈建华", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
            HardshipCause.ILLNESS,
            "本人患病住院，家庭收入微薄",
            new BigDecimal(amount),
            new BigDecimal("1200.00"),
            false,
            CASEWORKER);
    JsonNode filed =
        app.post()
            .uri("/api/hardship/applications")
            .contentType(MediaType.APPLICATION_JSON)
            .body(application)
            .retrieve()
            .body(JsonNode.class);
    String number = filed.path("caseNumber").asText();
    assertThat(number).isNotBlank();
    long pik =
        await("process instance of " + number)
            .atMost(Duration.ofSeconds(60))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> get("/api/cases/" + number).path("caseFile").path("processInstanceKey"),
                JsonNode::isNumber)
            .asLong();
    log.info("E2E: filed case {} (¥{}), process instance {}", number, amount, pik);
    return new Filed(number, pik, application.applicant().idNumber());
  }

  private TasklistClient login(String username) {
    return TasklistClient.login(E2eStack.TASKLIST, username, PASSWORD, json);
  }

  private static Map<String, Object> reviewAccept(int amount) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("reviewDecision", "ACCEPT");
    vars.put("recommendedAmount", amount);
    vars.put("reviewReason", "符合帮扶条件");
    return vars;
  }

  private static Map<String, Object> approve() {
    return Map.of("approvalDecision", "APPROVE", "approvalReason", "同意");
  }

  /**
   * The task links a deployed Camunda form (not an embedded one) and Tasklist serves its schema
   * with the Chinese labels. Right after import Tasklist may still report the form's engine key as
   * {@code formId}; the form endpoint answers for either, as it does for the browser.
   */
  private static void assertLinkedFormInChinese(
      TasklistClient tasklist, JsonNode task, String formId, String... labels) {
    assertThat(task.path("isFormEmbedded").asBoolean(true))
        .as("linked, not embedded form: %s", task)
        .isFalse();
    String linked = task.path("formId").asText("");
    String formKey = task.path("formKey").asText("");
    assertThat(linked.isEmpty() && formKey.isEmpty())
        .as("task has a formId or formKey: %s", task)
        .isFalse();
    JsonNode form =
        tasklist.form(
            linked.isEmpty() ? formKey : linked,
            task.path("processDefinitionKey").asText(),
            task.path("formVersion").asText(null));
    assertThat(form.path("id").asText()).isEqualTo(formId);
    assertThat(form.path("schema").asText()).contains(formId).contains(labels);
  }

  private JsonNode awaitStatus(Filed c, String status) {
    return await("case " + c.number + " in status " + status)
        .atMost(PROCESS_WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> get("/api/cases/" + c.number),
            d -> d.path("caseFile").path("status").asText().equals(status));
  }

  /** Who completed each user task, per the case history, once {@code count} completions are in. */
  private List<String> awaitCompletedTasks(Filed c, int count) {
    return await("case " + c.number + " with " + count + " task completions in its history")
        .atMost(PROCESS_WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> completedTasks(get("/api/cases/" + c.number)), actors -> actors.size() >= count);
  }

  private static List<String> completedTasks(JsonNode caseDetail) {
    List<String> actors = new ArrayList<>();
    caseDetail
        .path("history")
        .forEach(
            h -> {
              if (h.path("action").asText().startsWith("完成任务")) {
                actors.add(h.path("actor").asText());
              }
            });
    return actors;
  }

  private JsonNode get(String path) {
    return app.get().uri(path).retrieve().body(JsonNode.class);
  }

  private static List<String> actors(JsonNode caseDetail) {
    List<String> actors = new ArrayList<>();
    caseDetail.path("history").forEach(h -> actors.add(h.path("actor").asText()));
    return actors;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
