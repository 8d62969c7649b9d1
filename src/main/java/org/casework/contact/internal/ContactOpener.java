package org.casework.contact.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.ClockView;
import org.casework.clocks.Clocks;
import org.casework.clocks.PeriodUnit;
import org.casework.clocks.StartClock;
import org.casework.common.Formats;
import org.casework.contact.ContactKind;
import org.casework.contact.ContactProgramme;
import org.casework.contact.MustVisitEvent;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts contact-visit instances for plan rows whose task is due to open, in small transactions: a
 * row is claimed by a conditional update (PLANNED → OPEN), so a second opener (another node, a
 * rerun) skips it, and the claim, the instance and its due date commit together or not at all. The
 * due date is the period's last day by the business calendar (a day off moves it to the next
 * working day).
 */
@Component
class ContactOpener {

  static final int BATCH = 50;

  /** The case type of contact clocks on the cockpit (sla.caseType.CONTACT = 联系走访). */
  static final String CLOCK_TYPE = "CONTACT";

  /** The clock's stage: the BPMN user task the liaison works on. */
  static final String CLOCK_STAGE = "Task_RecordContact";

  /**
   * The clock's key: a stage clock (the task's), not a whole-case clock — the cockpit lists it as
   * 环节, and whatever reads a case's history for whole-case clocks never meets a contact.
   */
  static final String CLOCK_KEY = "CONTACT_TASK";

  private static final Logger log = LoggerFactory.getLogger(ContactOpener.class);

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final Registry registry;
  private final Jurisdiction jurisdiction;
  private final BusinessCalendar calendar;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Clocks clocks;
  private final TaskService tasks;

