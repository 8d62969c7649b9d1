package org.casework.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casework.common.Formats;
import org.casework.condolence.CampaignView;
import org.casework.condolence.Condolence;
import org.casework.ledger.Disbursement;
import org.casework.ledger.Ledger;
import org.casework.registry.IdNumber;
import org.casework.registry.Registry;
import org.casework.support.CsrfByDefault;
import org.casework.support.ProcessTest;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The issue's "done when" on the embedded engine: from the demo data a county officer starts a
 * Spring Festival campaign on the page, both townships confirm in their task, the county approves
 * each township in one task, visits are recorded, the ledger has one payment per person and the
 * demo finance file's planted mismatches are flagged.
 */
@SpringBootTest(properties = "casework.demo-data=true")
@AutoConfigureMockMvc
@Import(CsrfByDefault.class)
@WithUserDetails(value = "zhaolei", setupBefore = TestExecutionEvent.TEST_EXECUTION)
@ProcessTest
@ActiveProfiles("test")
class CondolenceDemoStoryTest {

  @Autowired MockMvc mvc;
  @Autowired UserTasks tasks;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtime;
  @Autowired Condolence condolence;
  @Autowired Ledger ledger;
  @Autowired Registry registry;
  @Autowired CondolenceDemoData demo;
  @Autowired ObjectMapper json;

  @Test
  void shouldRunASpringFestivalCampaignFromTheDemoDataToReconciliation() throws Exception {
    demo.run(null);
    long guo = personId("350502195002140417");
    long hong = personId("350502193905050711");
    assertThat(condolence.funeralSupportFor(hong)).isPresent();

    String location =
        mvc.perform(
                post("/condolence/campaigns")
                    .param("name", "2026年春节走访慰问")
                    .param("festival", "SPRING_FESTIVAL")
                    .param("countyCode", "350502")
                    .param("townshipCodes", "350502001,350502002")
                    .param("amounts[VETERAN]", "300")
                    .param("amounts[MARTYR_FAMILY]", "800")
                    .param("amounts[DIED_ON_DUTY_FAMILY]", "800")
                    .param("amounts[DISABLED_SOLDIER]", "500")
                    .param("amounts[SERVING_MEMBER_FAMILY]", "300")
                    .param("budgetLine", "2026年春节慰问专项")
                    .param("deadline", today().plusDays(14).toString())
                    .param("definedBy", "zhaolei"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

    for (String township : List.of("350502001", "350502002")) {
      complete(id, "Task_ConfirmList", township, caseworkerOf(township), Map.of());
    }
    CampaignView drawn = condolence.campaign(id);
    assertThat(entry(drawn, "350502001", hong).state()).isEqualTo("EXCLUDED");
    assertThat(entry(drawn, "350502001", personId("350502197010100814")).reason())
        .contains("迁出至厦门市思明区");
    for (String township : List.of("350502001", "350502002")) {
      complete(
          id, "Task_ApproveTownshipList", township, "sunli", Map.of("approvalDecision", "APPROVE"));
    }
    for (String township : List.of("350502001", "350502002")) {
      tasks.idle();
      assertThat(condolence.campaign(id).township(township).state()).isEqualTo("APPROVED");
      List<String> lines =
          condolence.campaign(id).township(township).entries().stream()
              .filter(e -> e.state().equals("APPROVED"))
              .map(e -> e.id() + ", 张伟, " + today() + ", 慰问金及年货, 签收单 " + e.id())
              .toList();
      // recorded in parts of 40 lines, as the form invites (可分次登记): the task comes back
      // until every visit is recorded
      for (int from = 0; from < lines.size(); from += 40) {
        String part = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 40)));
        complete(
            id,
            "Task_RecordVisits",
            township,
            caseworkerOf(township),
            Map.of("visitRecords", part));
      }
    }
    tasks.idle();
    assertThat(condolence.campaign(id).status()).isEqualTo("CLOSED");

    CampaignView closed = condolence.campaign(id);
    List<Disbursement> paid = ledger.forCase("CAMPAIGN-" + id);
    int people = closed.townships().stream().mapToInt(CampaignView.Township::paid).sum();
    assertThat(paid).hasSize(people);
    assertThat(paid.stream().map(Disbursement::beneficiaryPersonId).distinct()).hasSize(people);
    // 郭振华 is paid once per Spring Festival: in the first campaign of the year, left out after
    CampaignView.Entry guoEntry = entry(closed, "350502001", guo);
    if (guoEntry.state().equals("PAID")) {
      assertThat(paid).anySatisfy(d -> assertThat(d.beneficiaryPersonId()).isEqualTo(guo));
    } else {
      assertThat(guoEntry.reason()).startsWith("本年度春节慰问已在活动 #");
    }
    mvc.perform(get(location))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("已发放")));

    byte[] csv =
        mvc.perform(get("/demo/finance-sample.csv"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String body =
        mvc.perform(
                multipart("/api/ledger/reconciliations")
                    .file(new MockMultipartFile("file", "finance-sample.csv", "text/csv", csv))
                    .param("importedBy", "zhaolei"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> findings = new ArrayList<>();
    for (JsonNode line : json.readTree(body).path("lines")) {
      findings.add(line.path("finding").asText());
    }
    assertThat(findings)
        .containsExactly(
            "MATCHED", "MATCHED", "AMOUNT_DIFFERS", "PAID_TWICE", "UNKNOWN_ID", "FAILED");

    demo.run(null);
    assertThat(condolence.funeralSupportFor(hong)).isPresent();
  }

  /**
   * Completes one township's task of the campaign as {@code user} logged in with their group (as in
   * Tasklist), then runs what became due.
   */
  private void complete(
      long campaignId, String elementId, String township, String user, Map<String, Object> vars) {
    tasks.idle();
    String pid =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey("CAMPAIGN-" + campaignId)
            .singleResult()
            .getId();
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceId(pid)
            .taskDefinitionKey(elementId)
            .list()
            .stream()
            .filter(t -> township.equals(townshipOf(t)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no open " + elementId + " for " + township));
    tasks.asUser(
        user,
        () -> {
          if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
          }
          taskService.complete(task.getId(), vars);
        });
    tasks.idle();
  }

  private String townshipOf(Task task) {
    return runtime.getVariable(task.getExecutionId(), "township") instanceof Map<?, ?> m
        ? String.valueOf(m.get("code"))
        : null;
  }

  /** The demo's township caseworkers (demo/staff.csv). */
  private static String caseworkerOf(String township) {
    return township.equals("350502001") ? "zhangwei" : "chenjing";
  }

  private long personId(String draft) {
    String id = draft.substring(0, 17) + IdNumber.checkCharacter(draft);
    return registry.findByIdNumber(IdNumber.parse(id)).orElseThrow().id();
  }

  private static CampaignView.Entry entry(CampaignView c, String township, long personId) {
    return c.township(township).entries().stream()
        .filter(e -> e.personId() == personId)
        .findFirst()
        .orElseThrow();
  }

  private static LocalDate today() {
    return LocalDate.now(Formats.CHINA);
  }
}
