package org.casework.legalaid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.ResultActions;

/**
 * Filing legal-aid applications and consultations through the JSON API and the pages, against the
 * real database: bad input gets a clear Chinese message and nothing is written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
@WithUserDetails(value = "wuhua", setupBefore = TestExecutionEvent.TEST_EXECUTION)
class LegalAidApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff(
        "wuhua", "吴华", Role.LEGAL_AID_OFFICER, new RegionCode(DemoRegion.COUNTY), "demo123");
  }

  @Test
  void shouldFileAValidApplicationAndShowItsEligibilityGround() throws Exception {
    Map<String, Object> a = application();
    applicant(a).put("category", "MARTYR_FAMILY");
    String caseNumber = created(postJson("/api/legal-aid/applications", a));
    mvc.perform(get("/api/legal-aid/cases/" + caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.hardshipCheck").value("WAIVED"))
        .andExpect(jsonPath("$.hardshipGround", containsString("优抚对象")))
        .andExpect(jsonPath("$.urgent").value(false));
    mvc.perform(get("/api/cases/" + caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.history[0].action").value("登记受理"))
        .andExpect(jsonPath("$.history[0].actor").value("wuhua"));
    mvc.perform(get("/cases/" + caseNumber))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("法律援助申请")))
        .andExpect(content().string(containsString("免予核查经济困难状况")))
        .andExpect(content().string(containsString("经济困难条件")));
  }

  @Test
  void shouldRefuseAWrongIdChecksumAndWriteNothing() throws Exception {
    Map<String, Object> a = application();
    String id = (String) applicant(a).get("idNumber");
    applicant(a).put("idNumber", id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'));
    refused(a, 400, "ID_NUMBER_CHECKSUM", "身份证号码校验位错误");
  }

  @Test
  void shouldRefuseARegionThatIsNotOurs() throws Exception {
    Map<String, Object> a = application();
    applicant(a).put("townshipCode", "350502009");
    applicant(a).put("villageCode", null);
    refused(a, 404, "REGION_UNKNOWN", "不在本系统管辖范围内");
  }

  @Test
  void shouldRefuseAForgedRegionCode() throws Exception {
    Map<String, Object> a = application();
    applicant(a).put("townshipCode", "35050200A");
    refused(a, 400, "REGION_CODE_FORMAT", "行政区划代码格式不正确");
  }

  @Test
  @WithUserDetails(value = "chenjing", setupBefore = TestExecutionEvent.TEST_EXECUTION)
  void shouldRefuseAnOfficerFilingOutsideTheirOwnTownshipWhateverTheBodySays() throws Exception {
    Map<String, Object> a = application();
    a.put("filedBy", "wuhua");
    refused(a, 403, "OUTSIDE_REGION", "不在您的管辖范围");
  }

  @Test
  void shouldRefuseAMissingMatterTypeWithAFieldMessage() throws Exception {
    Map<String, Object> a = application();
    a.remove("matterType");
    refused(a, 400, "VALIDATION", "提交的内容有误")
        .andExpect(jsonPath("$.fields[0].field").value("matterType"))
        .andExpect(jsonPath("$.fields[0].message").value("请选择法律援助事项"));
  }

  @Test
  void shouldRefuseAnUnknownMatterType() throws Exception {
    Map<String, Object> a = application();
    a.put("matterType", "DIVORCE_OF_ALIENS");
    long cases = count("casefile_case");
    mvc.perform(postJson("/api/legal-aid/applications", a)).andExpect(status().isBadRequest());
    assertThat(count("casefile_case")).isEqualTo(cases);
  }

  @Test
  void shouldRefuseTextOverTheFieldLimit() throws Exception {
    Map<String, Object> a = application();
    a.put("matterSummary", "诉".repeat(2001));
    refused(a, 400, "VALIDATION", "提交的内容有误")
        .andExpect(jsonPath("$.fields[0].message").value("内容过长，请精简后再提交"));
  }

  @Test
  void shouldRefuseARequestBodyOverFourMegabytes() throws Exception {
    Map<String, Object> a = application();
    a.put("matterSummary", "x".repeat(4 * 1024 * 1024 + 10));
    refused(a, 413, "TOO_LARGE", "4 MB");
  }

  @Test
  void shouldRefuseAHearingDateInThePast() throws Exception {
    Map<String, Object> a = application();
    a.put("hearingDate", Formats.chinaDate(java.time.Instant.now()).minusDays(1).toString());
    refused(a, 400, "HEARING_DATE_PAST", "开庭日期不能早于今天");
  }

  @Test
  void shouldRefuseAnApplicantWhoIsHisOwnOpponent() throws Exception {
    Map<String, Object> a = application();
    a.put("opposingParty", "黄 𠮷明");
    refused(a, 400, "OPPOSING_PARTY_IS_APPLICANT", "对方当事人不能是申请人本人");
  }

  @Test
  void shouldMarkAnApplicationUrgentWhenTheHearingIsWithinSevenDays() throws Exception {
    Map<String, Object> a = application();
    LocalDate soon = Formats.chinaDate(java.time.Instant.now()).plusDays(6);
    a.put("hearingDate", soon.toString());
    String caseNumber = created(postJson("/api/legal-aid/applications", a));
    mvc.perform(get("/api/legal-aid/cases/" + caseNumber))
        .andExpect(jsonPath("$.urgent").value(true));
  }

  @Test
  @WithUserDetails(value = "sunli", setupBefore = TestExecutionEvent.TEST_EXECUTION)
  void shouldRefuseARoleThatDoesNotTakeApplications() throws Exception {
    long cases = count("casefile_case");
    mvc.perform(postJson("/api/legal-aid/applications", application()))
        .andExpect(status().isForbidden());
    assertThat(count("casefile_case")).isEqualTo(cases);
  }

  @Test
  void shouldLogAConsultationCountItAndTurnItIntoOneApplicationOnly() throws Exception {
    LocalDate today = Formats.chinaDate(java.time.Instant.now());
    long before = statistic(today, "350502002", "LABOUR");
    Map<String, Object> c = consultation();
    String body =
        mvc.perform(postJson("/api/legal-aid/consultations", c))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.topicLabel").value("请求确认劳动关系或支付劳动报酬"))
            .andExpect(jsonPath("$.loggedBy").value("wuhua"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = json.readTree(body).get("id").asLong();
    assertThat(statistic(today, "350502002", "LABOUR")).isEqualTo(before + 1);

    Map<String, Object> a = application();
    applicant(a).put("townshipCode", "350502002");
    applicant(a).put("villageCode", null);
    String caseNumber = created(postJson("/api/legal-aid/consultations/" + id + "/application", a));
    mvc.perform(get("/api/legal-aid/consultations"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(caseNumber)));

    Map<String, Object> again = application();
    mvc.perform(postJson("/api/legal-aid/consultations/" + id + "/application", again))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("CONSULTATION_ALREADY_APPLIED"))
        .andExpect(jsonPath("$.message", containsString(caseNumber)));
  }

  @Test
  void shouldRefuseAConsultationWithoutAnswerOrWithAVillageOfAnotherTownship() throws Exception {
    long rows = count("legalaid_consultation");
    Map<String, Object> c = consultation();
    c.remove("answer");
    mvc.perform(postJson("/api/legal-aid/consultations", c))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields[0].message").value("请填写解答意见"));
    Map<String, Object> wrongVillage = consultation();
    wrongVillage.put("villageCode", DemoRegion.VILLAGE);
    mvc.perform(postJson("/api/legal-aid/consultations", wrongVillage))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("REGION_MISMATCH"));
    assertThat(count("legalaid_consultation")).isEqualTo(rows);
  }

  @Test
  void shouldRefuseAStatisticsPeriodThatEndsBeforeItStarts() throws Exception {
    mvc.perform(
            get("/api/legal-aid/consultations/statistics")
                .param("from", "2026-05-01")
                .param("to", "2026-04-01"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("PERIOD_INVALID"));
  }

  @Test
  void shouldShowThePagesInChineseAndTheirErrors() throws Exception {
    mvc.perform(get("/legal-aid/applications/new"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("登记法律援助申请")))
        .andExpect(content().string(containsString("吴华")))
        // the applicant fieldset both filing pages share (fragments/forms :: applicant)
        .andExpect(content().string(containsString("name=\"applicant.idNumber\"")))
        .andExpect(content().string(containsString("<option value=\"VETERAN\">")))
        .andExpect(content().string(containsString("name=\"applicant.phone\"")));
    mvc.perform(get("/legal-aid/consultations"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("法律咨询登记")))
        .andExpect(content().string(containsString("本年度咨询统计")));
    String badId = TestPeople.newIdNumber().substring(0, 17) + "Y";
    mvc.perform(
            post("/legal-aid/applications")
                .with(csrf())
                .param("applicant.idNumber", badId)
                .param("applicant.name", "张三")
                .param("applicant.category", "VETERAN")
                .param("applicant.townshipCode", "350502001")
                .param("matterType", "LABOUR")
                .param("matterSummary", "<script>alert(1)</script>")
                .param("opposingParty", "某公司")
                .param("hearingDate", "2099-01-01"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("身份证号码格式不正确")))
        .andExpect(content().string(containsString("&lt;script&gt;")));
    mvc.perform(
            post("/legal-aid/consultations")
                .with(csrf())
                .param("visitorName", "庄建平")
                .param("townshipCode", "350502002")
                .param("topic", "LABOUR")
                .param("question", "欠薪怎么办")
                .param("answer", "可申请法律援助"))
        .andExpect(status().is3xxRedirection());
  }

  private long statistic(LocalDate day, String township, String topic) throws Exception {
    String body =
        mvc.perform(
                get("/api/legal-aid/consultations/statistics")
                    .param("from", day.toString())
                    .param("to", day.toString()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    for (JsonNode row : json.readTree(body)) {
      if (row.get("townshipCode").asText().equals(township)
          && row.get("topic").asText().equals(topic)) {
        return row.get("consultations").asLong();
      }
    }
    return 0;
  }

  private String created(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    String body =
        mvc.perform(request)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.caseNumber", matchesPattern("FY-350502-\\d{4}-\\d{6}")))
            .andExpect(jsonPath("$.statusLabel").value("已登记"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body).get("caseNumber").asText();
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder postJson(
      String path, Map<String, Object> body) throws Exception {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
        .with(csrf())
        .contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(body));
  }

  private ResultActions refused(
      Map<String, Object> application, int status, String code, String message) throws Exception {
    long cases = count("casefile_case");
    long people = count("registry_person");
    long applications = count("legalaid_application");
    ResultActions result =
        mvc.perform(postJson("/api/legal-aid/applications", application))
            .andExpect(status().is(status))
            .andExpect(jsonPath("$.code").value(code))
            .andExpect(jsonPath("$.message", containsString(message)));
    assertThat(count("casefile_case")).as("cases written").isEqualTo(cases);
    assertThat(count("registry_person")).as("people written").isEqualTo(people);
    assertThat(count("legalaid_application")).as("applications written").isEqualTo(applications);
    return result;
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> applicant(Map<String, Object> application) {
    return (Map<String, Object>) application.get("applicant");
  }

  private static Map<String, Object> application() {
    Map<String, Object> applicant = new HashMap<>();
    applicant.put("idNumber", TestPeople.newIdNumber());
    applicant.put("name", "黄𠮷明");
    applicant.put("category", "VETERAN");
    applicant.put("townshipCode", "350502001");
    applicant.put("villageCode", "350502001001");
    applicant.put("phone", "13912345678");
    Map<String, Object> a = new HashMap<>();
    a.put("applicant", applicant);
    a.put("matterType", "LABOUR");
    a.put("matterSummary", "公司拖欠工资三个月");
    a.put("opposingParty", "泉州某某物流有限公司");
    a.put("materialsPresent", "身份证、劳动合同");
    return a;
  }

  private static Map<String, Object> consultation() {
    Map<String, Object> c = new HashMap<>();
    c.put("visitorName", "庄建平");
    c.put("townshipCode", "350502002");
    c.put("topic", "LABOUR");
    c.put("question", "公司拖欠工资怎么办？");
    c.put("answer", "可以申请劳动仲裁，并可申请法律援助");
    return c;
  }
}
