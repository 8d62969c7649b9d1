package org.casework.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.e2e.TasklistFlow.candidateGroups;
import static org.casework.e2e.TasklistFlow.claimAndSubmit;
import static org.casework.e2e.TasklistFlow.completedBy;
import static org.casework.e2e.TasklistFlow.status;
import static org.casework.e2e.TasklistFlow.submit;
import static org.casework.e2e.TasklistFlow.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.MatterType;
import org.casework.registry.HouseholdMember;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;
import org.casework.security.StaffSession;
import org.casework.security.StaffSession.Answer;
import org.casework.support.DemoRegion;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 法律援助 end to end on the running app: the application is filed through the app's JSON API by the
 * legal-aid officer, who checks, decides, assigns and surveys through Tasklist's 本组待办; the assigned
 * lawyer finds the case work and the closing in 我的待办 and submits them there.
 */
class LegalAidIT extends E2eTest {

  private static final String OFFICER = "wuhua";
  private static final String LAWYER = "xuming";
  private static final String GROUP = "county-350502-legal-aid";

  @Autowired Jurisdiction jurisdiction;
  @Autowired LegalAid legalAid;

  @BeforeEach
  void setUp() {
    RegionCode county = new RegionCode(DemoRegion.COUNTY);
    jurisdiction.addStaff(OFFICER, "吴华", Role.LEGAL_AID_OFFICER, county, TasklistFlow.PASSWORD);
    jurisdiction.addStaff(LAWYER, "徐明", Role.LEGAL_AID_LAWYER, county, TasklistFlow.PASSWORD);
    legalAid.registerLawyer(LAWYER, false, "福建泉州鲤城律师事务所");
  }

  @Test
  void shouldTakeAnApplicationThroughTasklistFromCheckToAssignmentClosingAndSurvey() {
    StaffSession officer = flow.login(OFFICER);
    RegisterPerson applicant =
        new RegisterPerson(
            TestPeople.newIdNumber(),
            uniqueName(),
            PersonCategory.VETERAN,
            DemoRegion.TOWNSHIP,
            null,
            "13800000000",
            null,
            List.of(new HouseholdMember("李梅", "配偶")));
    Answer filed =
        officer.post(
            "/api/legal-aid/applications",
            new ApplyForLegalAid(
                applicant,
                MatterType.LABOUR,
                "拖欠工资八个月",
                "泉州某某建材有限公司",
                null,
                null,
                "身份证",
                null,
                "someone-else"));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String number = filed.json().path("caseNumber").asText();
    assertThat(number).isNotBlank();
    assertThat(status(flow.caseDetail(officer, number))).isEqualTo("AID_REVIEW");

    // 材料审查 and 作出决定 — the legal-aid officer
    JsonNode check = flow.inGroupFilter(officer, number, "Task_CheckCompleteness");
    assertThat(candidateGroups(officer, check)).containsExactly(GROUP);
    claimAndSubmit(officer, check, Map.of("materialsCheck", "COMPLETE"));
    Map<String, Object> grant = new LinkedHashMap<>();
    grant.put("decision", "GRANT");
    grant.put("decisionReason", "经核查月收入低于当地标准");
    grant.put("hardshipVerified", true);
    flow.claimAndSubmit(officer, number, "Task_Decide", grant);

    // 指派承办人
    assertThat(status(flow.caseDetail(officer, number))).isEqualTo("AWAITING_ASSIGNMENT");
    flow.claimAndSubmit(officer, number, "Task_AssignLawyer", Map.of("lawyerUsername", LAWYER));

    // 办理 and 结案归档 — the lawyer, in 我的待办
    StaffSession lawyer = flow.login(LAWYER);
    assertThat(status(flow.caseDetail(officer, number))).isEqualTo("IN_PROGRESS");
    JsonNode work = flow.inMyFilter(lawyer, number, "Task_CaseWork");
    assertThat(work.path("assignee").asText()).isEqualTo(LAWYER);
    submit(lawyer, work, Map.of("progressAction", "MATTER_ENDED", "progressNote", "仲裁裁决支持全部请求"));
    JsonNode closing = flow.inMyFilter(lawyer, number, "Task_CloseAndArchive");
    submit(
        lawyer,
        closing,
        Map.of("outcome", "WON", "moneyRecovered", 18000.5, "closingSummary", "结案材料已归档"));

    // 满意度回访 — the officer again
    assertThat(status(flow.caseDetail(officer, number))).isEqualTo("FOLLOW_UP");
    flow.claimAndSubmit(
        officer,
        number,
        "Task_SatisfactionSurvey",
        Map.of("satisfaction", "SATISFIED", "satisfactionChannel", "PHONE"));

    JsonNode closed = flow.caseDetail(officer, number);
    assertThat(status(closed)).isEqualTo("CLOSED");
    assertThat(texts(closed.path("history"), "action")).contains("作出决定", "指派承办人", "结案归档", "满意度回访");
    assertThat(completedBy(closed))
        .containsExactly(OFFICER, OFFICER, OFFICER, LAWYER, LAWYER, OFFICER);
    JsonNode view = officer.get("/api/legal-aid/cases/" + number).json();
    assertThat(view.path("lawyer").asText()).isEqualTo(LAWYER);
    assertThat(view.path("outcome").asText()).isEqualTo("WON");
    assertThat(view.path("moneyRecovered").decimalValue()).isEqualByComparingTo("18000.50");
    assertThat(view.path("satisfaction").asText()).isEqualTo("SATISFIED");
  }

  /** A name no earlier run used: the lawyers' conflict check compares names. */
  private static String uniqueName() {
    String given = "建国秀英志明海涛丽娟俊杰天佑玉珍振华晓东美华国强春梅";
    StringBuilder name = new StringBuilder("蔡");
    for (int i = 0; i < 4; i++) {
      name.append(given.charAt(ThreadLocalRandom.current().nextInt(given.length())));
    }
    return name.toString();
  }
}
