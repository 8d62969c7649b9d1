package org.casework.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.e2e.TasklistFlow.candidateGroups;
import static org.casework.e2e.TasklistFlow.claimAndSubmit;
import static org.casework.e2e.TasklistFlow.completedBy;
import static org.casework.e2e.TasklistFlow.status;
import static org.casework.e2e.TasklistFlow.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.casework.condolence.RequestVisit;
import org.casework.condolence.VisitTrigger;
import org.casework.registry.HouseholdMember;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.security.StaffSession;
import org.casework.security.StaffSession.Answer;
import org.casework.support.DemoRegion;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 关怀慰问 end to end on the running app: a single visit is asked for through the app's JSON API and
 * each user task (乡镇确认, 县局审批, 走访慰问) is found in Tasklist's 本组待办, claimed and submitted through
 * Tasklist's own API by the member of staff it belongs to; the app pays the amount once.
 */
class CondolenceIT extends E2eTest {

  private static final String CASEWORKER = "zhangwei";
  private static final String COUNTY_APPROVER = "sunli";

  @Autowired Registry registry;

  @Test
  void shouldTakeASingleVisitThroughTasklistToPaymentAndClosure() {
    PersonView person =
        registry.register(
            new RegisterPerson(
                TestPeople.newIdNumber(),
                "吴文斌",
                PersonCategory.VETERAN,
                DemoRegion.TOWNSHIP,
                DemoRegion.VILLAGE,
                "13800000000",
                null,
                List.of(new HouseholdMember("李梅", "配偶"))));
    StaffSession caseworker = flow.login(CASEWORKER);
    // whoever the body names, the logged-in caseworker asks
    Answer filed =
        caseworker.post(
            "/api/condolence/visits",
            new RequestVisit(person.id(), VisitTrigger.AWARD, "立功受奖，上门祝贺", "someone-else"));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String number = filed.json().path("caseNumber").asText();
    assertThat(number).isNotBlank();
    assertThat(status(flow.caseDetail(caseworker, number))).isEqualTo("AWAITING_CONFIRMATION");

    // 乡镇确认 — the township caseworker
    JsonNode confirm = flow.inGroupFilter(caseworker, number, "Task_TownshipConfirmation");
    assertThat(candidateGroups(caseworker, confirm))
        .containsExactly("township-350502001-caseworker");
    claimAndSubmit(caseworker, confirm, Map.of("confirmDecision", "CONFIRM"));

    // 县局审批 — the county approver; not in the township caseworker's groups
    StaffSession approver = flow.login(COUNTY_APPROVER);
    JsonNode approval = flow.inGroupFilter(approver, number, "Task_CountyApproval");
    assertThat(candidateGroups(approver, approval)).containsExactly("county-350502-approver");
    claimAndSubmit(
        approver, approval, Map.of("approvalDecision", "APPROVE", "approvalReason", "同意"));

    // 走访慰问 — the township caseworker records the visit
    assertThat(status(flow.caseDetail(caseworker, number))).isEqualTo("AWAITING_VISIT");
    flow.claimAndSubmit(
        caseworker,
        number,
        "Task_RecordVisit",
        Map.of(
            "visitedBy", "张伟、李晓红",
            "visitedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
            "handedOver", "慰问金及慰问品",
            "receiptRef", "签收单 E2E-001"));

    JsonNode closed = flow.caseDetail(caseworker, number);
    assertThat(status(closed)).isEqualTo("CLOSED");
    assertThat(texts(closed.path("history"), "action")).contains("发放慰问金", "结案");
    assertThat(completedBy(closed)).containsExactly(CASEWORKER, COUNTY_APPROVER, CASEWORKER);

    // the ledger is the county's to read
    JsonNode ledger = approver.get("/api/ledger/cases/" + number).json();
    assertThat(ledger).hasSize(1);
    assertThat(ledger.get(0).path("programme").asText()).isEqualTo("CONDOLENCE");
    assertThat(ledger.get(0).path("amount").decimalValue()).isPositive();

    JsonNode visit = caseworker.get("/api/condolence/visits/" + number).json();
    assertThat(visit.path("confirmedBy").asText()).isEqualTo(CASEWORKER);
    assertThat(visit.path("approvedBy").asText()).isEqualTo(COUNTY_APPROVER);
    assertThat(visit.path("receiptRef").asText()).isEqualTo("签收单 E2E-001");
    assertThat(visit.path("disbursementId").asText())
        .isEqualTo(ledger.get(0).path("disbursementId").asText());
  }
}
