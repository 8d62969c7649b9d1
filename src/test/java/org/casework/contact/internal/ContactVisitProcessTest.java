package org.casework.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.clocks.BusinessCalendar;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.contact.ContactMethod;
import org.casework.contact.ContactProgramme;
import org.casework.contact.Coverage;
import org.casework.contact.CoverageRow;
import org.casework.contact.HardshipNeed;
import org.casework.contact.KeyContactReason;
import org.casework.contact.MustVisitEvent;
import org.casework.contact.NeedKind;
import org.casework.contact.PlanView;
import org.casework.contact.RecordVisit;
import org.casework.contact.ReportEvent;
import org.casework.contact.SetKeyContact;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * bpmn/contact-visit.bpmn and the contact programme around it on the embedded engine and the real
 * database: planning, opening, recording in Tasklist, the overdue reminder, must-visit events, the
 * village check, the hardship case a need opens, and coverage.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class ContactVisitProcessTest {

  static final String OTHER_VILLAGE = "350502001002";

  @Autowired UserTasks tasks;
  @Autowired ScriptedTaskActors actors;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired Registry registry;
  @Autowired ContactProgramme contacts;
  @Autowired ContactScheduler scheduler;
  @Autowired HardshipAssistance assistance;
  @Autowired BusinessCalendar calendar;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired NeedOpeners needOpeners;

  RegionScope liaison;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addRegion(new RegionCode(OTHER_VILLAGE), "中山社区");
    actors.reset();
    actors.completes("Task_RecordContact", "lixiaohong");
    actors.completes("Task_TownshipFollowUp", "liuyang");
    liaison = RegionScope.of(jurisdiction.staff("lixiaohong").orElseThrow());
  }

  @Test
  void shouldOpenTheQuarterlyContactOfAKeyContactForTheVillageLiaisonDueAtTheQuarterEnd() {
    PersonView person = keyContact("独居老人 郑德福", KeyContactReason.LONELY_ELDERLY);
    PersonView other = keyContact("伤残军人 杨振华", KeyContactReason.DISABLED);
    LocalDate today = today();
    Period quarter = Period.containing(today, 3);

    contacts.plan(today);
    contacts.openDue(quarter.end(), 100_000);

    // 空巢/独居: a contact every month; other key contacts every quarter; both a visit every year
    assertThat(plans(person))
        .extracting(PlanView::kind, PlanView::period)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                org.casework.contact.ContactKind.CONTACT, Period.containing(today, 1).key()),
            org.assertj.core.groups.Tuple.tuple(
                org.casework.contact.ContactKind.VISIT, String.valueOf(today.getYear())));
    PlanView contact = plan(other, "CONTACT", quarter.key());
    assertThat(contact.status()).isEqualTo("OPEN");
    Task task = tasks.await(contact.processInstanceId(), "Task_RecordContact");
    assertThat(tasks.candidateGroups(task)).containsExactly("village-350502001001-liaison");
    assertThat(task.getName()).isEqualTo("联系：伤残军人 杨振华（" + quarter.key() + "）");
    assertThat(Formats.chinaDate(task.getDueDate().toInstant()))
        .isEqualTo(firstWorkingDayFrom(quarter.end()));

    tasks.complete(contact.processInstanceId(), "Task_RecordContact", form("PHONE", today, "NONE"));

    assertThat(plan(other, "CONTACT", quarter.key()).status()).isEqualTo("DONE");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(contact.processInstanceId())
                .count())
        .isZero();
    assertThat(contacts.visits(other.id(), liaison))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.visitedBy()).isEqualTo("lixiaohong");
              assertThat(v.method()).isEqualTo(ContactMethod.PHONE);
              assertThat(v.planId()).isEqualTo(contact.id());
            });
    // a phone call is a contact, not the year's visit: that task stays open
    assertThat(plan(other, "VISIT", String.valueOf(today.getYear())).status()).isNotEqualTo("DONE");
  }

  @Test
  void shouldRefuseAPhoneCallAsTheYearsVisitAndKeepTheTaskOpen() {
    PersonView person = keyContact("伤残军人 洪文彬", KeyContactReason.DISABLED);
    LocalDate today = today();
    contacts.plan(today);
    contacts.openDue(LocalDate.of(today.getYear(), 12, 31), 100_000);
    PlanView visit = plan(person, "VISIT", String.valueOf(today.getYear()));

    tasks.complete(visit.processInstanceId(), "Task_RecordContact", form("PHONE", today, "NONE"));

    Task again = tasks.await(visit.processInstanceId(), "Task_RecordContact");
    assertThat(tasks.variables(again).get("taskNotice").toString()).contains("走访任务须上门");
    assertThat(contacts.visits(person.id(), liaison)).isEmpty();
    assertThat(plan(person, "VISIT", String.valueOf(today.getYear())).status()).isEqualTo("OPEN");

    tasks.complete(visit.processInstanceId(), "Task_RecordContact", form("HOME", today, "NONE"));
    assertThat(plan(person, "VISIT", String.valueOf(today.getYear())).status()).isEqualTo("DONE");
  }

  @Test
  void shouldRemindTheTownshipHeadWhenTheContactIsOverdueAndEndTheReminderWhenItIsDone() {
    PersonView person = keyContact("烈属 许桂兰", KeyContactReason.MARTYR_OR_MILITARY_FAMILY);
    LocalDate today = today();
    Period quarter = Period.containing(today, 3);
    contacts.plan(today);
    contacts.openDue(quarter.end(), 100_000);
    PlanView contact = plan(person, "CONTACT", quarter.key());
    assertThat(tasks.find(contact.processInstanceId(), "Task_TownshipFollowUp")).isNull();

    tasks.advance(Duration.ofDays(100));

    Task reminder = tasks.await(contact.processInstanceId(), "Task_TownshipFollowUp");
    assertThat(tasks.candidateGroups(reminder)).containsExactly("township-350502001-head");
    tasks.complete(contact.processInstanceId(), "Task_RecordContact", form("HOME", today, "NONE"));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(contact.processInstanceId())
                .count())
        .isZero();
    // the 上门 visit also counts as the year's visit: that task ends with it
    PlanView yearly = plan(person, "VISIT", String.valueOf(today.getYear()));
    assertThat(yearly.status()).isEqualTo("DONE");
    assertThat(yearly.visitId()).isEqualTo(plan(person, "CONTACT", quarter.key()).visitId());
  }

  @Test
  void shouldPlanEachPersonKindAndPeriodOnceHoweverOftenTheSchedulerRuns() {
    PersonView person = keyContact("重病 蔡志明", KeyContactReason.SERIOUSLY_ILL);
    LocalDate today = today();

    contacts.plan(today);
    int rows = plans(person).size();
    scheduler.run();
    contacts.plan(today);
    contacts.openDue(LocalDate.of(today.getYear(), 12, 31), 100_000);
    contacts.openDue(LocalDate.of(today.getYear(), 12, 31), 100_000);

    assertThat(rows).isEqualTo(2); // the quarter's contact and the year's visit
    assertThat(plans(person)).hasSize(2);
    assertThat(
            plans(person).stream()
                .mapToLong(
                    p ->
                        runtime
                            .createProcessInstanceQuery()
                            .processDefinitionKey(ContactProgramme.PROCESS)
                            .processInstanceBusinessKey(p.reference())
                            .count())
                .sum())
        .isEqualTo(2);
    assertThat(
            jdbc.queryForList(
                "select kind, period from contact_plan where person_id = ?"
                    + " group by kind, period having count(*) > 1",
                person.id()))
        .isEmpty();
  }

  @Test
  void shouldOpenAVisitAtOnceForAMustVisitEventAndForADeath() {
    PersonView person =
        registry.register(TestPeople.veteran("退伍返乡 苏立新", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    LocalDate today = today();

    PlanView event =
        contacts.reportEvent(
            new ReportEvent(person.id(), MustVisitEvent.ILLNESS_OR_HOSPITAL, today, "住院治疗"),
            liaison);

    assertThat(event.status()).isEqualTo("OPEN");
    Task task = tasks.await(event.processInstanceId(), "Task_RecordContact");
    assertThat(tasks.candidateGroups(task)).containsExactly("village-350502001001-liaison");
    assertThat(Formats.chinaDate(task.getDueDate().toInstant()))
        .isEqualTo(firstWorkingDayFrom(today.plusDays(7)));
    // the same event reported twice opens one visit
    assertThat(
            contacts
                .reportEvent(
                    new ReportEvent(person.id(), MustVisitEvent.ILLNESS_OR_HOSPITAL, today, null),
                    liaison)
                .id())
        .isEqualTo(event.id());

    registry.recordDeath(person.id(), today, "lixiaohong");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForObject(
                            "select count(*) from contact_plan p join contact_event e on e.id = p.event_id"
                                + " where p.person_id = ? and e.event_type = 'DEATH' and p.status = 'OPEN'",
                            Long.class,
                            person.id()))
                    .isEqualTo(1));
  }

  @Test
  void shouldRefuseAVisitForAPersonOutsideTheLiaisonsVillageAndWriteNothing() {
    PersonView elsewhere =
        registry.register(TestPeople.veteran("中山社区 庄明辉", DemoRegion.TOWNSHIP, OTHER_VILLAGE));

    assertThatThrownBy(
            () ->
                contacts.recordVisit(
                    new RecordVisit(
                        elsewhere.id(),
                        ContactMethod.HOME,
                        today(),
                        "上门了解情况",
                        NeedKind.NONE,
                        null,
                        null),
                    liaison))
        .isInstanceOfSatisfying(
            BusinessRuleException.class, e -> assertThat(e.userMessage()).contains("不在您负责的村（社区）"));

    assertThat(
            jdbc.queryForObject(
                "select count(*) from contact_visit where person_id = ?",
                Long.class,
                elsewhere.id()))
        .isZero();
  }

  @Test
  void shouldFileAHardshipCaseFromANeedFoundOnAVisitAndLinkItToTheVisit() {
    PersonView person = keyContact("特困 陈阿水", KeyContactReason.HARDSHIP);
    LocalDate today = today();
    Period quarter = Period.containing(today, 3);
    contacts.plan(today);
    contacts.openDue(quarter.end(), 100_000);
    PlanView contact = plan(person, "CONTACT", quarter.key());

    Map<String, Object> form = form("HOME", today, "HARDSHIP");
    form.put("needText", "老伴住院，医疗费用负担重");
    form.put("hardshipCause", "ILLNESS");
    form.put("amountRequested", 1500);
    form.put("monthlyIncome", 800.5);
    tasks.complete(contact.processInstanceId(), "Task_RecordContact", form);

    long visitId = plan(person, "CONTACT", quarter.key()).visitId();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> contacts.visits(person.id(), liaison).getFirst().linkedCaseNumber() != null);
    String caseNumber = contacts.visits(person.id(), liaison).getFirst().linkedCaseNumber();
    var application = assistance.application(caseNumber);
    assertThat(application.cause()).isEqualTo(HardshipCause.ILLNESS);
    assertThat(application.amountRequested()).isEqualByComparingTo("1500.00");
    assertThat(application.description()).contains("走访记录 " + visitId).contains("老伴住院");
  }

  @Test
  void shouldLogALegalAidConsultationFromANeedFoundOnAVisitAndShowItOnTheDossier()
      throws Exception {
    PersonView person =
        registry.register(TestPeople.veteran("法援 吴明德", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    assertThatThrownBy(
            () ->
                contacts.recordVisit(
                    new RecordVisit(
                        person.id(),
                        ContactMethod.HOME,
                        today(),
                        "上门",
                        NeedKind.LEGAL_AID,
                        " ",
                        null),
                    liaison))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.userMessage()).isEqualTo("请说明需要法律援助咨询的问题"));

    var visit =
        contacts.recordVisit(
            new RecordVisit(
                person.id(),
                ContactMethod.HOME,
                today(),
                "上门看望，谈到抚恤金被拖欠",
                NeedKind.LEGAL_AID,
                "伤残抚恤金连续三个月未发放，想咨询如何维权",
                null),
            liaison);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> contacts.visits(person.id(), liaison).getFirst().linkedRef() != null);
    var linked = contacts.visits(person.id(), liaison).getFirst();
    assertThat(linked.linkedType()).isEqualTo("LEGAL_AID_CONSULTATION");
    assertThat(linked.linkedCaseNumber()).isNull();
    long consultationId = Long.parseLong(linked.linkedRef());
    Map<String, Object> c =
        jdbc.queryForMap(
            "select person_id, logged_by, question from legalaid_consultation where id = ?",
            consultationId);
    assertThat(((Number) c.get("person_id")).longValue()).isEqualTo(person.id());
    assertThat(c.get("logged_by")).isEqualTo("lixiaohong");
    assertThat((String) c.get("question")).contains("走访记录 " + visit.id()).contains("伤残抚恤金连续三个月未发放");
    // a redelivered event opens nothing twice
    assertThat(needOpeners.open(visit.id())).contains(linked.linkedRef());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from legalaid_consultation where person_id = ?",
                Long.class,
                person.id()))
        .isEqualTo(1);

    mvc.perform(get("/people/" + person.id()).with(user(users.loadUserByUsername("zhangwei"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("伤残抚恤金连续三个月未发放")))
        .andExpect(content().string(containsString("已登记法律援助咨询（第 " + consultationId + " 号）")));
  }

  @Test
  void shouldRefuseAHardshipNeedWithoutItsCauseAndRecordNothing() {
    PersonView person =
        registry.register(TestPeople.veteran("走访 林志强", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    assertThatThrownBy(
            () ->
                contacts.recordVisit(
                    new RecordVisit(
                        person.id(),
                        ContactMethod.HOME,
                        today(),
                        "上门",
                        NeedKind.HARDSHIP,
                        "困难",
                        new HardshipNeed(null, new BigDecimal("100"), BigDecimal.ZERO)),
                    liaison))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.userMessage()).isEqualTo("发现困难帮扶需求时请选择致困原因"));
    assertThat(contacts.visits(person.id(), liaison)).isEmpty();
  }

  @Test
  void shouldReportCoveragePerVillageAndTownshipForTheTownshipHeadAndSupervisor() throws Exception {
    String township = freshTownship();
    String v1 = township + "001";
    String v2 = township + "002";
    jurisdiction.addRegion(new RegionCode(v1), "一村");
    jurisdiction.addRegion(new RegionCode(v2), "二村");
    String suffix = township.substring(6);
    jurisdiction.addStaff(
        "liaison" + suffix, "联络员", Role.VILLAGE_LIAISON, new RegionCode(v1), "demo123");
    jurisdiction.addStaff(
        "head" + suffix, "分管领导", Role.TOWNSHIP_HEAD, new RegionCode(township), "demo123");
    RegionScope villageLiaison =
        RegionScope.of(jurisdiction.staff("liaison" + suffix).orElseThrow());
    RegionScope head = RegionScope.of(jurisdiction.staff("head" + suffix).orElseThrow());
    PersonView a = registry.register(TestPeople.veteran("甲", township, v1));
    PersonView b = registry.register(TestPeople.veteran("乙", township, v1));
    registry.register(TestPeople.veteran("丙", township, v1));
    registry.register(TestPeople.veteran("丁", township, v1));
    registry.register(TestPeople.veteran("戊", township, v2));
    registry.register(TestPeople.veteran("己", township, v2));
    PersonView dead = registry.register(TestPeople.veteran("庚", township, v2));
    registry.recordDeath(dead.id(), today(), "head" + suffix);
    contacts.flag(
        a.id(), new SetKeyContact(KeyContactReason.DISABLED, today(), null), villageLiaison);
    contacts.flag(
        b.id(), new SetKeyContact(KeyContactReason.HARDSHIP, today(), null), villageLiaison);
    contacts.recordVisit(
        new RecordVisit(a.id(), ContactMethod.HOME, today(), "上门", NeedKind.NONE, null, null),
        villageLiaison);
    contacts.recordVisit(
        new RecordVisit(b.id(), ContactMethod.PHONE, today(), "电话", NeedKind.NONE, null, null),
        villageLiaison);

    Coverage c = contacts.coverage(today().withDayOfMonth(1), today(), head);

    assertThat(c.rows())
        .extracting(
            CoverageRow::name,
            CoverageRow::township,
            CoverageRow::recipients,
            CoverageRow::contacted,
            CoverageRow::keyContacts,
            CoverageRow::keyVisited,
            CoverageRow::contactedShare,
            CoverageRow::keyVisitedShare)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "测试街道" + suffix, true, 6L, 2L, 2L, 1L, "33.3%", "50.0%"),
            org.assertj.core.groups.Tuple.tuple("一村", false, 4L, 2L, 2L, 1L, "50.0%", "50.0%"),
            org.assertj.core.groups.Tuple.tuple("二村", false, 2L, 0L, 0L, 0L, "0.0%", "—"));
    try (var book =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                contacts.coverageExcel(today().withDayOfMonth(1), today(), head)))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("联系走访覆盖率");
      assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("33.3%");
      assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("一村");
    }
    assertThatThrownBy(() -> contacts.coverage(today(), today(), villageLiaison))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.userMessage()).contains("只有乡镇分管领导、督办人员"));
  }

  @Test
  void shouldShowTheKeyContactAndCoveragePagesAndRefuseAVisitElsewhereInChineseOverHttp()
      throws Exception {
    PersonView flagged = keyContact("页面 郑阿伯", KeyContactReason.LONELY_ELDERLY);
    PersonView elsewhere =
        registry.register(TestPeople.veteran("中山社区 王大伯", DemoRegion.TOWNSHIP, OTHER_VILLAGE));
    var liaisonLogin = user(users.loadUserByUsername("lixiaohong"));
    var headLogin = user(users.loadUserByUsername("liuyang"));

    // the newest record first (the list is paged)
    mvc.perform(get("/contact/key-contacts?sort=person&dir=desc").with(liaisonLogin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("重点联系对象")))
        .andExpect(content().string(containsString(flagged.name())))
        .andExpect(content().string(containsString("每月联系")));
    mvc.perform(get("/contact/coverage").with(headLogin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("联系走访覆盖率")))
        .andExpect(content().string(containsString("海滨街道")));
    mvc.perform(
            get("/contact/coverage.xlsx")
                .param("from", today().withDayOfMonth(1).toString())
                .param("to", today().toString())
                .with(headLogin))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .contentTypeCompatibleWith(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    mvc.perform(
            post("/api/contact/visits")
                .with(csrf())
                .with(liaisonLogin)
                .contentType("application/json")
                .content(
                    "{\"personId\":"
                        + elsewhere.id()
                        + ",\"method\":\"HOME\",\"visitedOn\":\""
                        + today()
                        + "\",\"findings\":\"上门\",\"needKind\":\"NONE\"}"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("不在您负责的村（社区）")));
  }

  // ------------------------------------------------------------------------------------------------

  private PersonView keyContact(String name, KeyContactReason reason) {
    PersonView p =
        registry.register(TestPeople.veteran(name, DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    contacts.flag(p.id(), new SetKeyContact(reason, today().minusMonths(1), "测试"), liaison);
    return p;
  }

  private List<PlanView> plans(PersonView p) {
    return contacts.plans(p.id(), liaison);
  }

  private PlanView plan(PersonView p, String kind, String period) {
    return plans(p).stream()
        .filter(x -> x.kind().name().equals(kind) && x.period().equals(period))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + kind + " plan for " + period + ": " + plans(p)));
  }

  private static Map<String, Object> form(String method, LocalDate on, String need) {
    Map<String, Object> m = new HashMap<>();
    m.put("method", method);
    m.put("visitedOn", on.toString());
    m.put("findings", "身体尚可，生活能自理");
    m.put("needType", need);
    return m;
  }

  private LocalDate today() {
    return Formats.chinaDate(clock.instant());
  }

  private LocalDate firstWorkingDayFrom(LocalDate day) {
    LocalDate d = day;
    while (!calendar.isWorkingDay(DemoRegion.TOWNSHIP, d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  private String freshTownship() {
    for (int i = 0; i < 50; i++) {
      String code =
          "350502" + (500 + java.util.concurrent.ThreadLocalRandom.current().nextInt(500));
      if (jurisdiction.findRegion(new RegionCode(code)).isEmpty()) {
        jurisdiction.addRegion(new RegionCode(code), "测试街道" + code.substring(6));
        return code;
      }
    }
    throw new IllegalStateException("no free township code");
  }
}
