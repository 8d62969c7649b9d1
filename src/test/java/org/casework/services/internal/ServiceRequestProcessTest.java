package org.casework.services.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.casework.audit.AuditEntryView;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseStatus;
import org.casework.casefile.HistoryView;
import org.casework.casefile.NoticeView;
import org.casework.common.BusinessRuleException;
import org.casework.common.Throttles;
import org.casework.contact.ContactProgramme;
import org.casework.contact.KeyContactReason;
import org.casework.contact.SetKeyContact;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.registry.NeedStatus;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonRecords;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.registry.StatusKind;
import org.casework.satisfaction.Rating;
import org.casework.services.ChangeMenuItem;
import org.casework.services.FileServiceRequest;
import org.casework.services.MenuItem;
import org.casework.services.OnlineRequest;
import org.casework.services.ServiceMenu;
import org.casework.services.ServiceRequestView;
import org.casework.services.ServiceRequests;
import org.casework.supervision.Cockpit;
import org.casework.supervision.CockpitQuery;
import org.casework.supervision.CockpitRow;
import org.casework.support.DemoRegion;
import org.casework.support.MovableClock;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every path of bpmn/service-request.bpmn on the embedded engine and the real database: 站内办理, 转介
 * with a late answer (overdue on the cockpit), 代办, eligibility refusal, 补正 (once, and its
 * deadline), the online request, and the menu's versions.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import({ServiceRequestProcessTest.Config.class, DemoRegion.class})
class ServiceRequestProcessTest {

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  @Autowired org.casework.satisfaction.Satisfaction satisfaction;

  @Autowired UserTasks tasks;
  @Autowired HistoryService history;
  @Autowired ServiceRequests requests;
  @Autowired ServiceMenu menu;
  @Autowired Registry registry;
  @Autowired PersonRecords records;
  @Autowired ContactProgramme contact;
  @Autowired CaseFiles caseFiles;
  @Autowired Cockpit cockpit;
  @Autowired AuditLog audit;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired ScriptedTaskActors actors;
  @Autowired MovableClock clock;
  @Autowired JdbcTemplate jdbc;

  RegionScope station;
  RegionScope county;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff(
        "svc-supervisor", "督办员", Role.SUPERVISOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    jurisdiction.addStaff(
        "svc-admin", "菜单管理员", Role.ADMIN, new RegionCode(DemoRegion.COUNTY), "demo123");
    station = RegionScope.of(jurisdiction.staff("zhangwei").orElseThrow());
    county = RegionScope.of(jurisdiction.staff("svc-admin").orElseThrow());
    actors.reset();
    for (String task :
        List.of(
            "Task_ConfirmIdentity",
            "Task_Accept",
            "Task_Supplement",
            "Task_Handle",
            "Task_AwaitReferralAnswer",
            "Task_RecordResult",
            "Task_FollowUp")) {
      actors.completes(task, "zhangwei");
    }
    ClockUtil.setCurrentTime(Date.from(clock.instant()));
  }