  ContactOpener(
      JdbcTemplate jdbc,
      RuntimeService runtime,
      TaskService tasks,
      Registry registry,
      Jurisdiction jurisdiction,
      BusinessCalendar calendar,
      PlatformTransactionManager transactions,
      Clock clock,
      Clocks clocks) {
    this.clocks = clocks;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.calendar = calendar;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  int openDue(LocalDate day, int limit) {
    List<Long> due =
        jdbc.queryForList(
            "select id from contact_plan where status = 'PLANNED' and open_on <= ?"
                + " order by open_on, id limit ?",
            Long.class,
            day,
            limit);
    int opened = inBatches(due, this::open, "opening contact plan rows");
    if (opened > 0) {
      log.info("contact tasks opened: {} (of {} due by {})", opened, due.size(), day);
    }
    return opened;
  }

  /** Opens one planned row in the caller's transaction; false when it was not PLANNED any more. */
  boolean open(long planId) {
    Instant now = clock.instant();
    if (jdbc.update(
            "update contact_plan set status = 'OPEN', opened_at = ? where id = ? and status = 'PLANNED'",
            Timestamp.from(now),
            planId)
        == 0) {
      return false;
    }
    Map<String, Object> row =
        jdbc.queryForMap(
            "select p.person_id, p.kind, p.period, p.period_start, p.period_end, p.open_on,"
                + " p.township_code, p.village_code, p.audience, e.event_type, e.occurred_on"
                + " from contact_plan p left join contact_event e on e.id = p.event_id where p.id = ?",
            planId);
    PersonView person = registry.person(((Number) row.get("person_id")).longValue());
    String eventType = (String) row.get("event_type");
    if (eventType == null && (person.isDeceased() || person.hasMovedAway())) {
      jdbc.update(
          "update contact_plan set status = 'CANCELLED', done_at = ? where id = ?",
          Timestamp.from(now),
          planId);
      return false;
    }
    LocalDate openOn = ((java.sql.Date) row.get("open_on")).toLocalDate();
    LocalDate end = ((java.sql.Date) row.get("period_end")).toLocalDate();
    String township = (String) row.get("township_code");
    String village = (String) row.get("village_code");
    LocalDate start = openOn.minusDays(1);
    ContactKind kind = ContactKind.valueOf((String) row.get("kind"));
    Instant dueAt =
        startClock(planId, township, kind, (String) row.get("period"), eventType, start, end);
    String reason =
        eventType != null
            ? "六必访："
                + MustVisitEvent.valueOf(eventType).label()
                + "（"
                + Formats.date(((java.sql.Date) row.get("occurred_on")).toLocalDate())
                + "）"
            : switch ((String) row.get("audience")) {
              case "LONELY" -> "重点联系对象（空巢/独居）";
              case "KEY" -> "重点联系对象";
              default -> "服务对象定期联系";
            };
    Map<String, Object> v = new HashMap<>();
    v.put("planId", planId);
    v.put("personId", person.id());
    v.put("contactKind", kind.name());
    v.put("taskName", kind.label() + "：" + person.name() + "（" + row.get("period") + "）");
    v.put(
        "contactFacts",
        new java.util.LinkedHashMap<>(
            Map.of(
                "reference", ContactProgramme.reference(planId),
                "person", person.name(),
                "category", person.category().label(),
                "idNumber", person.maskedIdNumber(),
                "place", placeName(township, village),
                "reason", reason,
                "period", periodText((String) row.get("period"), row, eventType),
                "kind", kind.label(),
                "due", Formats.date(Formats.chinaDate(dueAt)))));
    v.put(
        "liaisonGroup",
        village != null
            ? CandidateGroups.of(new RegionCode(village), Role.VILLAGE_LIAISON)
            : CandidateGroups.of(new RegionCode(township), Role.TOWNSHIP_CASEWORKER));
    v.put("townshipHeadGroup", CandidateGroups.of(new RegionCode(township), Role.TOWNSHIP_HEAD));
    v.put("dueDate", Date.from(dueAt));
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(
            ContactProgramme.PROCESS, ContactProgramme.reference(planId), v);
    jdbc.update(
        "update contact_plan set process_instance_id = ?, due_at = ?, clocked_at = ? where id = ?",
        instance.getId(),
        Timestamp.from(dueAt),
        Timestamp.from(now),
        planId);
    return true;
  }

  /**
   * Gives open tasks that have no legal clock theirs: rows opened before contact tasks had clocks
   * (people registered or imported, and their tasks opened, before the programme kept clocks:
   * {@code clocked_at} null, V271) get the clock the opener starts today (same start, period and
   * due day), the row's and the task's due date from it, so they are on the cockpit and escalate
   * like the others. A contact clock started under the whole-case key ({@code CASE}, before the
   * stage key) is withdrawn. Small transactions; idempotent (the clock is found, the row is
   * marked).
   */
  int backfillClocks(int limit) {
    List<String> legacy =
        jdbc.queryForList(
            "select case_number from sla_clock where case_type = ? and clock_key = ?"
                + " and stopped_at is null order by id limit ?",
            String.class,
            CLOCK_TYPE,
            Clocks.CASE_CLOCK,
            limit);
    for (String reference : legacy) {
      clocks.withdraw(reference, Clocks.CASE_CLOCK, "联系走访任务改用环节时限", "system");
    }
    List<Long> rows =
        jdbc.queryForList(
            "select id from contact_plan where status = 'OPEN' and clocked_at is null"
                + " order by id limit ?",
            Long.class,
            limit);
    int done = inBatches(rows, this::backfillClock, "clocks for open contact rows");
    if (done > 0 || !legacy.isEmpty()) {
      log.info(
          "contact clocks back-filled: {} open tasks, {} whole-case clocks withdrawn",
          done,
          legacy.size());
    }
    return done;
  }

  private boolean backfillClock(long planId) {
    List<Map<String, Object>> found =
        jdbc.queryForList(
            "select p.kind, p.period, p.period_end, p.open_on, p.township_code,"
                + " p.process_instance_id, e.event_type from contact_plan p"
                + " left join contact_event e on e.id = p.event_id"
                + " where p.id = ? and p.status = 'OPEN' and p.clocked_at is null for update",
            planId);
    if (found.isEmpty()) {
      return false;
    }
    Map<String, Object> row = found.getFirst();
    LocalDate openOn = ((java.sql.Date) row.get("open_on")).toLocalDate();
    LocalDate end = ((java.sql.Date) row.get("period_end")).toLocalDate();
    Instant dueAt =
        startClock(
            planId,
            (String) row.get("township_code"),
            ContactKind.valueOf((String) row.get("kind")),
            (String) row.get("period"),
            (String) row.get("event_type"),
            openOn.minusDays(1),
            end);
    jdbc.update(
        "update contact_plan set due_at = ?, clocked_at = ? where id = ?",
        Timestamp.from(dueAt),
        Timestamp.from(clock.instant()),
        planId);
    String instance = (String) row.get("process_instance_id");
    if (instance != null
        && runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
      runtime.setVariable(instance, "dueDate", Date.from(dueAt));
      for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
        if (task.getDueDate() == null || !task.getDueDate().toInstant().equals(dueAt)) {
          task.setDueDate(Date.from(dueAt));
          tasks.saveTask(task);
        }
      }
    }
    return true;
  }

