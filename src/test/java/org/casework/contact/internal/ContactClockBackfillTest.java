package org.casework.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.casework.clocks.ClockState;
import org.casework.clocks.ClockView;
import org.casework.clocks.Clocks;
import org.casework.clocks.PeriodUnit;
import org.casework.clocks.StartClock;
import org.casework.common.Formats;
import org.casework.contact.ContactKind;
import org.casework.contact.ContactProgramme;
import org.casework.contact.KeyContactReason;
import org.casework.contact.PlanView;
import org.casework.contact.SetKeyContact;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * People in the registry before the contact programme ran get their tasks and legal clocks on the
 * scheduler's next pass; a task opened before contact tasks had clocks (no clock, no due date) gets
 * its clock, due date and task due date on the next pass, once; a contact clock started under the
 * old whole-case key is withdrawn.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class ContactClockBackfillTest {

  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired Registry registry;
  @Autowired ContactProgramme contacts;
  @Autowired ContactScheduler scheduler;
  @Autowired Clocks clocks;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  RegionScope liaison;

  @BeforeEach
  void setUp() {
    region.ensure();
    liaison = RegionScope.of(jurisdiction.staff("lixiaohong").orElseThrow());
    // what earlier tests left due is opened now, so the pass below reaches this test's people
    contacts.plan(today());
    contacts.openDue(today(), 1_000_000);
  }

  @Test
  void shouldGivePeopleRegisteredBeforeTheProgrammeTheirTasksAndClocksOnTheNextPass() {
    PersonView lonely = lonelyElderly("补建时钟 王秀英");
    PersonView ordinary =
        registry.register(TestPeople.veteran("补建时钟 林国栋", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    assertThat(contacts.plans(lonely.id(), liaison)).isEmpty();

    scheduler.run();

    // 空巢/独居: the month's contact opens at once, with its legal clock
    PlanView month = plan(lonely, ContactKind.CONTACT, Period.containing(today(), 1).key());
    assertThat(month.status()).isEqualTo("OPEN");
    assertClocked(month);
    // everyone else: the county's half-yearly contact is planned (open when its opening day came)
    PlanView half = plan(ordinary, ContactKind.CONTACT, Period.containing(today(), 6).key());
    assertThat(half.status()).isIn("PLANNED", "OPEN");
    if (half.status().equals("OPEN")) {
      assertClocked(half);
    }
  }

  @Test
  void shouldStartTheClockOfATaskOpenedWithoutOneOnTheNextPassAndOnlyOnce() {
    PersonView person = lonelyElderly("补建时钟 陈桂芳");
    scheduler.run();
    PlanView month = plan(person, ContactKind.CONTACT, Period.containing(today(), 1).key());
    ClockView before = clocks.find(month.reference(), ContactOpener.CLOCK_KEY).orElseThrow();

    // as an earlier version left it: the task open, no clock, no due date on the row or the task
    jdbc.update("delete from sla_clock where id = ?", before.id());
    jdbc.update(
        "update contact_plan set due_at = null, clocked_at = null where id = ?", month.id());
    Task task = task(month);
    task.setDueDate(null);
    taskService.saveTask(task);
    // and a contact clock under the old whole-case key
    clocks.start(
        new StartClock(
            month.reference(),
            Clocks.CASE_CLOCK,
            ContactOpener.CLOCK_TYPE,
            DemoRegion.TOWNSHIP,
            ContactOpener.CLOCK_STAGE,
            "联系（旧）",
            Instant.now(clock),
            "system",
            null,
            30,
            PeriodUnit.CALENDAR_DAYS));
    assertThat(clocks.find(month.reference(), ContactOpener.CLOCK_KEY)).isEmpty();
    assertThat(plan(person, ContactKind.CONTACT, month.period()).dueAt()).isNull();

    scheduler.run();

    ClockView after = assertClocked(plan(person, ContactKind.CONTACT, month.period()));
    assertThat(after.dueAt()).isEqualTo(before.dueAt());
    assertThat(after.startedAt()).isEqualTo(before.startedAt());
    assertThat(clocks.find(month.reference(), Clocks.CASE_CLOCK).orElseThrow().state())
        .isEqualTo(ClockState.STOPPED);

    scheduler.run();

    assertThat(clocks.find(month.reference(), ContactOpener.CLOCK_KEY).orElseThrow().id())
        .isEqualTo(after.id());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from sla_clock where case_number = ?",
                Long.class,
                month.reference()))
        .isEqualTo(2);
  }

  private ClockView assertClocked(PlanView plan) {
    ClockView c = clocks.find(plan.reference(), ContactOpener.CLOCK_KEY).orElseThrow();
    assertThat(c.state()).isEqualTo(ClockState.RUNNING);
    assertThat(c.stage()).isEqualTo(ContactOpener.CLOCK_STAGE);
    assertThat(plan.dueAt()).isEqualTo(c.dueAt());
    assertThat(task(plan).getDueDate().toInstant()).isEqualTo(c.dueAt());
    assertThat(Formats.chinaDate(c.dueAt())).isAfterOrEqualTo(plan.periodEnd());
    return c;
  }

  private Task task(PlanView plan) {
    return taskService
        .createTaskQuery()
        .processInstanceId(plan.processInstanceId())
        .taskDefinitionKey(ContactOpener.CLOCK_STAGE)
        .singleResult();
  }

  private PersonView lonelyElderly(String name) {
    PersonView p =
        registry.register(TestPeople.veteran(name, DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    contacts.flag(
        p.id(),
        new SetKeyContact(KeyContactReason.LONELY_ELDERLY, today().minusMonths(1), "测试"),
        liaison);
    return p;
  }

  private PlanView plan(PersonView p, ContactKind kind, String period) {
    return contacts.plans(p.id(), liaison).stream()
        .filter(x -> x.kind() == kind && x.period().equals(period))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " plan for " + period));
  }

  private LocalDate today() {
    return Formats.chinaDate(clock.instant());
  }
}
