package org.casework.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.e2e.TasklistFlow.candidateGroups;
import static org.casework.e2e.TasklistFlow.claimAndSubmit;
import static org.casework.e2e.TasklistFlow.completedBy;
import static org.casework.e2e.TasklistFlow.status;
import static org.casework.e2e.TasklistFlow.submit;
import static org.casework.e2e.TasklistFlow.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.petition.Channel;
import org.casework.petition.Petitioner;
import org.casework.petition.RegisterPetition;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.security.StaffSession;
import org.casework.security.StaffSession.Answer;
import org.casework.support.DemoRegion;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 信访 end to end on the running app: a visit is registered through the app's JSON API; the township
 * caseworker decides on acceptance in Tasklist's 本组待办 and names the handling officer, who finds the
 * investigation, the meeting and the opinion in 我的待办; the opinion is served as a notice and the
 * case becomes final when no review is asked within the window (the engine clock is moved).
 */
class PetitionE2eIT extends E2eTest {

  private static final String CASEWORKER = "zhangwei";
  private static final String HANDLING_OFFICER = "wangfang";

  @Autowired Registry registry;

  @Test
  void shouldRegisterAcceptHandleAndReplyThroughTasklist() {
    RegisterPerson petitioner = TestPeople.veteran("许国平", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE);
    registry.register(petitioner);
    StaffSession caseworker = flow.login(CASEWORKER);
    Answer registered =
        caseworker.post(
            "/api/petitions",
            new RegisterPetition(
                Channel.VISIT,
                List.of(new Petitioner(petitioner.idNumber(), petitioner.name())),
                1,
                "退役安置待遇落实",
                "请求依法处理",
                null,
                "someone-else"));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String number = registered.json().path("caseNumber").asText();
    assertThat(status(flow.caseDetail(caseworker, number))).isEqualTo("AWAITING_ACCEPTANCE");

    // 受理决定 — the township caseworker names the handling officer
    JsonNode decision = flow.inGroupFilter(caseworker, number, "Task_AcceptanceDecision");
    assertThat(candidateGroups(caseworker, decision))
        .containsExactly("township-350502001-caseworker");
    Map<String, Object> accept = new LinkedHashMap<>();
    accept.put("decision", "ACCEPT");
    accept.put("handlingOfficer", HANDLING_OFFICER);
    accept.put("decisionReason", "属本单位职责");
    claimAndSubmit(caseworker, decision, accept);

    // 调查核实, 约见信访人, 处理意见 — the handling officer, in 我的待办
    StaffSession officer = flow.login(HANDLING_OFFICER);
    submit(
        officer,
        flow.inMyFilter(officer, number, "Task_Investigation"),
        Map.of("investigationFindings", "走访核实情况"));
    submit(
        officer,
        flow.inMyFilter(officer, number, "Task_Meeting"),
        Map.of(
            "meetingOn",
            LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
            "meetingSummary",
            "当面听取诉求"));
    submit(
        officer,
        flow.inMyFilter(officer, number, "Task_Opinion"),
        Map.of("opinionAction", "ISSUE", "opinionText", "经查，诉求部分属实，已责成相关单位落实。"));

    JsonNode issued = flow.caseDetail(caseworker, number);
    assertThat(status(issued)).isEqualTo("OPINION_ISSUED");
    JsonNode notices = caseworker.get("/api/petitions/" + number + "/notices").json();
    assertThat(texts(notices, "kind")).contains("ACCEPTANCE", "OPINION");
    assertThat(notices.toString()).contains("经查，诉求部分属实");

    // no review asked within the window: the opinion is final
    tasks.advance(Duration.ofDays(45));
    JsonNode done = flow.caseDetail(caseworker, number);
    assertThat(status(done)).isEqualTo("PETITION_FINAL");
    assertThat(texts(done.path("history"), "action"))
        .contains("受理决定", "调查核实", "约见信访人", "送达处理意见书", "办结");
    assertThat(completedBy(done))
        .containsExactly(CASEWORKER, HANDLING_OFFICER, HANDLING_OFFICER, HANDLING_OFFICER);
  }
}
