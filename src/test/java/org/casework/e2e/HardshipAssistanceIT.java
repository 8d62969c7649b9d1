package org.casework.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.e2e.TasklistFlow.candidateGroups;
import static org.casework.e2e.TasklistFlow.claimAndSubmit;
import static org.casework.e2e.TasklistFlow.completedBy;
import static org.casework.e2e.TasklistFlow.id;
import static org.casework.e2e.TasklistFlow.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.security.StaffSession;
import org.casework.security.StaffSession.Answer;
import org.casework.support.DemoRegion;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.Test;

/**
 * 困难帮扶 end to end on the running app, done as the staff do it in their browsers: the application is
 * filed through the app's JSON API, and every user task is found in Tasklist's 本组待办 filter,
 * claimed, its form read and submitted through Tasklist's own API by the member of staff it belongs
 * to, each logged in once through the app's login form. The job executor is off in tests: the
 * engine's due jobs run between the steps ({@link UserTasks#idle}), and the follow-up timer is
 * passed by moving the engine clock.
 */
class HardshipAssistanceIT extends E2eTest {

  private static final String VILLAGE_LIAISON = "lixiaohong";
  private static final String CASEWORKER = "zhangwei";
  private static final String TOWNSHIP_HEAD = "liuyang";

  @Test
  void shouldTakeASmallApplicationThroughTasklistToPaymentAndFollowUp() {
    StaffSession caseworker = flow.login(CASEWORKER);
    String number = file(caseworker, "800.00");
    tasks.idle();

    // 入户核实 — the village liaison
    StaffSession liaison = flow.login(VILLAGE_LIAISON);
    JsonNode verification = flow.inGroupFilter(liaison, number, "Task_VillageVerification");
    assertThat(candidateGroups(liaison, verification)).contains("village-350502001001-liaison");
    assertThat(verification.path("due").asText("")).isNotBlank();
    String form = liaison.tasklistGet("/task/" + id(verification) + "/deployed-form").body();
    assertThat(form).contains("hardship-village-verification", "入户核实", "核实结论");
    claimAndSubmit(
        liaison,
        verification,
        Map.of("verificationConfirmed", "true", "verificationFindings", "入户核实，情况属实"));

    // 乡镇受理审核 — the township caseworker; the facts the form shows are masked
    JsonNode review = flow.inGroupFilter(caseworker, number, "Task_TownshipReview");
    assertThat(candidateGroups(caseworker, review)).contains("township-350502001-caseworker");
    JsonNode facts =
        caseworker
            .tasklistGet("/task/" + id(review) + "/form-variables?variableNames=caseFacts")
            .json()
            .path("caseFacts")
            .path("value");
    JsonNode caseFacts = facts.isTextual() ? parse(facts.asText()) : facts;
    assertThat(caseFacts.path("idNumber").asText()).contains("*");
    assertThat(caseFacts.path("amountRequested").asText()).isEqualTo("¥800.00");
    claimAndSubmit(caseworker, review, reviewAccept(800));

    // 乡镇分管领导审批 — the township head; the caseworker who reviewed it cannot take it
    StaffSession head = flow.login(TOWNSHIP_HEAD);
    JsonNode approval = flow.inGroupFilter(head, number, "Task_TownshipHeadApproval");
    assertThat(candidateGroups(head, approval)).contains("township-350502001-head");
    Answer notHis =
        caseworker.tasklistPost("/task/" + id(approval) + "/claim", Map.of("userId", CASEWORKER));
    assertThat(notHis.status()).as(notHis.body()).isEqualTo(403);
    assertThat(notHis.json().path("message").asText())
        .contains("只能由 township-350502001-head 的工作人员办理");
    claimAndSubmit(head, approval, Map.of("approvalDecision", "APPROVE", "approvalReason", "同意"));

    // the app pays and waits for the follow-up; the history names who did each task
    JsonNode paid = flow.caseDetail(caseworker, number);
    assertThat(paid.path("caseFile").path("status").asText()).isEqualTo("FOLLOW_UP");
    assertThat(texts(paid.path("history"), "action")).contains("发放帮扶金");
    assertThat(completedBy(paid)).containsExactly(VILLAGE_LIAISON, CASEWORKER, TOWNSHIP_HEAD);
    JsonNode application = caseworker.get("/api/hardship/cases/" + number + "/application").json();
    assertThat(application.path("approvedAmount").decimalValue()).isEqualByComparingTo("800.00");
    assertThat(application.path("reviewer").asText()).isEqualTo(CASEWORKER);

    // 结案30日后回访
    tasks.advance(Duration.ofDays(31));
    JsonNode followUp = flow.inGroupFilter(liaison, number, "Task_FollowUpVisit");
    claimAndSubmit(liaison, followUp, Map.of("followUpNotes", "生活已改善"));
    JsonNode closed = flow.caseDetail(caseworker, number);
    assertThat(closed.path("caseFile").path("status").asText()).isEqualTo("CLOSED");
    assertThat(completedBy(closed))
        .containsExactly(VILLAGE_LIAISON, CASEWORKER, TOWNSHIP_HEAD, VILLAGE_LIAISON);
  }

  // --- steps ------------------------------------------------------------------------------------

  /** Files through the app's JSON API as the logged-in caseworker. */
  private String file(StaffSession caseworker, String amount) {
    ApplyForAssistance application =
        new ApplyForAssistance(
            TestPeople.veteran("陈建华", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE),
            HardshipCause.ILLNESS,
            "本人患病住院，家庭收入微薄",
            new BigDecimal(amount),
            new BigDecimal("1200.00"),
            false,
            CASEWORKER);
    Answer filed = caseworker.post("/api/hardship/applications", application);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String number = filed.json().path("caseNumber").asText();
    assertThat(number).isNotBlank();
    return number;
  }

  private static Map<String, Object> reviewAccept(int amount) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("reviewDecision", "ACCEPT");
    vars.put("recommendedAmount", amount);
    vars.put("reviewReason", "符合帮扶条件");
    return vars;
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
