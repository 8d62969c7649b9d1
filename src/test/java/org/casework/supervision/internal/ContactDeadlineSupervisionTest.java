package org.casework.supervision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.casework.clocks.AlertLevel;
import org.casework.clocks.ClockState;
import org.casework.clocks.ClockView;
import org.casework.clocks.Clocks;
import org.casework.common.Formats;
import org.casework.contact.ContactMethod;
import org.casework.contact.ContactProgramme;
import org.casework.contact.KeyContactReason;
import org.casework.contact.NeedKind;
import org.casework.contact.RecordVisit;
import org.casework.contact.SetKeyContact;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.casework.supervision.Cockpit;
import org.casework.supervision.CockpitQuery;
import org.casework.supervision.CockpitRow;
import org.casework.support.DemoRegion;
import org.casework.support.MovableClock;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
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
 * A contact task of the contact-visit process has a legal clock: its due date comes from the clock,
 * it is on the cockpit of the supervisors of the person's township (and of no other township), the
 * deadline watch breaches and escalates it to the county's supervisors like a case stage, and a
 * visit stops it.
 */
@SpringBootTest(
    properties = {"casework.sla.watch-initial-delay=PT24H", "casework.contact.initial-delay=PT24H"})
@ProcessTest
@ActiveProfiles("test")
@Import({ContactDeadlineSupervisionTest.Config.class, DemoRegion.class})
class ContactDeadlineSupervisionTest {

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  /** contact/internal/ContactOpener.CLOCK_KEY: the contact task's stage clock. */
  static final String CONTACT_CLOCK = "CONTACT_TASK";

  static final String HERE = "zhaoduban";
  static final String THERE = "qianduban";

  @Autowired UserTasks tasks;
  @Autowired TaskService taskService;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired Registry registry;
  @Autowired ContactProgramme contacts;
  @Autowired Clocks clocks;
  @Autowired ClockWatch watch;
  @Autowired Cockpit cockpit;
  @Autowired MovableClock clock;
  @Autowired JdbcTemplate jdbc;

  RegionScope liaison;

  @BeforeEach
  void setUp() {
    region.ensure();
    supervisor(HERE, "赵督办", DemoRegion.TOWNSHIP);
    supervisor(THERE, "钱督办", DemoRegion.OTHER_TOWNSHIP);
    ClockUtil.setCurrentTime(Date.from(clock.instant()));
    liaison = RegionScope.of(jurisdiction.staff("lixiaohong").orElseThrow());
  }

