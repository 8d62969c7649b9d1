package org.casework.condolence.internal;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.common.Formats;
import org.casework.condolence.CampaignView;
import org.casework.condolence.Condolence;
import org.casework.condolence.DefineCampaign;
import org.casework.condolence.Festival;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.ledger.Disbursement;
import org.casework.ledger.Ledger;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * bpmn/condolence-campaign.bpmn on the in-memory engine with the real database. Every test uses two
 * fresh townships so that earlier runs' people do not join the lists.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import({CondolenceCampaignProcessTest.Actors.class, DemoRegion.class})
class CondolenceCampaignProcessTest {

  @TestConfiguration
  static class Actors {
    @Bean
    @Primary
    ScriptedTaskActors scriptedTaskActors() {
      return new ScriptedTaskActors();
    }
  }

  @Autowired ZeebeClient client;
  @Autowired ZeebeTestEngine engine;
  @Autowired Condolence condolence;
  @Autowired Registry registry;
  @Autowired Jurisdiction jurisdiction;
  @Autowired Ledger ledger;
  @Autowired CampaignSteps steps;
  @Autowired CampaignRepository campaigns;
  @Autowired DemoRegion region;

  UserTasks tasks;
  String townshipA;
  String townshipB;

  @BeforeEach
  void setUp() {
    region.ensure();
    tasks = new UserTasks(client, engine);
    int n;
    do {
      n = ThreadLocalRandom.current().nextInt(100, 990);
      townshipA = DemoRegion.COUNTY + String.format("%03d", n);
      townshipB = DemoRegion.COUNTY + String.format("%03d", n + 1);
    } while (jurisdiction.findRegion(new RegionCode(townshipA)).isPresent()
        || jurisdiction.findRegion(new RegionCode(townshipB)).isPresent());
    jurisdiction.addRegion(new RegionCode(townshipA), "测试甲街道" + n);
    jurisdiction.addRegion(new RegionCode(townshipB), "测试乙街道" + n);
  }