  /**
   * The task's legal clock (sla_clock, case type {@code CONTACT}, reference {@code CONTACT-<plan
   * id>}): from the day before the task opens to the period's end in calendar days, so the due day
   * is the period's last day or the next working day. The deadline watch warns and escalates it
   * like a case's clock and the supervisors' cockpit lists it under the person's township; the
   * clock stops when a visit fulfils the row. Started once per row (a retried opening finds it).
   */
  private Instant startClock(
      long planId,
      String township,
      ContactKind kind,
      String period,
      String eventType,
      LocalDate start,
      LocalDate end) {
    int days = (int) Math.max(1, ChronoUnit.DAYS.between(start, end));
    String label =
        eventType != null
            ? "六必访走访（" + MustVisitEvent.valueOf(eventType).label() + "）"
            : kind.label() + "（" + period + "）";
    return clocks
        .start(
            new StartClock(
                ContactProgramme.reference(planId),
                CLOCK_KEY,
                CLOCK_TYPE,
                township,
                CLOCK_STAGE,
                label,
                start.atStartOfDay(Formats.CHINA).toInstant(),
                "system",
                null,
                days,
                PeriodUnit.CALENDAR_DAYS))
        .map(ClockView::dueAt)
        .orElseGet(() -> calendar.dueInstant(township, start, days, PeriodUnit.CALENDAR_DAYS));
  }

  private static String periodText(String period, Map<String, Object> row, String eventType) {
    if (eventType != null) {
      return "事项发生后尽快走访";
    }
    return period
        + "（"
        + Formats.date(((java.sql.Date) row.get("period_start")).toLocalDate())
        + "至"
        + Formats.date(((java.sql.Date) row.get("period_end")).toLocalDate())
        + "）";
  }

  private String placeName(String township, String village) {
    String t = name(township);
    return village == null ? t : t + " " + name(village);
  }

  private String name(String code) {
    return jurisdiction.findRegion(new RegionCode(code)).map(Region::name).orElse(code);
  }

  /**
   * Runs {@code step} for each id, {@link #BATCH} ids a transaction; a failed batch is logged and
   * left for the next pass. Returns how many steps did something.
   */
  private int inBatches(List<Long> ids, java.util.function.Predicate<Long> step, String what) {
    int done = 0;
    for (int i = 0; i < ids.size(); i += BATCH) {
      List<Long> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
      try {
        Integer n =
            transaction.execute(
                tx -> {
                  int count = 0;
                  for (Long id : batch) {
                    count += step.test(id) ? 1 : 0;
                  }
                  return count;
                });
        done += n == null ? 0 : n;
      } catch (RuntimeException e) {
        log.warn(
            "{} {}..{} failed, next pass retries: {}",
            what,
            batch.getFirst(),
            batch.getLast(),
            e.toString());
      }
    }
    return done;
  }
}
