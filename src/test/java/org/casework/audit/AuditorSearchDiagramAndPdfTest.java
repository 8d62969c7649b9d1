package org.casework.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryEntry;
import org.casework.common.Masking;
import org.casework.documents.PdfText;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.registry.RegisterPerson;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The auditor's page: search by person (full or masked ID number) and by officer, the path taken
 * for the diagram (from the app's own history), and the PDF export of a case's history (masked by
 * default, audited), on the embedded engine with a step completed as in Tasklist (logged in as the
 * village liaison).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class AuditorSearchDiagramAndPdfTest {

  @Autowired MockMvc mvc;
  @Autowired UserTasks tasks;
  @Autowired HardshipAssistance assistance;
  @Autowired CaseFiles caseFiles;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired ScriptedTaskActors actors;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;

  String idNumber;
  String number;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff(
        "linfeng", "林峰", Role.AUDITOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    actors.completes("Task_VillageVerification", "lixiaohong");
    idNumber = TestPeople.newIdNumber();
    RegisterPerson p = TestPeople.veteran("冯𠮷安", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE);
    RegisterPerson person =
        new RegisterPerson(
            idNumber,
            p.name(),
            p.category(),
            p.townshipCode(),
            p.villageCode(),
            "13912345678",
            null,
            p.householdMembers());
    number =
        assistance
            .apply(
                new ApplyForAssistance(
                    person,
                    HardshipCause.ILLNESS,
                    "长期患病",
                    new BigDecimal("900.00"),
                    new BigDecimal("500.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    tasks.complete(
        caseFiles.get(number).processInstanceId(),
        "Task_VillageVerification",
        Map.of("verificationConfirmed", true, "verificationFindings", "入户核实，情况属实"));
    // an officer typed the applicant's numbers into a note: exports must mask them by default
    caseFiles.record(
        number,
        new HistoryEntry(
            java.time.Instant.now(),
            "zhangwei",
            "TOWNSHIP_CASEWORKER",
            "补充说明",
            "已记录",
            "申请人身份证 " + idNumber + "，电话 13912345678",
            "note:" + number));
    // the completion (as in Tasklist, by lixiaohong) is in the audit log
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT COUNT(*) FROM audit_entry WHERE case_number = ? AND actor = 'lixiaohong'"
                        + " AND action LIKE '完成任务%'",
                    Long.class, number),
            n -> n == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT COUNT(*) FROM audit_entry WHERE case_number = ? AND action = '补充说明'",
                    Long.class,
                    number),
            n -> n == 1);
  }

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void shouldFindThePersonsCasesByFullOrMaskedIdNumberAndShowOnlyMaskedNumbers() throws Exception {
    String masked = Masking.idNumber(idNumber);
    for (String typed : new String[] {idNumber, masked}) {
      mvc.perform(get("/audit").param("person", typed).with(as("linfeng")))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString(number)))
          .andExpect(content().string(containsString(masked)))
          .andExpect(content().string(not(containsString(idNumber))));
    }
    assertThat(
            jdbc.queryForList(
                "SELECT reason FROM audit_entry WHERE kind = 'PERSON_SEARCH' AND actor = 'linfeng'"
                    + " ORDER BY id DESC LIMIT 2",
                String.class))
        .allSatisfy(r -> assertThat(r).contains(masked).doesNotContain(idNumber));

    // a township caseworker of another township is no auditor; an auditor of the county sees it,
    // but a number that is nobody's finds nothing
    mvc.perform(get("/audit").param("person", TestPeople.newIdNumber()).with(as("linfeng")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("本辖区内没有该身份证号的服务对象")));
    mvc.perform(get("/audit").param("person", "12345").with(as("linfeng")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请输入完整的 18 位身份证号")));
  }

  @Test
  void shouldListTheCasesAnOfficerActedOn() throws Exception {
    mvc.perform(get("/audit").param("officer", "lixiaohong").with(as("linfeng")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("办理人 lixiaohong 办理过的案件")))
        .andExpect(content().string(containsString(number)));
  }

  @Test
  void shouldGiveThePathTakenFromTheCaseHistoryAndServeTheProcessModel() throws Exception {
    assertThat(
            jdbc.queryForList(
                "SELECT h.stage_element_id FROM casefile_history h JOIN casefile_case c"
                    + " ON c.id = h.case_id WHERE c.case_number = ? AND h.stage_element_id"
                    + " IS NOT NULL ORDER BY h.id",
                String.class,
                number))
        .startsWith("Task_VillageVerification");
    mvc.perform(get("/audit/cases/{n}/path", number).with(as("linfeng")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.processId").value("hardship-assistance"))
        .andExpect(jsonPath("$.steps[0].elementId").value("Task_VillageVerification"))
        .andExpect(jsonPath("$.steps[0].completed").value(false))
        .andExpect(jsonPath("$.steps[1].elementId").value("Task_VillageVerification"))
        .andExpect(jsonPath("$.steps[1].completed").value(true))
        .andExpect(jsonPath("$.steps[1].actor").value("lixiaohong"));
    mvc.perform(get("/audit/processes/hardship-assistance.bpmn").with(as("linfeng")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"Task_VillageVerification\"")))
        .andExpect(content().string(containsString("bpmndi:BPMNDiagram")));
    mvc.perform(get("/audit/processes/..%2Fapplication.bpmn").with(as("linfeng")))
        .andExpect(status().is4xxClientError());
    mvc.perform(get("/audit/cases/{n}", number).with(as("linfeng")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("bpmn-navigated-viewer.production.min.js")))
        .andExpect(content().string(containsString("/audit/cases/" + number + "/path")));
    // the diagram's data is for auditors only
    mvc.perform(get("/audit/cases/{n}/path", number).with(as("zhangwei")))
        .andExpect(status().isForbidden());
  }

  @Test
  void shouldExportTheHistoryAsPdfMaskedByDefaultAndAuditTheExport() throws Exception {
    byte[] pdf =
        mvc.perform(get("/audit/cases/{n}/history.pdf", number).with(as("linfeng")))
            .andExpect(status().isOk())
            .andExpect(
                content()
                    .contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PDF))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String text = PdfText.of(pdf).replaceAll("\\s+", "");
    assertThat(text)
        .contains(number)
        .contains("lixiaohong")
        .contains("李晓红")
        .contains("完成任务")
        .contains(Masking.idNumber(idNumber))
        .contains("139****5678")
        .doesNotContain(idNumber)
        .doesNotContain("13912345678");
    assertThat(
            jdbc.queryForList(
                "SELECT outcome FROM audit_entry WHERE kind = 'EXPORT' AND case_number = ?",
                String.class,
                number))
        .containsExactly("已脱敏");

    // unmasked only with a reason, and then also recorded as a view of personal data
    mvc.perform(
            get("/audit/cases/{n}/history.pdf", number)
                .param("unmasked", "true")
                .with(as("linfeng")))
        .andExpect(status().isBadRequest());
    byte[] full =
        mvc.perform(
                get("/audit/cases/{n}/history.pdf", number)
                    .param("unmasked", "true")
                    .param("reason", "纪检调查 2026-17 号")
                    .with(as("linfeng")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(PdfText.of(full).replaceAll("\\s+", "")).contains(idNumber);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_entry WHERE kind = 'PERSONAL_DATA_VIEW'"
                    + " AND case_number = ? AND actor = 'linfeng'",
                Long.class,
                number))
        .isEqualTo(1);
    // not for other roles at all
    mvc.perform(get("/audit/cases/{n}/history.pdf", number).with(as("zhangwei")))
        .andExpect(status().isForbidden());
  }
}
