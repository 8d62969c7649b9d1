package org.casework.condolence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
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
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * bpmn/condolence-campaign.bpmn on the embedded engine with the real database. Every test uses two
 * fresh townships so that earlier runs' people do not join the lists. The townships run as parallel
 * instances of SubProcess_Township; each instance's variables are its own.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class CondolenceCampaignProcessTest {

  @Autowired UserTasks tasks;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired Condolence condolence;
  @Autowired Registry registry;
  @Autowired Jurisdiction jurisdiction;
  @Autowired Ledger ledger;
  @Autowired CampaignSteps steps;
  @Autowired CampaignRepository campaigns;
  @Autowired DemoRegion region;

  String townshipA;
  String townshipB;

  @BeforeEach
  void setUp() {
    region.ensure();
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
    String pid = instanceOf(id);

    Task confirmA = awaitTask(pid, "Task_ConfirmList", townshipA);
    assertThat(tasks.candidateGroups(confirmA))
        .containsExactly("township-" + townshipA + "-caseworker");
    assertThat(confirmA.getDueDate().toInstant())
        .isEqualTo(today().plusDays(10).atTime(23, 59, 59).atZone(Formats.CHINA).toInstant());
    assertThat(tasks.variables(confirmA).get("townshipSummary")).isEqualTo("名单 2 人，慰问金合计 ¥800.00");
    Task confirmB = awaitTask(pid, "Task_ConfirmList", townshipB);
    assertThat(tasks.candidateGroups(confirmB))
        .containsExactly("township-" + townshipB + "-caseworker");
    assertThat(tasks.variables(confirmB).get("townshipSummary")).isEqualTo("名单 1 人，慰问金合计 ¥300.00");
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
    Task approvalA = awaitTask(pid, "Task_ApproveTownshipList", townshipA);
    complete(approvalA, Map.of("approvalDecision", "RETURN", "approvalReason", "迁出人员已回迁，请补充"));
    Task returned = awaitTask(pid, "Task_ConfirmList", townshipA);
    assertThat(tasks.variables(returned).get("taskNotice")).isEqualTo("县局退回：迁出人员已回迁，请补充");
    // the form still holds the earlier removal; an addition without a reason comes back
    complete(returned, Map.of("additions", idOf(movedAway)));
    Task again = awaitTask(pid, "Task_ConfirmList", townshipA);
    assertThat(tasks.variables(again).get("taskNotice").toString()).isEqualTo("新增人员 迁出 吴建华 须写明理由");
    assertThat(entry(condolence.campaign(id), townshipA, movedAway).state()).isEqualTo("EXCLUDED");
    complete(again, Map.of("additions", idOf(movedAway) + " 已于上月回迁，仍在本街道居住"));

    Task approval = awaitTask(pid, "Task_ApproveTownshipList", townshipA);
    assertThat(tasks.candidateGroups(approval)).containsExactly("county-350502-approver");
    assertThat(tasks.variables(approval).get("townshipSummary")).isEqualTo("名单 2 人，慰问金合计 ¥600.00");
    complete(approval, Map.of("approvalDecision", "APPROVE", "approvalReason", "同意"));

    Task visits = awaitTask(pid, "Task_RecordVisits", townshipA);
    assertThat(tasks.candidateGroups(visits))
        .containsExactly("township-" + townshipA + "-caseworker");
    long veteranEntry = entry(condolence.campaign(id), townshipA, veteran).id();
    long movedEntry = entry(condolence.campaign(id), townshipA, movedAway).id();
    complete(
        visits,
        Map.of("visitRecords", veteranEntry + ", 张伟、李晓红, " + today() + ", 慰问金300元及年货, 签收单 CJ-01"));
    Task rest = awaitTask(pid, "Task_RecordVisits", townshipA);
    assertThat(tasks.variables(rest).get("taskNotice").toString())
        .contains("尚未登记走访情况：" + movedEntry);
    complete(rest, Map.of("visitRecords", movedEntry + ", 张伟, " + today() + ", 慰问金300元, 照片 P-07"));

    tasks.idle();
    assertThat(condolence.campaign(id).township(townshipA).state()).isEqualTo("PAID");
    // who confirmed and who approved: the Tasklist users, recorded by the task listener
    assertThat(
            jdbc.queryForList(
                "SELECT confirmed_by, approved_by FROM condolence_campaign_township"
                    + " WHERE campaign_id = ? AND township_code = ?",
                id,
                townshipA))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("confirmed_by"))
                  .isEqualTo(firstOf("township-" + townshipA + "-caseworker"));
              assertThat(row.get("approved_by")).isEqualTo(firstOf("county-350502-approver"));
            });
    assertThat(ledger.forCase("CAMPAIGN-" + id))
        .extracting(Disbursement::beneficiaryPersonId, Disbursement::amount)
        .containsExactlyInAnyOrder(
            tuple(veteran.id(), new BigDecimal("300.00")),
            tuple(movedAway.id(), new BigDecimal("300.00")));
    steps.pay(id, townshipA);
    assertThat(ledger.forCase("CAMPAIGN-" + id)).hasSize(2);

    // township B never confirms: at the deadline it is closed without payment
    Task stillOpen = awaitTask(pid, "Task_ConfirmList", townshipB);
    // township B's variables are its own: A's notices and lists never reached it
    assertThat(tasks.variables(stillOpen).get("taskNotice")).isEqualTo("");
    assertThat(tasks.variables(stillOpen)).containsEntry("removals", null);
    assertThat(runtime.getVariablesLocal(pid))
        .containsKeys("campaignId", "townships", "deadlineAt", "countyApproverGroup")
        .doesNotContainKeys(
            "township", "taskNotice", "removals", "additions", "townshipSummary", "paidCount");
    assertThat(tasks.variables(stillOpen).get("townshipSummary")).isEqualTo("名单 1 人，慰问金合计 ¥300.00");
    tasks.advance(Duration.ofDays(12));
    assertThat(condolence.campaign(id).status()).isEqualTo("CLOSED");
    CampaignView closed = condolence.campaign(id);
    assertThat(closed.township(townshipB).state()).isEqualTo("EXPIRED");
    assertThat(closed.township(townshipB).entries())
        .extracting(CampaignView.Entry::state)
        .containsExactly("EXPIRED");
    assertThat(closed.township(townshipA).paid()).isEqualTo(2);
    assertThat(closed.township(townshipA).paidAmount()).isEqualByComparingTo("600.00");
    var finished =
        history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(finished.getEndTime()).isNotNull();
    assertThat(finished.getEndActivityId()).isEqualTo("EndEvent_CampaignClosed");
    assertThat(passed(pid, "Timer_ListDeadline")).isTrue();
    assertThat(passed(pid, "EndEvent_TownshipExpired")).isTrue();
    assertThat(passed(pid, "EndEvent_TownshipPaid")).isTrue();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pid)
                .variableName("campaignTotals")
                .singleResult()
                .getValue())
        .isEqualTo(
            jurisdiction.region(new RegionCode(townshipA)).name()
                + " 2 人 ¥600.00；"
                + jurisdiction.region(new RegionCode(townshipB)).name()
                + " 0 人 ¥0.00（未按期确认）");

    // a second Spring Festival campaign this year leaves out who was visited in the first; its
    // deadline lies beyond the engine clock, which the first campaign moved 12 days on
    long second = define("2026年春节补充慰问", 30).id();
    String pid2 = instanceOf(second);
    awaitTask(pid2, "Task_ConfirmList", townshipA);
    CampaignView drawnAgain = condolence.campaign(second);
    assertThat(reason(drawnAgain, townshipA, veteran)).isEqualTo("本年度春节慰问已在活动 #" + id + " 中走访");
    assertThat(entry(drawnAgain, townshipA, martyrFamily).state()).isEqualTo("LISTED");
  }

  @Test
  void shouldKeepALargeTownshipsListWithinTheEnginesStringLimitAndPointToTheFullList() {
    for (int i = 0; i < 150; i++) {
      person("老兵 第" + i + "号", PersonCategory.VETERAN, townshipA);
    }
    long id = define("2026年春节走访慰问（大名单）", 10).id();
    String pid = instanceOf(id);

    Task confirm = awaitTask(pid, "Task_ConfirmList", townshipA);
    String list = tasks.variables(confirm).get("townshipList").toString();
    assertThat(list.length()).isLessThanOrEqualTo(CampaignSteps.LIST_TEXT_BUDGET + 200);
    assertThat(list).contains("共 150 行").contains("/condolence/campaigns/" + id);
    assertThat(tasks.variables(confirm).get("townshipSummary"))
        .isEqualTo("名单 150 人，慰问金合计 ¥45,000.00");
    assertThat(condolence.campaign(id).township(townshipA).entries()).hasSize(150);
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

  /** The instance started with the campaign (in the same transaction), which claimed it. */
  private String instanceOf(long campaignId) {
    String pid = campaigns.findById(campaignId).orElseThrow().getProcessInstanceId();
    assertThat(pid).as("process instance of campaign %s", campaignId).isNotNull();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult())
        .extracting(p -> p.getBusinessKey())
        .isEqualTo("CAMPAIGN-" + campaignId);
    return pid;
  }

  private boolean passed(String pid, String elementId) {
    return history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(pid)
            .activityId(elementId)
            .count()
        > 0;
  }

  /** The open user task at an element for one township of the multi-instance. */
  private Task awaitTask(String pid, String elementId, String township) {
    tasks.idle();
    List<Task> open =
        taskService
            .createTaskQuery()
            .processInstanceId(pid)
            .taskDefinitionKey(elementId)
            .list()
            .stream()
            .filter(t -> township.equals(townshipOf(t)))
            .toList();
    assertThat(open).as("open %s for township %s", elementId, township).hasSize(1);
    return open.getFirst();
  }

  private String townshipOf(Task task) {
    return runtime.getVariable(task.getExecutionId(), "township") instanceof Map<?, ?> m
        ? String.valueOf(m.get("code"))
        : null;
  }

  /**
   * Completes the task as a member of staff of its candidate group would in Tasklist (logged in
   * with that group, claims, completes), then runs what became due.
   */
  private void complete(Task task, Map<String, Object> variables) {
    String user = firstOf(tasks.candidateGroups(task).getFirst());
    tasks.asUser(
        user,
        () -> {
          if (task.getAssignee() == null) {
            taskService.claim(task.getId(), user);
          }
          taskService.complete(task.getId(), variables);
        });
    tasks.idle();
  }

  /** The member of staff of {@code group} who works its tasks in these tests. */
  private String firstOf(String group) {
    return identity.createUserQuery().memberOfGroup(group).list().stream()
        .map(org.operaton.bpm.engine.identity.User::getId)
        .sorted()
        .findFirst()
        .orElseGet(() -> caseworkerFor(group));
  }

  /** The test's own townships have no staff yet: one caseworker for the township's group. */
  private String caseworkerFor(String group) {
    String[] parts = group.split("-");
    if (!parts[0].equals("township") || !group.endsWith("-caseworker")) {
      throw new IllegalStateException("no staff in " + group);
    }
    String username = "cw" + parts[1];
    jurisdiction.addStaff(
        username,
        "经办" + parts[1].substring(6),
        org.casework.jurisdiction.Role.TOWNSHIP_CASEWORKER,
        new org.casework.jurisdiction.RegionCode(parts[1]),
        "demo123");
    return username;
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
