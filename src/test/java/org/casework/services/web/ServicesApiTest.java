package org.casework.services.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryView;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The JSON API of service requests (/api/services/requests) on the real app, engine and database:
 * filing, the region's paged lists, one request, and the department's answer to a referral — with
 * the refusals a client meets (outside the region, bad input, not waiting for an answer).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
@WithUserDetails(value = "zhangwei", setupBefore = TestExecutionEvent.TEST_EXECUTION)
class ServicesApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired DemoRegion region;
  @Autowired Registry registry;
  @Autowired CaseFiles caseFiles;
  @Autowired UserTasks tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserDetailsService users;

  @BeforeEach
  void setUp() {
    region.ensure();
  }

  @Test
  void shouldFileARequestReadItAndFindItOnTheRegionsPagedOpenList() throws Exception {
    PersonView person = person("接口 黄志强", PersonCategory.VETERAN);
    MockHttpServletResponse filed =
        postJson(
            "/api/services/requests", Map.of("personId", person.id(), "itemCode", "JOB_REFERRAL"));
    assertThat(filed.getStatus()).isEqualTo(201);
    JsonNode body = json.readTree(filed.getContentAsString());
    String number = body.get("caseNumber").asText();
    assertThat(number).startsWith("FW-");
    assertThat(filed.getHeader("Location")).isEqualTo("/api/services/requests/" + number);
    assertThat(body.get("itemName").asText()).isEqualTo("就业推荐");
    assertThat(body.get("channel").asText()).isEqualTo("STATION");

    JsonNode one = getJson("/api/services/requests/" + number, 200);
    assertThat(one.get("personName").asText()).isEqualTo("接口 黄志强");
    assertThat(one.get("stateLabel").asText()).isNotBlank();

    // a page of one says there may be more; the new request is on some page of the open list
    JsonNode first = getJson("/api/services/requests?page=0&size=1", 200);
    assertThat(first.get("items")).hasSize(1);
    assertThat(first.get("more").asBoolean()).isTrue();
    boolean seen = false;
    for (int page = 0; page < 200 && !seen; page++) {
      JsonNode p = getJson("/api/services/requests?size=100&page=" + page, 200);
      for (JsonNode item : p.get("items")) {
        assertThat(item.get("townshipCode").asText()).isEqualTo(DemoRegion.TOWNSHIP);
        seen |= item.get("caseNumber").asText().equals(number);
      }
      if (!p.get("more").asBoolean()) {
        break;
      }
    }
    assertThat(seen).as("%s on the township's open list", number).isTrue();
    assertThat(getJson("/api/services/requests?list=overdue&size=5", 200).get("list").asText())
        .isEqualTo("overdue");
  }

  @Test
  void shouldRefuseBadFilingAndPagingInputInChineseAndWriteNothing() throws Exception {
    int before = requestCount();
    assertError(
        postJson("/api/services/requests", Map.of("idNumber", TestPeople.newIdNumber())),
        400,
        "VALIDATION",
        "提交的内容有误");
    assertError(
        postJson(
            "/api/services/requests",
            Map.of("idNumber", TestPeople.newIdNumber(), "itemCode", "JOB_REFERRAL")),
        404,
        "SERVICE_PERSON_NOT_FOUND",
        "请先在服务对象档案中登记");
    assertThat(requestCount()).isEqualTo(before);
    assertError(
        mvc.perform(get("/api/services/requests?size=0")).andReturn().getResponse(),
        400,
        "SERVICE_PAGE_SIZE",
        "每页条数须在 1 至 100 之间");
    assertError(
        mvc.perform(get("/api/services/requests?list=all")).andReturn().getResponse(),
        400,
        "SERVICE_LIST",
        "overdue");
  }

  @Test
  void shouldRecordAReferralAnswerOnlyWhileTheRequestWaitsForIt() throws Exception {
    PersonView person = person("接口 医疗 林国栋", PersonCategory.DIED_OF_ILLNESS_FAMILY);
    String number = file(person, "MEDICAL_AID");
    String pid = caseFiles.get(number).processInstanceId();
    tasks.await(pid, "Task_Accept");
    String path = "/api/services/requests/" + number + "/referral-answer";
    Map<String, Object> answer = Map.of("decision", "APPROVED", "note", "区医保局 2026 第 7 号答复，同意救助");

    // still in acceptance: not waiting for a department's answer
    assertError(postJson(path, answer), 409, "SERVICE_NOT_AWAITING_ANSWER", "不在等待转介部门答复");

    tasks.completeAs("zhangwei", pid, "Task_Accept", Map.of("acceptDecision", "ACCEPT"));
    tasks.await(pid, "Task_AwaitReferralAnswer");
    assertThat(getJson("/api/services/requests/" + number, 200).get("state").asText())
        .isEqualTo("REFERRED");

    // bad input: a decision that is not one, no text (the bean validation's field message)
    assertError(
        postJson(path, Map.of("decision", "MAYBE", "note", "答复")),
        400,
        "SERVICE_ANSWER_INVALID",
        "APPROVED（同意）或 REJECTED（不同意）");
    MockHttpServletResponse blank = postJson(path, Map.of("decision", "APPROVED", "note", " "));
    assertError(blank, 400, "VALIDATION", "提交的内容有误");
    assertThat(blank.getContentAsString()).contains("请记录部门答复内容");
    assertThat(tasks.find(pid, "Task_AwaitReferralAnswer")).as("nothing completed").isNotNull();

    MockHttpServletResponse accepted = postJson(path, answer);
    assertThat(accepted.getStatus()).isEqualTo(202);
    tasks.idle();
    JsonNode after = getJson("/api/services/requests/" + number, 200);
    assertThat(after.get("state").asText()).isEqualTo("RESULT");
    assertThat(after.get("answer").asText()).startsWith("部门同意").contains("第 7 号答复");
    assertThat(caseFiles.history(number))
        .filteredOn(h -> h.action().equals("记录转介答复"))
        .extracting(HistoryView::actor)
        .containsExactly("zhangwei");

    // answered: a second answer is refused
    assertError(postJson(path, answer), 409, "SERVICE_NOT_AWAITING_ANSWER", "待登记结果");
  }

  @Test
  void shouldRefuseAnOfficerOfAnotherTownship() throws Exception {
    PersonView person = person("接口 外辖 郭宏", PersonCategory.DIED_OF_ILLNESS_FAMILY);
    String number = file(person, "MEDICAL_AID");
    String pid = caseFiles.get(number).processInstanceId();
    tasks.completeAs("zhangwei", pid, "Task_Accept", Map.of("acceptDecision", "ACCEPT"));
    tasks.await(pid, "Task_AwaitReferralAnswer");
    MockHttpServletResponse read =
        mvc.perform(get("/api/services/requests/" + number).with(user("chenjing")))
            .andReturn()
            .getResponse();
    assertThat(read.getStatus()).isEqualTo(403);
    MockHttpServletResponse answer =
        mvc.perform(
                post("/api/services/requests/" + number + "/referral-answer")
                    .with(user("chenjing"))
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("decision", "APPROVED", "note", "答复"))))
            .andReturn()
            .getResponse();
    assertThat(answer.getStatus()).isEqualTo(403);
    assertThat(json.readTree(answer.getContentAsString()).get("message").asText()).contains("管辖");
    assertThat(tasks.find(pid, "Task_AwaitReferralAnswer")).isNotNull();
  }

  private RequestPostProcessor user(String username) {
    return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
  }

  private String file(PersonView person, String item) throws Exception {
    MockHttpServletResponse r =
        postJson("/api/services/requests", Map.of("personId", person.id(), "itemCode", item));
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return json.readTree(r.getContentAsString()).get("caseNumber").asText();
  }

  private PersonView person(String name, PersonCategory category) {
    return registry.register(
        new RegisterPerson(
            TestPeople.newIdNumber(),
            name,
            category,
            DemoRegion.TOWNSHIP,
            DemoRegion.VILLAGE,
            "13800000000",
            null,
            List.of()));
  }

  private int requestCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM services_request", Integer.class);
  }

  private MockHttpServletResponse postJson(String path, Map<String, Object> body) throws Exception {
    return mvc.perform(
            post(path)
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(new HashMap<>(body))))
        .andReturn()
        .getResponse();
  }

  private JsonNode getJson(String path, int status) throws Exception {
    MockHttpServletResponse r = mvc.perform(get(path)).andReturn().getResponse();
    assertThat(r.getStatus()).as(path + " " + r.getContentAsString()).isEqualTo(status);
    return json.readTree(r.getContentAsString());
  }

  private void assertError(MockHttpServletResponse r, int status, String code, String message)
      throws Exception {
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
    JsonNode body = json.readTree(r.getContentAsString());
    assertThat(body.get("code").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).contains(message);
  }
}