  @Test
  void shouldDrawListsConfirmAmendApproveInOneTaskPayOnceAndExpireTheLateTownship() {
    PersonView veteran = person("老兵 陈福生", PersonCategory.VETERAN, townshipA);
    PersonView martyrFamily = person("烈属 林阿婆", PersonCategory.MARTYR_FAMILY, townshipA);
    PersonView deceased = person("已故 黄水生", PersonCategory.VETERAN, townshipA);
    registry.recordDeath(deceased.id(), today().minusDays(10), "zhangwei");
    PersonView movedAway = person("迁出 吴建华", PersonCategory.VETERAN, townshipA);
    registry.recordMovedAway(movedAway.id(), today().minusDays(40), "厦门市思明区");
    PersonView otherCategory = person("伤残 郑大勇", PersonCategory.DISABLED_SOLDIER, townshipA);
    PersonView inB = person("老兵 蔡明", PersonCategory.VETERAN, townshipB);

    long id = define("2026年春节走访慰问", 10).id();
    long pik = instanceOf(id);

    ActivatedJob confirmA = awaitTask(pik, "Task_ConfirmList", townshipA);
    assertThat(confirmA.getCustomHeaders())
        .containsEntry(
            "io.camunda.zeebe:candidateGroups", "[\"township-" + townshipA + "-caseworker\"]")
        .containsKey("io.camunda.zeebe:dueDate");
    assertThat(confirmA.getCustomHeaders().get("io.camunda.zeebe:dueDate"))
        .startsWith(today().plusDays(10) + "T23:59:59");
    assertThat(confirmA.getVariablesAsMap().get("townshipSummary"))
        .isEqualTo("名单 2 人，慰问金合计 ¥800.00");
    CampaignView drawn = condolence.campaign(id);
    assertThat(drawn.township(townshipA).entries())
        .extracting(CampaignView.Entry::personId, CampaignView.Entry::state)
        .containsExactlyInAnyOrder(
            tuple(veteran.id(), "LISTED"),
            tuple(martyrFamily.id(), "LISTED"),
            tuple(deceased.id(), "EXCLUDED"),
            tuple(movedAway.id(), "EXCLUDED"));
    assertThat(reason(drawn, townshipA, deceased)).contains("去世");
    assertThat(reason(drawn, townshipA, movedAway)).contains("迁出至厦门市思明区");
    assertThat(drawn.township(townshipA).entries())
        .noneMatch(e -> e.personId() == otherCategory.id());
    assertThat(drawn.township(townshipB).entries())
        .extracting(CampaignView.Entry::personId)
        .containsExactly(inB.id());

    long martyrEntry = entry(drawn, townshipA, martyrFamily).id();
    complete(confirmA, Map.of("removals", martyrEntry + " 住院中，另行单次慰问", "additions", ""));
    ActivatedJob approvalA = awaitTask(pik, "Task_ApproveTownshipList", townshipA);
    complete(approvalA, Map.of("approvalDecision", "RETURN", "approvalReason", "迁出人员已回迁，请补充"));
    ActivatedJob returned = awaitTask(pik, "Task_ConfirmList", townshipA);
    assertThat(returned.getVariablesAsMap().get("taskNotice")).isEqualTo("县局退回：迁出人员已回迁，请补充");
    // the form still holds the earlier removal; an addition without a reason comes back
    complete(returned, Map.of("additions", idOf(movedAway)));
    ActivatedJob again = awaitTask(pik, "Task_ConfirmList", townshipA);
    assertThat(again.getVariablesAsMap().get("taskNotice").toString())
        .isEqualTo("新增人员 迁出 吴建华 须写明理由");
    assertThat(entry(condolence.campaign(id), townshipA, movedAway).state()).isEqualTo("EXCLUDED");
    complete(again, Map.of("additions", idOf(movedAway) + " 已于上月回迁，仍在本街道居住"));

    ActivatedJob approval = awaitTask(pik, "Task_ApproveTownshipList", townshipA);
    assertThat(approval.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"county-350502-approver\"]");
    assertThat(approval.getVariablesAsMap().get("townshipSummary"))
        .isEqualTo("名单 2 人，慰问金合计 ¥600.00");
    complete(approval, Map.of("approvalDecision", "APPROVE", "approvalReason", "同意"));

    ActivatedJob visits = awaitTask(pik, "Task_RecordVisits", townshipA);
    long veteranEntry = entry(condolence.campaign(id), townshipA, veteran).id();
    long movedEntry = entry(condolence.campaign(id), townshipA, movedAway).id();
    complete(
        visits,
        Map.of("visitRecords", veteranEntry + ", 张伟、李晓红, " + today() + ", 慰问金300元及年货, 签收单 CJ-01"));
    ActivatedJob rest = awaitTask(pik, "Task_RecordVisits", townshipA);
    assertThat(rest.getVariablesAsMap().get("taskNotice").toString())
        .contains("尚未登记走访情况：" + movedEntry);
    complete(rest, Map.of("visitRecords", movedEntry + ", 张伟, " + today() + ", 慰问金300元, 照片 P-07"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> condolence.campaign(id).township(townshipA).state().equals("PAID"));
    assertThat(ledger.forCase("CAMPAIGN-" + id))
        .extracting(Disbursement::beneficiaryPersonId, Disbursement::amount)
        .containsExactlyInAnyOrder(
            tuple(veteran.id(), new BigDecimal("300.00")),
            tuple(movedAway.id(), new BigDecimal("300.00")));
    steps.pay(id, townshipA);
    assertThat(ledger.forCase("CAMPAIGN-" + id)).hasSize(2);

    // township B never confirms: at the deadline it is closed without payment
    awaitTask(pik, "Task_ConfirmList", townshipB);
    engine.increaseTime(Duration.ofDays(12));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> condolence.campaign(id).status().equals("CLOSED"));
    CampaignView closed = condolence.campaign(id);
    assertThat(closed.township(townshipB).state()).isEqualTo("EXPIRED");
    assertThat(closed.township(townshipB).entries())
        .extracting(CampaignView.Entry::state)
        .containsExactly("EXPIRED");
    assertThat(closed.township(townshipA).paid()).isEqualTo(2);
    assertThat(closed.township(townshipA).paidAmount()).isEqualByComparingTo("600.00");
    await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(new InspectedProcessInstance(pik))
                    .isCompleted()
                    .hasPassedElement("Timer_ListDeadline")
                    .hasPassedElement("EndEvent_TownshipExpired")
                    .hasVariableWithValue(
                        "campaignTotals",
                        jurisdiction.region(new RegionCode(townshipA)).name()
                            + " 2 人 ¥600.00；"
                            + jurisdiction.region(new RegionCode(townshipB)).name()
                            + " 0 人 ¥0.00（未按期确认）"));

