package org.casework.assistance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fault case 4 of issue 8: the same application submitted twice (double click, network retry, two
 * racing requests) with one Idempotency-Key opens one case; both answers name it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class HardshipIdempotentFilingTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoRegion region;

  @BeforeEach
  void setUp() {
    region.ensure();
  }

  @Test
  void shouldOpenOneCaseWhenTheSameSubmissionArrivesTwiceInARow() throws Exception {
    String body = json.writeValueAsString(application());
    String key = UUID.randomUUID().toString();

    MockHttpServletResponse first = submit(body, key);
    MockHttpServletResponse again = submit(body, key);

    assertThat(first.getStatus()).isEqualTo(201);
    assertThat(again.getStatus()).isEqualTo(200);
    assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(caseNumber(again)).isEqualTo(caseNumber(first));
    assertThat(casesWithKey(key)).isEqualTo(1);
  }

  @Test
  void shouldOpenOneCaseWhenTwoSubmissionsWithOneKeyRace() throws Exception {
    for (int round = 0; round < 3; round++) {
      String body = json.writeValueAsString(application());
      String key = UUID.randomUUID().toString();
      CyclicBarrier together = new CyclicBarrier(2);
      Callable<MockHttpServletResponse> submission =
          () -> {
            together.await();
            return submit(body, key);
          };
      List<MockHttpServletResponse> answers = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        List<Future<MockHttpServletResponse>> futures =
            List.of(pool.submit(submission), pool.submit(submission));
        for (Future<MockHttpServletResponse> f : futures) {
          answers.add(f.get());
        }
      }
      assertThat(answers)
          .extracting(MockHttpServletResponse::getStatus)
          .containsExactlyInAnyOrder(201, 200);
      assertThat(caseNumber(answers.get(0))).isEqualTo(caseNumber(answers.get(1)));
      assertThat(casesWithKey(key)).as("round %d", round).isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from casefile_case where case_number = ?",
                  Integer.class,
                  caseNumber(answers.get(0))))
          .isEqualTo(1);
    }
  }

  @Test
  void shouldOpenTwoCasesForTwoKeysAndRefuseABadKeyInChinese() throws Exception {
    MockHttpServletResponse a =
        submit(json.writeValueAsString(application()), "k-" + UUID.randomUUID());
    MockHttpServletResponse b =
        submit(json.writeValueAsString(application()), "k-" + UUID.randomUUID());
    assertThat(caseNumber(a)).isNotEqualTo(caseNumber(b));

    mvc.perform(
            post("/api/hardship/applications")
                .with(httpBasic("zhangwei", "demo123"))
                .header("Idempotency-Key", "两次")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(application())))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_INVALID"))
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("请求标识")))
        .andExpect(header().doesNotExist("Location"));
  }

  @Test
  void shouldFileOnceWhenTheFilingPageIsSubmittedTwice() throws Exception {
    String key = UUID.randomUUID().toString();
    String id = TestPeople.newIdNumber();
    String first = submitPage(id, key);
    String second = submitPage(id, key);

    assertThat(first).startsWith("/cases/BF-");
    assertThat(second).isEqualTo(first);
    assertThat(casesWithKey(key)).isEqualTo(1);
  }

  /** The filing page's form with its hidden submission key; answers the redirect target. */
  private String submitPage(String idNumber, String key) throws Exception {
    return mvc.perform(
            post("/applications")
                .with(httpBasic("zhangwei", "demo123"))
                .param("submissionKey", key)
                .param("applicant.idNumber", idNumber)
                .param("applicant.name", "黄明")
                .param("applicant.category", "VETERAN")
                .param("applicant.townshipCode", "350502001")
                .param("applicant.villageCode", "350502001001")
                .param("cause", "ILLNESS")
                .param("description", "长期患病，医疗支出大")
                .param("amountRequested", "800")
                .param("monthlyIncome", "900"))
        .andExpect(status().is3xxRedirection())
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }

  private MockHttpServletResponse submit(String body, String key) throws Exception {
    return mvc.perform(
            post("/api/hardship/applications")
                .with(httpBasic("zhangwei", "demo123"))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn()
        .getResponse();
  }

  private String caseNumber(MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isIn(200, 201);
    return json.readTree(response.getContentAsString()).get("caseNumber").asText();
  }

  private int casesWithKey(String key) {
    return jdbc.queryForObject(
        "select count(*) from assistance_application where idempotency_key = ?",
        Integer.class,
        key);
  }

  private static Map<String, Object> application() {
    Map<String, Object> applicant = new HashMap<>();
    applicant.put("idNumber", TestPeople.newIdNumber());
    applicant.put("name", "黄明");
    applicant.put("category", "VETERAN");
    applicant.put("townshipCode", "350502001");
    applicant.put("villageCode", "350502001001");
    applicant.put("phone", "13912345678");
    applicant.put("householdMembers", List.of(Map.of("name", "黄小明", "relation", "子女")));
    Map<String, Object> a = new HashMap<>();
    a.put("applicant", applicant);
    a.put("cause", "ILLNESS");
    a.put("description", "长期患病，医疗支出大");
    a.put("amountRequested", 800);
    a.put("monthlyIncome", 900);
    a.put("emergency", false);
    return a;
  }
}
