package org.casework.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.legalaid.LegalAid;
import org.casework.registry.IdNumber;
import org.casework.registry.Registry;
import org.casework.support.CsrfByDefault;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 5 "done when" for legal aid, as the demo's 吴华 (法律援助工作站) does it: the demo lawyers,
 * consultation and application are there (and a second demo run adds nothing); a consultation is
 * turned into an application and taken through decision, assignment to 徐明 and closing.
 */
@SpringBootTest(properties = "casework.demo-data=true")
@AutoConfigureMockMvc
@Import(CsrfByDefault.class)
@WithUserDetails(value = "wuhua", setupBefore = TestExecutionEvent.TEST_EXECUTION)
@ProcessTest
@ActiveProfiles("test")
class LegalAidDemoStoryTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired LegalAidDemoData demo;
  @Autowired LegalAid legalAid;
  @Autowired Registry registry;
  @Autowired CaseFiles caseFiles;
  @Autowired UserTasks tasks;
  @Autowired ScriptedTaskActors actors;

  @Test
  void shouldLetTheLegalAidOfficerTakeAConsultationThroughDecisionAssignmentAndClosing()
      throws Exception {
    String id =
        LegalAidDemoData.LIN_XIUYING.substring(0, 17)
            + IdNumber.checkCharacter(LegalAidDemoData.LIN_XIUYING);
    long lin = registry.findByIdNumber(IdNumber.parse(id)).orElseThrow().id();
    int linCases = legalAid.casesOf(lin).size();
    assertThat(linCases).isPositive();
    assertThat(legalAid.application(legalAid.casesOf(lin).getFirst()).hardshipGround())
        .contains("优抚对象");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM legalaid_consultation WHERE question = ? AND logged_by = 'wuhua'",
                Long.class,
                LegalAidDemoData.QUESTION))
        .isPositive();
    assertThat(
            jdbc.queryForList(
                "SELECT username FROM legalaid_lawyer WHERE active = TRUE", String.class))
        .contains("xuming", "heli");
    demo.run(null);
    assertThat(legalAid.casesOf(lin)).hasSize(linCases);

    mvc.perform(get("/legal-aid/consultations"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("转为申请")));
    Map<String, Object> consultation =
        Map.of(
            "visitorName", "蔡𠮷平",
            "townshipCode", "350502001",
            "topic", "PENSION",
            "question", "伤残抚恤金被停发怎么办？",
            "answer", "可申请法律援助，由承办律师代为交涉或起诉");
    String logged =
        mvc.perform(
                post("/api/legal-aid/consultations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(consultation)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long consultationId = json.readTree(logged).get("id").asLong();
    Map<String, Object> applicant = new HashMap<>();
    applicant.put("idNumber", TestPeople.newIdNumber());
    applicant.put("name", "蔡𠮷平");
    applicant.put("category", "DISABLED_SOLDIER");
    applicant.put("townshipCode", "350502001");
    Map<String, Object> application = new HashMap<>();
    application.put("applicant", applicant);
    application.put("matterType", "PENSION");
    application.put("matterSummary", "伤残抚恤金被原单位停发半年");
    application.put("opposingParty", "泉州某某机械厂");
    String filed =
        mvc.perform(
                post("/api/legal-aid/consultations/" + consultationId + "/application")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(application)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String caseNumber = json.readTree(filed).get("caseNumber").asText();
    // the instance is started in the filing transaction
    String pid = caseFiles.get(caseNumber).processInstanceId();
    assertThat(pid).isNotNull();

    actors.reset();
    actors.completes("Task_CheckCompleteness", "wuhua");
    actors.completes("Task_Decide", "wuhua");
    actors.completes("Task_AssignLawyer", "wuhua");
    actors.completes("Task_CaseWork", "xuming");
    actors.completes("Task_CloseAndArchive", "xuming");
    actors.completes("Task_SatisfactionSurvey", "wuhua");
    tasks.complete(pid, "Task_CheckCompleteness", Map.of("materialsCheck", "COMPLETE"));
    tasks.complete(pid, "Task_Decide", Map.of("decision", "GRANT"));
    tasks.complete(pid, "Task_AssignLawyer", Map.of("lawyerUsername", "xuming"));
    tasks.complete(pid, "Task_CaseWork", Map.of("progressAction", "MATTER_ENDED"));
    tasks.complete(
        pid, "Task_CloseAndArchive", Map.of("outcome", "SETTLED", "moneyRecovered", 9600.00));
    tasks.complete(
        pid,
        "Task_SatisfactionSurvey",
        Map.of("satisfaction", "SATISFIED", "satisfactionChannel", "PHONE"));
    assertThat(caseFiles.get(caseNumber).status()).isEqualTo(CaseStatus.CLOSED);

    mvc.perform(get("/api/legal-aid/cases/" + caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lawyer").value("xuming"))
        .andExpect(jsonPath("$.outcome").value("SETTLED"))
        .andExpect(jsonPath("$.moneyRecovered").value(9600.0));
    mvc.perform(get("/cases/" + caseNumber))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("调解、和解结案，挽回 ¥9,600.00")));
  }
}