  @Test
  void shouldPutAnOverdueContactOnItsTownshipSupervisorsCockpitAndEscalateIt() {
    PersonView person =
        registry.register(TestPeople.veteran("逾期 黄阿婆", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    LocalDate today = Formats.chinaDate(clock.instant());
    contacts.flag(
        person.id(),
        new SetKeyContact(KeyContactReason.LONELY_ELDERLY, today.minusMonths(2), "独居"),
        liaison);
    contacts.plan(today);
    contacts.openDue(today.plusYears(1), 100_000);
    Map<String, Object> plan =
        jdbc.queryForMap(
            "select id, process_instance_id, due_at from contact_plan where person_id = ?"
                + " and kind = 'CONTACT' and status = 'OPEN' order by period_end limit 1",
            person.id());
    String reference = ContactProgramme.reference(((Number) plan.get("id")).longValue());
    String instance = (String) plan.get("process_instance_id");

    // the task's due date is the clock's
    ClockView c = clocks.find(reference, CONTACT_CLOCK).orElseThrow();
    Task task = tasks.await(instance, "Task_RecordContact");
    assertThat(task.getDueDate().toInstant()).isEqualTo(c.dueAt().truncatedTo(ChronoUnit.MILLIS));
    assertThat(((java.sql.Timestamp) plan.get("due_at")).toInstant()).isEqualTo(c.dueAt());
    assertThat(c.state()).isEqualTo(ClockState.RUNNING);

    // open: on the township's cockpit, not on another township's
    assertThat(references(HERE, CockpitQuery.View.ALL)).contains(reference);
    assertThat(references(THERE, CockpitQuery.View.ALL)).doesNotContain(reference);
    CockpitRow row =
        cockpit.rows(HERE, query(CockpitQuery.View.ALL)).rows().stream()
            .filter(r -> r.caseNumber().equals(reference))
            .findFirst()
            .orElseThrow();
    assertThat(row.caseTypeLabel()).isEqualTo("联系走访");
    assertThat(row.link()).isEqualTo("/contact/coverage");

    // past due: breached on the township's cockpit and escalated to the county's supervisors
    moveTo(c.dueAt().plusSeconds(60));
    watch.scan();
    watch.scan();
    // a pass escalates at most 100 breaches, oldest first: breaches other tests of the suite left
    // in
    // the shared database come before this one, so pass until none is waiting
    for (int pass = 0; pass < 50 && breachesWaiting() > 0; pass++) {
      watch.scan();
    }
    assertThat(clocks.find(reference, CONTACT_CLOCK).orElseThrow().alertLevel())
        .isEqualTo(AlertLevel.BREACH);
    assertThat(references(HERE, CockpitQuery.View.BREACHED)).contains(reference);
    assertThat(references(THERE, CockpitQuery.View.BREACHED)).doesNotContain(reference);
    tasks.idle();
    List<Task> supervise =
        taskService
            .createTaskQuery()
            .processDefinitionKey("sla-supervision")
            .processVariableValueEquals("caseNumber", reference)
            .taskDefinitionKey("Task_Supervise")
            .list();
    assertThat(supervise).hasSize(1);
    assertThat(tasks.candidateGroups(supervise.getFirst()))
        .containsExactly("county-350502-supervisor");
    assertThat(clocks.officerNotices(reference))
        .singleElement()
        .satisfies(n -> assertThat(n.text()).startsWith("联系走访任务 " + reference));

    // the 督办 task of a contact completes like a campaign task (no case file behind it)
    tasks.completeAs(
        "huangmin2",
        supervise.getFirst().getProcessInstanceId(),
        "Task_Supervise",
        Map.of("supervisionNote", "请尽快上门"));

    // the visit stops the clock: off the cockpit
    contacts.recordVisit(
        new RecordVisit(
            person.id(),
            ContactMethod.HOME,
            Formats.chinaDate(clock.instant()),
            "上门看望，身体尚可",
            NeedKind.NONE,
            null,
            null),
        liaison);
    assertThat(clocks.find(reference, CONTACT_CLOCK).orElseThrow().state())
        .isEqualTo(ClockState.STOPPED);
    assertThat(references(HERE, CockpitQuery.View.ALL)).doesNotContain(reference);
  }

  private List<String> references(String supervisor, CockpitQuery.View view) {
    return cockpit.rows(supervisor, query(view)).rows().stream()
        .map(CockpitRow::caseNumber)
        .toList();
  }

  private static CockpitQuery query(CockpitQuery.View view) {
    return new CockpitQuery(
        view, null, "CONTACT", null, null, null, null, "due", "desc", 0, CockpitQuery.MAX_SIZE);
  }

  private void supervisor(String username, String name, String township) {
    if (jurisdiction.staff(username).isEmpty()) {
      jurisdiction.addStaff(username, name, Role.SUPERVISOR, new RegionCode(township), "demo123");
    }
    if (jurisdiction.staff("huangmin2").isEmpty()) {
      jurisdiction.addStaff(
          "huangmin2", "黄敏", Role.SUPERVISOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    }
  }

  private void moveTo(Instant target) {
    clock.moveTo(target);
    ClockUtil.setCurrentTime(Date.from(clock.instant()));
    tasks.idle();
  }

  private int breachesWaiting() {
    return jdbc.queryForObject(
        "select count(*) from sla_clock_alert where level = 'BREACH' and escalated_at is null",
        Integer.class);
  }
}
