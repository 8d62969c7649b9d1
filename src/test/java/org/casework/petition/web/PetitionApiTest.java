package org.casework.petition.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
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
 * Registering petitions through the JSON API and the page, against the real database: bad input
 * gets a clear Chinese message and nothing is written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
@WithUserDetails(value = "zhangwei", setupBefore = TestExecutionEvent.TEST_EXECUTION)
class PetitionApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoRegion region;
  @Autowired Registry registry;

  String idNumber;
  String name;

  @BeforeEach
  void setUp() {
    region.ensure();
    PersonView p =
        registry.register(TestPeople.veteran("赵𠮷生", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    idNumber = registry.unmasked(p.id()).idNumber();
    name = p.name();
  }

  @Test
  void shouldRegisterAPetitionThenLinkTheSameMatterToItsCase() throws Exception {
    Map<String, Object> p = petition();
    String body =
        register(p)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.outcome").value("REGISTERED"))
            .andExpect(jsonPath("$.caseNumber", matchesPattern("XF-350502-\\d{4}-\\d{6}")))
            .andExpect(jsonPath("$.message", containsString("前作出受理、转送或不予受理的决定")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String caseNumber = json.readTree(body).get("caseNumber").asText();

    p.put("channel", "PHONE");
    p.put("subject", " 退役金  补发。");
    long cases = count("casefile_case");
    register(p)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("LINKED"))
        .andExpect(jsonPath("$.caseNumber").value(caseNumber))
        .andExpect(jsonPath("$.message", containsString("不另行受理")));
    assertThat(count("casefile_case")).isEqualTo(cases);

    mvc.perform(get("/api/petitions/" + caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.petitioners[0]").value(name))
        .andExpect(jsonPath("$.repeats[0].channelLabel").value("来电"));
    mvc.perform(get("/api/cases/" + caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.history[0].action").value("登记受理"));
  }

  @Test
  void shouldRefuseAWrongIdChecksumAndWriteNothing() throws Exception {
    Map<String, Object> p = petition();
    lead(p).put("idNumber", idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0'));
    refused(p, 400, "ID_NUMBER_CHECKSUM", "身份证号码校验位错误");
  }

  @Test
  void shouldRefuseAPetitionerWhoIsNotInTheRegistry() throws Exception {
    Map<String, Object> p = petition();
    lead(p).put("idNumber", TestPeople.newIdNumber());
    refused(p, 404, "PETITIONER_UNKNOWN", "档案中没有身份证号为");
  }

  @Test
  void shouldRefuseANameThatDoesNotMatchTheRecord() throws Exception {
    Map<String, Object> p = petition();
    lead(p).put("name", "张冒名");
    refused(p, 400, "ID_NUMBER_NAME_MISMATCH", "该身份证号已登记在另一姓名下");
  }

  @Test
  void shouldRefuseALeadPetitionerWithoutIdNumber() throws Exception {
    Map<String, Object> p = petition();
    lead(p).put("idNumber", null);
    refused(p, 400, "PETITION_LEAD_ID_REQUIRED", "主要信访人");
  }

  @Test
  void shouldRefuseMoreThanFiveRepresentativesOfAGroupVisit() throws Exception {
    Map<String, Object> p = petition();
    List<Map<String, Object>> people = petitioners(p);
    for (String n : List.of("甲", "乙", "丙", "丁", "戊")) {
      people.add(new HashMap<>(Map.of("name", "代表" + n)));
    }
    p.put("groupSize", 30);
    refused(p, 400, "PETITION_TOO_MANY_REPRESENTATIVES", "代表人数不超过5人");
  }

  @Test
  void shouldRefuseAGroupSizeBelowTheListedPetitioners() throws Exception {
    Map<String, Object> p = petition();
    petitioners(p).add(new HashMap<>(Map.of("name", "王二")));
    p.put("groupSize", 1);
    refused(p, 400, "PETITION_GROUP_SIZE", "信访人数不能少于");
  }

  @Test
  void shouldRefuseAMissingChannelWithAFieldMessage() throws Exception {
    Map<String, Object> p = petition();
    p.remove("channel");
    refused(p, 400, "VALIDATION", "提交的内容有误")
        .andExpect(jsonPath("$.fields[0].field").value("channel"))
        .andExpect(jsonPath("$.fields[0].message", containsString("请选择信访形式")));
  }

  @Test
  void shouldRefuseAnUnknownChannel() throws Exception {
    Map<String, Object> p = petition();
    p.put("channel", "PIGEON");
    refused(p, 400, "BAD_REQUEST", "请求格式不正确");
  }

  @Test
  void shouldRefuseTextOverTheFieldLimit() throws Exception {
    Map<String, Object> p = petition();
    p.put("requests", "诉".repeat(1001));
    refused(p, 400, "VALIDATION", "提交的内容有误")
        .andExpect(jsonPath("$.fields[0].message").value("内容过长，请精简后再提交"));
  }

  @Test
  void shouldRefuseARequestBodyOverFourMegabytes() throws Exception {
    Map<String, Object> p = petition();
    p.put("requests", "x".repeat(4 * 1024 * 1024 + 10));
    refused(p, 413, "TOO_LARGE", "4 MB");
  }

  @Test
  @WithUserDetails(value = "chenjing", setupBefore = TestExecutionEvent.TEST_EXECUTION)
  void shouldRefuseAnOfficerRegisteringAPetitionerOutsideTheirTownship() throws Exception {
    Map<String, Object> p = petition();
    p.put("registeredBy", "zhangwei");
    // a person registered elsewhere is answered like an unknown number: no region, no name check
    refused(p, 404, "PETITIONER_UNKNOWN", "本辖区档案中没有身份证号为")
        .andExpect(jsonPath("$.message", not(containsString(DemoRegion.TOWNSHIP))));
  }

  @Test
  void shouldShowTheRegistrationPageAndRegisterFromIt() throws Exception {
    mvc.perform(get("/petitions/new"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("登记信访事项")))
        .andExpect(content().string(containsString("张伟")));
    mvc.perform(
            post("/petitions")
                .with(csrf())
                .param("channel", "LETTER")
                .param("groupSize", "1")
                .param("petitioners[0].name", name)
                .param("petitioners[0].idNumber", idNumber)
                .param("subject", "门前道路<script>")
                .param("requests", "请求修缮"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/cases/XF-*"));
    mvc.perform(
            post("/petitions")
                .with(csrf())
                .param("channel", "VISIT")
                .param("groupSize", "1")
                .param("petitioners[0].name", name)
                .param("petitioners[0].idNumber", idNumber.substring(0, 17) + "Y")
                .param("subject", "<script>alert(1)</script>")
                .param("requests", "请求"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("身份证号码")))
        .andExpect(content().string(containsString("&lt;script&gt;")));
  }

  @Test
  void shouldRegisterFromThePageWithItsEmptyPetitionerRowsAndNewPersonSection() throws Exception {
    // what a browser sends: five petitioner rows (four empty) and the empty 新信访人登记 section
    String caseNumber = filedCase(pageForm(name, idNumber, null));
    assertThat(petitionLead(caseNumber))
        .isEqualTo(
            registry
                .findByIdNumber(org.casework.registry.IdNumber.parse(idNumber))
                .orElseThrow()
                .id());
  }

  @Test
  void shouldRegisterForAPickedLeadWithTheirOwnIdNumberAndShowOnlyTheMaskedOneAgain()
      throws Exception {
    PersonView picked =
        registry.register(TestPeople.veteran("钱选访", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    long audited = countAudit();
    // the form shown again (subject missing) keeps the pick and shows the masked number only
    Map<String, String> missingSubject =
        pageForm(picked.name(), picked.maskedIdNumber(), String.valueOf(picked.id()));
    missingSubject.put("subject", "");
    String again =
        mvc.perform(posted(missingSubject))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("请填写信访事项")))
            .andExpect(content().string(containsString(picked.maskedIdNumber())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(again).doesNotContain(registry.unmasked(picked.id()).idNumber());

    String caseNumber =
        filedCase(pageForm(picked.name(), picked.maskedIdNumber(), String.valueOf(picked.id())));
    assertThat(petitionLead(caseNumber)).isEqualTo(picked.id());
    assertThat(countAudit()).as("each use of the picked person's ID number").isEqualTo(audited + 2);
  }

  @Test
  void shouldRegisterANewLeadPetitionerTypedOnThePage() throws Exception {
    String newId = TestPeople.newIdNumber();
    Map<String, String> form = pageForm("孙新访", newId, null);
    form.put("newLead.category", "VETERAN");
    form.put("newLead.townshipCode", DemoRegion.TOWNSHIP);
    form.put("newLead.villageCode", DemoRegion.VILLAGE);
    form.put("newLead.phone", "13800001234");
    String caseNumber = filedCase(form);
    PersonView registered =
        registry.findByIdNumber(org.casework.registry.IdNumber.parse(newId)).orElseThrow();
    assertThat(registered.name()).isEqualTo("孙新访");
    assertThat(registered.villageCode()).isEqualTo(DemoRegion.VILLAGE);
    assertThat(petitionLead(caseNumber)).isEqualTo(registered.id());
  }

  @Test
  void shouldRefuseANewLeadWithoutCategoryInlineAndRegisterNobody() throws Exception {
    Map<String, String> form = pageForm("孙缺类", TestPeople.newIdNumber(), null);
    form.put("newLead.townshipCode", DemoRegion.TOWNSHIP);
    long cases = count("casefile_case");
    long people = count("registry_person");
    mvc.perform(posted(form))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请选择人员类别")))
        .andExpect(content().string(containsString("is-invalid")));
    assertThat(count("casefile_case")).isEqualTo(cases);
    assertThat(count("registry_person")).isEqualTo(people);
  }

  @Test
  void shouldTellToRegisterAnUnknownLeadAsANewPersonOnThePage() throws Exception {
    long people = count("registry_person");
    mvc.perform(posted(pageForm("孙未登", TestPeople.newIdNumber(), null)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("新信访人登记")))
        .andExpect(content().string(containsString("本辖区档案中没有身份证号为")));
    assertThat(count("registry_person")).isEqualTo(people);
  }

  @Test
  @WithUserDetails(value = "chenjing", setupBefore = TestExecutionEvent.TEST_EXECUTION)
  void shouldRefuseANewLeadPetitionerPlacedOutsideTheOfficersTownship() throws Exception {
    Map<String, String> form = pageForm("孙越界", TestPeople.newIdNumber(), null);
    form.put("newLead.category", "VETERAN");
    form.put("newLead.townshipCode", DemoRegion.TOWNSHIP);
    long people = count("registry_person");
    long cases = count("casefile_case");
    mvc.perform(posted(form))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("不在您的管辖范围")));
    assertThat(count("registry_person")).isEqualTo(people);
    assertThat(count("casefile_case")).isEqualTo(cases);
  }

  /** The page's form as a browser posts it: all five rows and the new-person section. */
  private static Map<String, String> pageForm(String leadName, String leadId, String pickedId) {
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("applicantPersonId", pickedId == null ? "" : pickedId);
    form.put("channel", "LETTER");
    form.put("groupSize", "1");
    for (int i = 0; i < PetitionPage.ROWS; i++) {
      form.put("petitioners[" + i + "].name", i == 0 ? leadName : "");
      form.put("petitioners[" + i + "].idNumber", i == 0 ? leadId : "");
    }
    form.put("subject", "门前道路修缮" + java.util.UUID.randomUUID());
    form.put("requests", "请求修缮");
    form.put("matterKey", "");
    for (String f : List.of("category", "townshipCode", "villageCode", "phone", "address")) {
      form.put("newLead." + f, "");
    }
    return form;
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder posted(
      Map<String, String> form) {
    var request = post("/petitions").with(csrf());
    form.forEach((k, v) -> request.param(k, v));
    return request;
  }

  private String filedCase(Map<String, String> form) throws Exception {
    String url =
        mvc.perform(posted(form))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/cases/XF-*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return url.substring("/cases/".length());
  }

  private long petitionLead(String caseNumber) {
    return jdbc.queryForObject(
        "select lead_person_id from petition where case_number = ?", Long.class, caseNumber);
  }

  private long countAudit() {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where kind = 'PERSONAL_DATA_VIEW'", Long.class);
  }

  private ResultActions register(Map<String, Object> petition) throws Exception {
    return mvc.perform(
        post("/api/petitions")
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(petition)));
  }

  private ResultActions refused(
      Map<String, Object> petition, int status, String code, String message) throws Exception {
    long cases = count("casefile_case");
    long petitions = count("petition");
    long repeats = count("petition_repeat");
    ResultActions result =
        register(petition)
            .andExpect(status().is(status))
            .andExpect(jsonPath("$.code").value(code))
            .andExpect(jsonPath("$.message", containsString(message)));
    assertThat(count("casefile_case")).as("cases written").isEqualTo(cases);
    assertThat(count("petition")).as("petitions written").isEqualTo(petitions);
    assertThat(count("petition_repeat")).as("repeats written").isEqualTo(repeats);
    return result;
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> petitioners(Map<String, Object> p) {
    return (List<Map<String, Object>>) p.get("petitioners");
  }

  private static Map<String, Object> lead(Map<String, Object> p) {
    return petitioners(p).getFirst();
  }

  private Map<String, Object> petition() {
    Map<String, Object> lead = new HashMap<>();
    lead.put("idNumber", idNumber);
    lead.put("name", name);
    List<Map<String, Object>> people = new ArrayList<>();
    people.add(lead);
    Map<String, Object> p = new HashMap<>();
    p.put("channel", "VISIT");
    p.put("petitioners", people);
    p.put("groupSize", 1);
    p.put("subject", "退役金补发");
    p.put("requests", "请求补发2025年度退役金差额");
    p.put("registeredBy", "zhangwei");
    return p;
  }
}