    // a second Spring Festival campaign this year leaves out who was visited in the first; its
    // deadline lies beyond the engine clock, which the first campaign moved 12 days on
    long second = define("2026年春节补充慰问", 30).id();
    long pik2 = instanceOf(second);
    awaitTask(pik2, "Task_ConfirmList", townshipA);
    CampaignView drawnAgain = condolence.campaign(second);
    assertThat(reason(drawnAgain, townshipA, veteran)).isEqualTo("本年度春节慰问已在活动 #" + id + " 中走访");
    assertThat(entry(drawnAgain, townshipA, martyrFamily).state()).isEqualTo("LISTED");
  }

  // --- steps -----------------------------------------------------------------------------------

  private CampaignView define(String name, int deadlineInDays) {
    return condolence.defineCampaign(
        new DefineCampaign(
            name,
            Festival.SPRING_FESTIVAL,
            DemoRegion.COUNTY,
            List.of(townshipA, townshipB),
            Map.of(
                PersonCategory.VETERAN,
                new BigDecimal("300"),
                PersonCategory.MARTYR_FAMILY,
                new BigDecimal("500")),
            "2026年春节慰问专项经费",
            today().plusDays(deadlineInDays),
            null,
            "sunli"));
  }

  /** The instance that claimed the campaign in its first step. */
  private long instanceOf(long campaignId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> campaigns.findById(campaignId).orElseThrow().getProcessInstanceKey(),
            key -> key != null);
  }

  /** The user task at an element for one township of the multi-instance. */
  private ActivatedJob awaitTask(long pik, String elementId, String township) {
    java.util.concurrent.atomic.AtomicReference<ActivatedJob> found =
        new java.util.concurrent.atomic.AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              client
                  .newActivateJobsCommand()
                  .jobType(UserTasks.USER_TASK_JOB)
                  .maxJobsToActivate(50)
                  .timeout(Duration.ofMillis(300))
                  .send()
                  .join()
                  .getJobs()
                  .stream()
                  .filter(
                      j ->
                          j.getProcessInstanceKey() == pik
                              && j.getElementId().equals(elementId)
                              && township.equals(townshipOf(j)))
                  .findFirst()
                  .ifPresent(found::set);
              return found.get() != null;
            });
    return found.get();
  }

  @SuppressWarnings("unchecked")
  private static String townshipOf(ActivatedJob job) {
    Object t = job.getVariablesAsMap().get("township");
    return t instanceof Map<?, ?> m ? (String) ((Map<String, Object>) m).get("code") : null;
  }

  private void complete(ActivatedJob job, Map<String, Object> variables) {
    client.newCompleteCommand(job.getKey()).variables(new HashMap<>(variables)).send().join();
  }

  private PersonView person(String name, PersonCategory category, String township) {
    return registry.register(
        new RegisterPerson(
            TestPeople.newIdNumber(), name, category, township, null, null, null, List.of()));
  }

  /** ID numbers are stored encrypted: the registry decrypts them for the test. */
  private String idOf(PersonView p) {
    return registryForIds.unmasked(p.id()).idNumber();
  }

  @Autowired org.casework.registry.Registry registryForIds;

  private static CampaignView.Entry entry(CampaignView c, String township, PersonView p) {
    return c.township(township).entries().stream()
        .filter(e -> e.personId() == p.id())
        .findFirst()
        .orElseThrow();
  }

  private static String reason(CampaignView c, String township, PersonView p) {
    return entry(c, township, p).reason();
  }

  private static LocalDate today() {
    return LocalDate.now(Formats.CHINA);
  }
}