  @Test
  void shouldRunAJobReferralAtTheStationAndRecordEmploymentAndTheAnsweredNeedInTheDossier() {
    PersonView person = person("就业 王建军", PersonCategory.VETERAN);
    Case c = file(person, "JOB_REFERRAL");
    assertThat(caseFiles.get(c.number).type().code()).isEqualTo("FW");

    Task accept = tasks.await(c.pid, "Task_Accept");
    assertThat(tasks.candidateGroups(accept)).containsExactly("township-350502001-caseworker");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.SERVICE_ACCEPTANCE);
    assertThat(tasks.variables(accept).get("eligibility").toString()).contains("限退役军人本人");
    assertThat(tasks.variables(accept)).containsEntry("servicePath", "STATION");
    assertThat(requests.open(station, 500))
        .filteredOn(v -> v.caseNumber().equals(c.number))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.personName()).isEqualTo("就业 王建军");
              assertThat(v.itemName()).isEqualTo("就业推荐");
              assertThat(v.stateLabel()).isEqualTo("受理审查");
            });
    tasks.complete(c.pid, "Task_Accept", Map.of("acceptDecision", "ACCEPT"));

    tasks.await(c.pid, "Task_Handle");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.SERVICE_HANDLING);
    tasks.complete(c.pid, "Task_Handle", Map.of("handlingNote", "推荐至泉州某物流公司面试"));

    // employment found without saying which kind: back to the form
    tasks.complete(c.pid, "Task_RecordResult", Map.of("resultOutcome", "ACHIEVED"));
    Task again = tasks.await(c.pid, "Task_RecordResult");
    assertThat(tasks.variables(again).get("taskNotice").toString()).contains("请选择就业情况");
    tasks.complete(
        c.pid,
        "Task_RecordResult",
        Map.of(
            "resultOutcome", "ACHIEVED",
            "employmentStatus", "在岗",
            "place", "泉州某物流公司 仓储主管",
            "resultNote", "已签订劳动合同"));

    assertThat(records.currentStatuses(person.id(), station).get(StatusKind.EMPLOYMENT).value())
        .isEqualTo("在岗");
    assertThat(records.needs(person.id(), station))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.type()).isEqualTo("就业创业");
              assertThat(n.status()).isEqualTo(NeedStatus.ANSWERED);
              assertThat(n.answeredBy()).isEqualTo(c.number);
            });

    tasks.await(c.pid, "Task_FollowUp");
    tasks.complete(
        c.pid,
        "Task_FollowUp",
        Map.of("satisfactionChannel", "PHONE", "satisfaction", "DISSATISFIED"));
    Task followUp = tasks.await(c.pid, "Task_FollowUp");
    assertThat(tasks.variables(followUp)).containsEntry("taskNotice", "不满意的须记录原因");
    tasks.complete(
        c.pid,
        "Task_FollowUp",
        Map.of(
            "satisfactionChannel", "PHONE",
            "satisfaction", "SATISFIED",
            "satisfactionReason", ""));

    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.SERVICE_DONE);
    assertThat(endedAt(c)).isEqualTo("EndEvent_Done");
    var vars =
        history.createHistoricVariableInstanceQuery().processInstanceId(c.pid).list().stream()
            .filter(v -> v.getName().startsWith("satisfaction"))
            .collect(
                java.util.stream.Collectors.toMap(
                    v -> v.getName(), v -> String.valueOf(v.getValue())));
    assertThat(vars)
        .containsEntry("satisfaction", "SATISFIED")
        .containsEntry("satisfactionChannel", "PHONE");
    // the 回访 rating is the satisfaction module's, like every other programme's closing rating
    assertThat(satisfaction.ofCase(c.number))
        .singleElement()
        .satisfies(r -> assertThat(r.rating()).isEqualTo(Rating.SATISFIED));
    assertThat(caseFiles.history(c.number))
        .extracting(HistoryView::action)
        .contains("申请条件审查", "受理", "站内办理", "登记服务结果", "回访", "办结");
    assertThat(requests.get(c.number, station).state()).isEqualTo("DONE");
    assertThat(requests.open(station, 500))
        .extracting(ServiceRequestView::caseNumber)
        .doesNotContain(c.number);
  }

  @Test
  void shouldReferMedicalAidAndShowTheLateAnswerOverdueOnTheCockpitAndInTheStationList() {
    PersonView person = person("医疗 陈永福", PersonCategory.DIED_OF_ILLNESS_FAMILY);
    Case c = file(person, "MEDICAL_AID");
    tasks.complete(c.pid, "Task_Accept", Map.of("acceptDecision", "ACCEPT"));

    Task await = tasks.await(c.pid, "Task_AwaitReferralAnswer");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.SERVICE_REFERRED);
    ServiceRequestView referred = requests.get(c.number, station);
    assertThat(referred.state()).isEqualTo("REFERRED");
    assertThat(referred.referralDueAt()).isNotNull();
    assertThat(caseFiles.notices(c.number))
        .extracting(NoticeView::text)
        .anySatisfy(t -> assertThat(t).contains("已转介至区医疗保障局"));
    assertThat(await.getDueDate()).isNotNull();

    // the department does not answer in time: both timers fire, the stage clock is breached
    moveTo(referred.referralDueAt().plus(Duration.ofDays(1)));
    assertThat(caseFiles.history(c.number))
        .extracting(HistoryView::action)
        .contains("转介催办", "转介答复超期");
    assertThat(requests.overdueReferrals(station, 50))
        .extracting(ServiceRequestView::caseNumber)
        .contains(c.number);
    List<CockpitRow> breached =
        cockpit
            .rows(
                "svc-supervisor",
                new CockpitQuery(
                    CockpitQuery.View.BREACHED,
                    "STAGE",
                    "SERVICE",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    200))
            .rows();
    assertThat(breached)
        .filteredOn(r -> r.caseNumber().equals(c.number))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.stage()).isEqualTo("Task_AwaitReferralAnswer");
              assertThat(r.caseTypeLabel()).isEqualTo("菜单式服务");
            });

    // the task is still open: the late answer is recorded, then result and follow-up
    tasks.complete(
        c.pid,
        "Task_AwaitReferralAnswer",
        Map.of("referralAnswer", "APPROVED", "answerNote", "区医保局 2026 年第 12 号答复，同意救助"));
    tasks.complete(
        c.pid,
        "Task_RecordResult",
        Map.of("resultOutcome", "ACHIEVED", "amount", "3500.00", "resultNote", "医疗救助金到账"));
    ServiceRequestView result = requests.get(c.number, station);
    assertThat(result.amount()).isEqualByComparingTo("3500.00");
    assertThat(result.answer()).startsWith("部门同意");
    assertThat(requests.overdueReferrals(station, 50))
        .extracting(ServiceRequestView::caseNumber)
        .doesNotContain(c.number);
    tasks.complete(
        c.pid,
        "Task_FollowUp",
        Map.of(
            "satisfactionChannel",
            "VISIT",
            "satisfaction",
            "DISSATISFIED",
            "satisfactionReason",
            "答复太慢"));
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.SERVICE_DONE);
  }

  @Test
  void shouldDoAProxyServiceForALonelyElderlyKeyContact() {
    PersonView person = person("代办 郑国平", PersonCategory.VETERAN);
    contact.flag(
        person.id(),
        new SetKeyContact(KeyContactReason.LONELY_ELDERLY, LocalDate.now().minusDays(30), "独居"),
        station);
    Case c = file(person, "PROXY");
    tasks.complete(c.pid, "Task_Accept", Map.of("acceptDecision", "ACCEPT"));
    Task handle = tasks.await(c.pid, "Task_Handle");
    assertThat(tasks.variables(handle)).containsEntry("servicePath", "PROXY");
    tasks.complete(c.pid, "Task_Handle", Map.of("handlingNote", "代为办理优待证换证"));
    tasks.complete(
        c.pid, "Task_RecordResult", Map.of("resultOutcome", "ACHIEVED", "resultNote", "已换证"));
    tasks.complete(
        c.pid,
        "Task_FollowUp",
        Map.of("satisfactionChannel", "VISIT", "satisfaction", "BASICALLY_SATISFIED"));
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.SERVICE_DONE);
    assertThat(caseFiles.history(c.number))
        .filteredOn(h -> h.action().equals("代办"))
        .singleElement()
        .satisfies(h -> assertThat(h.reason()).isEqualTo("代为办理优待证换证"));
    assertThat(passed(c, "ServiceTask_Refer")).isFalse();
  }

  @Test
  void shouldRefuseWithTheRuleNamedWhenThePersonIsNotEntitled() {
    PersonView notFlagged = person("上门 林志强", PersonCategory.VETERAN);
    Case home = file(notFlagged, "HOME_SERVICE");
    tasks.idle();
    assertThat(caseFiles.get(home.number).status()).isEqualTo(CaseStatus.SERVICE_REFUSED);
    assertThat(tasks.find(home.pid, "Task_Accept")).isNull();
    assertThat(caseFiles.history(home.number))
        .filteredOn(h -> h.action().equals("不予受理"))
        .singleElement()
        .satisfies(
            h ->
                assertThat(h.reason())
                    .contains("《菜单式服务目录》上门服务：限空巢/独居、重病、伤残的重点联系对象")
                    .contains("不是「空巢/独居、重病、伤残」重点联系对象"));

    PersonView family = person("遗属 李梅", PersonCategory.MARTYR_FAMILY);
    Case startup = file(family, "STARTUP_SUBSIDY");
    tasks.idle();
    assertThat(caseFiles.get(startup.number).status()).isEqualTo(CaseStatus.SERVICE_REFUSED);
    assertThat(caseFiles.notices(startup.number))
        .extracting(NoticeView::text)
        .anySatisfy(t -> assertThat(t).contains("限退役军人本人").contains("烈士遗属"));
    assertThat(endedAt(startup)).isEqualTo("EndEvent_Refused");
  }

  @Test
  void shouldAskForMissingDocumentsOnceAndRefuseWhenTheSupplementDeadlinePasses() {
    PersonView person = person("培训 黄德明", PersonCategory.VETERAN);
    Case c = file(person, "TRAINING");
    tasks.complete(
        c.pid,
        "Task_Accept",
        Map.of("acceptDecision", "MISSING_DOCUMENTS", "missingDocuments", "学历证明"));
    Task supplement = tasks.await(c.pid, "Task_Supplement");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.AWAITING_MATERIALS);
    assertThat(caseFiles.notices(c.number))
        .extracting(NoticeView::text)
        .anySatisfy(t -> assertThat(t).contains("学历证明").contains("逾期未补交的，不予受理"));
    assertThat(supplement).isNotNull();
    tasks.complete(c.pid, "Task_Supplement", Map.of("supplementDecision", "SUPPLIED"));

    // a second request for documents is refused: one 补正 only
    tasks.complete(
        c.pid,
        "Task_Accept",
        Map.of("acceptDecision", "MISSING_DOCUMENTS", "missingDocuments", "照片"));
    Task accept = tasks.await(c.pid, "Task_Accept");
    assertThat(tasks.variables(accept).get("taskNotice").toString()).contains("补正材料只能要求一次");
    tasks.complete(c.pid, "Task_Accept", Map.of("acceptDecision", "ACCEPT"));
    tasks.await(c.pid, "Task_Handle");

    // another request whose documents never come: refused when the deadline passes
    Case late = file(person("培训 周强", PersonCategory.VETERAN), "TRAINING");
    tasks.complete(
        late.pid,
        "Task_Accept",
        Map.of("acceptDecision", "MISSING_DOCUMENTS", "missingDocuments", "退役证复印件"));
    String due = (String) tasks.variables(late.pid).get("supplementDueAt");
    moveTo(Instant.parse(due).plus(Duration.ofHours(1)));
    assertThat(caseFiles.get(late.number).status()).isEqualTo(CaseStatus.SERVICE_REFUSED);
    assertThat(caseFiles.history(late.number))
        .extracting(HistoryView::reason)
        .anySatisfy(r -> assertThat(r).contains("补正期限届满"));
  }

  @Test
  void shouldStartAnOnlineRequestUnverifiedAndGiveTheSameAnswerForAPersonTheRegistryDoesNotKnow() {
    String idNumber = TestPeople.newIdNumber();
    PersonView person =
        registry.register(
            new RegisterPerson(
                idNumber,
                "网上 吴华",
                PersonCategory.VETERAN,
                DemoRegion.TOWNSHIP,
                DemoRegion.VILLAGE,
                "13900000001",
                null,
                List.of()));
    String known =
        requests.requestOnline(
            new OnlineRequest(DemoRegion.COUNTY, "TRAINING", "吴华", idNumber, "13900000001"),
            "203.0.113.7");
    String unknown =
        requests.requestOnline(
            new OnlineRequest(
                DemoRegion.COUNTY, "TRAINING", "无名", TestPeople.newIdNumber(), "13900000002"),
            "203.0.113.7");
    assertThat(unknown).isEqualTo(known).isEqualTo(ServiceRequestService.ONLINE_ANSWER);
    assertThat(requests.unmatched(county, 100))
        .anySatisfy(u -> assertThat(u.claimedName()).isEqualTo("无名"));

    ServiceRequestView online = requests.ofPerson(person.id(), station).getFirst();
    assertThat(online.channel()).isEqualTo("ONLINE");
    assertThat(online.verified()).isFalse();
    Case c = new Case(online.caseNumber(), caseFiles.get(online.caseNumber()).processInstanceId());
    Task confirm = tasks.await(c.pid, "Task_ConfirmIdentity");
    assertThat(caseFiles.get(c.number).status()).isEqualTo(CaseStatus.SERVICE_IDENTITY);
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) tasks.variables(confirm).get("requestFacts");
    assertThat(facts.get("nameMatches")).isEqualTo("与登记姓名不一致，请核实");
    assertThat(facts.get("claimedPhone")).isEqualTo("139****0001");
    tasks.complete(
        c.pid,
        "Task_ConfirmIdentity",
        Map.of("identityDecision", "CONFIRMED", "identityNote", "电话核实，本人确认申请培训"));
    tasks.await(c.pid, "Task_Accept");
    assertThat(requests.get(c.number, station).verified()).isTrue();
    assertThat(audit.ofKind(AuditKind.CASE_HISTORY, county, 200))
        .extracting(AuditEntryView::action)
        .contains("网上服务申请");

    // a malformed ID number is answered in Chinese; an address that asks too often is throttled
    assertThatThrownBy(
            () ->
                requests.requestOnline(
                    new OnlineRequest(
                        DemoRegion.COUNTY, "TRAINING", "吴华", "350502199001011234", "13900000001"),
                    "203.0.113.7"))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .asString()
        .contains("身份证号码有误");
    // (the test database outlives a run and keeps locks: a fresh address each run)
    String address = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff_ffffL);
    for (int i = 0; i < 10; i++) {
      try {
        requests.requestOnline(
            new OnlineRequest(
                DemoRegion.COUNTY, "TRAINING", "某人", TestPeople.newIdNumber(), "13900000003"),
            address);
      } catch (BusinessRuleException e) {
        assertThat(e.code()).isEqualTo("SERVICE_ONLINE_THROTTLED");
        assertThat(i).isEqualTo(5);
        // a new node, or this one after a restart, reads the address's lock from the table
        assertThat(
                new Throttles(jdbc, clock)
                    .create(OnlineThrottle.TABLE, Duration.ofHours(1))
                    .isLocked(OnlineThrottle.addressKey(address)))
            .isTrue();
        return;
      }
    }
    throw new AssertionError("the sixth online request of one address was not throttled");
  }

  @Test
  void shouldVersionAMenuChangeAuditItAndKeepTheVersionARequestWasFiledUnder() {
    PersonView person = person("版本 孙丽", PersonCategory.VETERAN);
    MenuItem before = menu.current(DemoRegion.COUNTY, "STARTUP_SUBSIDY");
    Case c = file(person, "STARTUP_SUBSIDY");
    // the test database outlives a run: a new document and deadline each time
    String marker = "银行账户" + System.nanoTime() % 100_000;
    int deadline = before.deadlineDays() % 60 + 1;
    MenuItem after =
        menu.change(
            new ChangeMenuItem(
                DemoRegion.COUNTY,
                "STARTUP_SUBSIDY",
                "创业扶持（一次性创业补贴）",
                before.provider(),
                before.providerName(),
                before.categories(),
                before.keyContactFlags(),
                before.eligibilityRule(),
                "身份证；退役证；营业执照；创业项目说明；" + marker,
                deadline,
                before.mode(),
                before.resultKind(),
                before.needType(),
                true,
                "增加银行账户材料，时限调整为 25 个工作日"),
            county);
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(menu.current(DemoRegion.COUNTY, "STARTUP_SUBSIDY").deadlineDays())
        .isEqualTo(deadline);
    assertThat(menu.current(DemoRegion.COUNTY, "STARTUP_SUBSIDY").documents()).contains(marker);
    assertThat(menu.history(DemoRegion.COUNTY))
        .filteredOn(m -> m.code().equals("STARTUP_SUBSIDY"))
        .extracting(MenuItem::version)
        .startsWith(after.version(), before.version());
    assertThat(requests.get(c.number, station).itemVersion()).isEqualTo(before.version());
    Task accept = tasks.await(c.pid, "Task_Accept");
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) tasks.variables(accept).get("requestFacts");
    assertThat(facts.get("documents").toString())
        .isEqualTo(before.documentsText())
        .doesNotContain(marker);
    assertThat(audit.ofKind(AuditKind.POLICY_CHANGE, county, 50))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo("修改服务菜单"));

    // a township caseworker may not change the county's menu
    assertThatThrownBy(
            () ->
                menu.change(
                    new ChangeMenuItem(
                        DemoRegion.COUNTY,
                        "STARTUP_SUBSIDY",
                        "x",
                        before.provider(),
                        null,
                        List.of(),
                        List.of(),
                        "x",
                        "身份证",
                        5,
                        before.mode(),
                        before.resultKind(),
                        null,
                        true,
                        "x"),
                    station))
        .isInstanceOf(BusinessRuleException.class);
  }

  // --- helpers --------------------------------------------------------------------------------

  record Case(String number, String pid) {}

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

  private Case file(PersonView person, String item) {
    String number =
        requests
            .file(new FileServiceRequest(person.id(), null, item, null, "登记"), station)
            .caseNumber();
    String pid = caseFiles.get(number).processInstanceId();
    assertThat(pid).as("process instance of %s", number).isNotNull();
    return new Case(number, pid);
  }

  private void moveTo(Instant target) {
    clock.moveTo(target);
    ClockUtil.setCurrentTime(Date.from(clock.instant()));
    tasks.idle();
  }

  private boolean passed(Case c, String elementId) {
    return history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(c.pid)
            .activityId(elementId)
            .count()
        > 0;
  }

  private String endedAt(Case c) {
    tasks.idle();
    var instance =
        history.createHistoricProcessInstanceQuery().processInstanceId(c.pid).singleResult();
    return instance.getEndTime() == null ? null : instance.getEndActivityId();
  }
}
