package org.casework.assistance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Filing through the JSON API and the page, against the real database: bad input gets a clear
 * Chinese message and nothing is written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
@WithUserDetails(value = "zhangwei", setupBefore = TestExecutionEvent.TEST_EXECUTION)
class HardshipFilingApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoRegion region;

  @BeforeEach
  void setUp() {
    region.ensure();
  }

  @Test
  void shouldFileAValidApplicationAndShowItsHistory() throws Exception {
    String body =
        mvc.perform(
                post("/api/hardship/applications")
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(application())))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.caseNumber", matchesPattern("BF-350502-\\d{4}-\\d{6}")))
            .andExpect(jsonPath("$.statusLabel").value("已登记"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String caseNumber = json.readTree(body).get("caseNumber").asText();

    mvc.perform(get("/api/cases/" + caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.caseFile.townshipCode").value("350502001"))
        .andExpect(jsonPath("$.history[0].action").value("登记受理"))
        .andExpect(jsonPath("$.history[0].actor").value("zhangwei"));
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
    a.put("filedBy", "zhangwei");
    refused(a, 403, "OUTSIDE_REGION", "不在您的管辖范围");
  }

  @Test
  void shouldRefuseANegativeAmountWithAFieldMessage() throws Exception {
    Map<String, Object> a = application();
    a.put("amountRequested", -5);
    refused(a, 400, "VALIDATION", "提交的内容有误")
        .andExpect(jsonPath("$.fields[0].field").value("amountRequested"))
        .andExpect(jsonPath("$.fields[0].message").value("申请金额必须大于零"));
  }

  @Test
  void shouldRefuseAnAmountAboveTheProgrammeMaximum() throws Exception {
    Map<String, Object> a = application();
    a.put("amountRequested", 60000);
    refused(a, 400, "AMOUNT_ABOVE_MAXIMUM", "¥50,000.00");
  }

  @Test
  void shouldRefuseTextOverTheFieldLimit() throws Exception {
    Map<String, Object> a = application();
    a.put("description", "困".repeat(2001));
    refused(a, 400, "VALIDATION", "提交的内容有误")
        .andExpect(jsonPath("$.fields[0].message").value("内容过长，请精简后再提交"));
  }

  @Test
  void shouldRefuseARequestBodyOverFourMegabytes() throws Exception {
    Map<String, Object> a = application();
    a.put("description", "x".repeat(4 * 1024 * 1024 + 10));
    refused(a, 413, "TOO_LARGE", "4 MB");
  }

  @Test
  void shouldRefuseASecondApplicationForTheSameCauseThisYear() throws Exception {
    Map<String, Object> a = application();
    mvc.perform(
            post("/api/hardship/applications")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(a)))
        .andExpect(status().isCreated());
    refused(a, 409, "DUPLICATE_APPLICATION", "同一事由同一年度不能重复申请");
  }

  @Test
  void shouldShowACaseWithItsApplicationOnTheCasePage() throws Exception {
    String body =
        mvc.perform(
                post("/api/hardship/applications")
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(application())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String caseNumber = json.readTree(body).get("caseNumber").asText();
    mvc.perform(get("/cases").param("number", caseNumber.toLowerCase()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/cases/" + caseNumber))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(caseNumber)))
        .andExpect(content().string(containsString("¥1,500.00")))
        .andExpect(content().string(containsString("**************")))
        .andExpect(content().string(containsString("登记受理")));
    mvc.perform(get("/cases").param("number", "BF-1"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("案件编号格式不正确")));
  }

  @Test
  void shouldShowTheFilingPageInChineseAndItsErrors() throws Exception {
    mvc.perform(get("/applications/new"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("登记困难帮扶申请")))
        .andExpect(content().string(containsString("张伟")))
        // the applicant fieldset both filing pages share (fragments/forms :: applicant)
        .andExpect(content().string(containsString("name=\"applicant.idNumber\"")))
        .andExpect(content().string(containsString("<option value=\"VETERAN\">")))
        .andExpect(content().string(containsString("name=\"applicant.phone\"")));

    String badId = TestPeople.newIdNumber().substring(0, 17) + "Y";
    mvc.perform(
            post("/applications")
                .with(csrf())
                .param("applicant.idNumber", badId)
                .param("applicant.name", "张三")
                .param("applicant.category", "VETERAN")
                .param("applicant.townshipCode", "350502001")
                .param("cause", "ILLNESS")
                .param("description", "<script>alert(1)</script>")
                .param("amountRequested", "100")
                .param("monthlyIncome", "0")
                .param("filedBy", "zhangwei"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("身份证号码格式不正确")))
        .andExpect(content().string(containsString("&lt;script&gt;")));
  }

  private ResultActions refused(
      Map<String, Object> application, int status, String code, String message) throws Exception {
    long cases = count("casefile_case");
    long people = count("registry_person");
    ResultActions result =
        mvc.perform(
                post("/api/hardship/applications")
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(application)))
            .andExpect(status().is(status))
            .andExpect(jsonPath("$.code").value(code))
            .andExpect(jsonPath("$.message", containsString(message)));
    assertThat(count("casefile_case")).as("cases written").isEqualTo(cases);
    assertThat(count("registry_person")).as("people written").isEqualTo(people);
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
    applicant.put("householdMembers", List.of(Map.of("name", "黄小明", "relation", "子女")));
    Map<String, Object> a = new HashMap<>();
    a.put("applicant", applicant);
    a.put("cause", "ILLNESS");
    a.put("description", "长期患病，医疗支出大");
    a.put("amountRequested", 1500);
    a.put("monthlyIncome", 900);
    a.put("emergency", false);
    a.put("filedBy", "zhangwei");
    return a;
  }
}
