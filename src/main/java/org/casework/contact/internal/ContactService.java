package org.casework.contact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.contact.Audience;
import org.casework.contact.ChangeSchedule;
import org.casework.contact.ContactKind;
import org.casework.contact.ContactMethod;
import org.casework.contact.ContactProgramme;
import org.casework.contact.Coverage;
import org.casework.contact.KeyContactFlag;
import org.casework.contact.KeyContactReason;
import org.casework.contact.MustVisitEvent;
import org.casework.contact.NeedKind;
import org.casework.contact.PlanRun;
import org.casework.contact.PlanView;
import org.casework.contact.RecordVisit;
import org.casework.contact.ReportEvent;
import org.casework.contact.ScheduleRule;
import org.casework.contact.SetKeyContact;
import org.casework.contact.VisitView;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ContactService implements ContactProgramme {

  static final String TASK = "Task_RecordContact";
  private static final Logger log = LoggerFactory.getLogger(ContactService.class);
  private static final Set<Role> FLAGGERS =
      Set.of(
          Role.VILLAGE_LIAISON,
          Role.TOWNSHIP_CASEWORKER,
          Role.TOWNSHIP_HEAD,
          Role.COUNTY_CASEWORKER);
  private static final String FLAG_COLUMNS =
      "f.id, f.person_id, p.name, p.village_code, f.reason, f.since, f.note, f.set_by, f.set_at,"
          + " f.cleared_by, f.cleared_at, f.clear_reason";

  private final JdbcTemplate jdbc;
  private final Registry registry;
  private final ScopeGuard scopeGuard;
  private final ScheduleStore schedule;
  private final ContactPlanner planner;
  private final ContactOpener opener;
  private final VisitRecorder recorder;
  private final CoverageReport coverage;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Clock clock;

  ContactService(
      JdbcTemplate jdbc,
      Registry registry,
      ScopeGuard scopeGuard,
      ScheduleStore schedule,
      ContactPlanner planner,
      ContactOpener opener,
      VisitRecorder recorder,
      CoverageReport coverage,
      TaskService tasks,
      IdentityService identity,
      Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.scopeGuard = scopeGuard;
    this.schedule = schedule;
    this.planner = planner;
    this.opener = opener;
    this.recorder = recorder;
    this.coverage = coverage;
    this.tasks = tasks;
    this.identity = identity;
    this.clock = clock;
  }

  // --- flags
  // ----------------------------------------------------------------------------------------

  @Override
  @Transactional
  public KeyContactFlag flag(long personId, SetKeyContact flag, RegionScope scope) {
    requireRole(scope, FLAGGERS, "只有联络员、经办人和乡镇分管领导可以设置重点联系对象");
    registry.person(personId, scope, "设置重点联系对象");
    if (flag.since().isAfter(today())) {
      throw BusinessRuleException.invalid(
          "CONTACT_FLAG_FUTURE", "起始日期不能晚于今天", "flag since " + flag.since());
    }
    try {
      jdbc.update(
          "insert into contact_key_flag (person_id, reason, since, note, set_by, set_at)"
              + " values (?,?,?,?,?,?)",
          personId,
          flag.reason().name(),
          flag.since(),
          flag.note() == null || flag.note().isBlank() ? null : flag.note().strip(),
          scope.username(),
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException e) {
      throw BusinessRuleException.conflict(
          "CONTACT_FLAG_EXISTS",
          "该服务对象已因“" + flag.reason().label() + "”列为重点联系对象",
          "person " + personId + " already flagged " + flag.reason());
    }
    log.info("person {} flagged {} by {}", personId, flag.reason(), scope.username());
    return activeFlag(personId, flag.reason());
  }

  @Override
  @Transactional
  public KeyContactFlag clearFlag(long flagId, String reason, RegionScope scope) {
    requireRole(scope, FLAGGERS, "只有联络员、经办人和乡镇分管领导可以取消重点联系对象");
    KeyContactFlag flag = flagById(flagId);
    registry.person(flag.personId(), scope, "取消重点联系对象");
    if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
      throw BusinessRuleException.invalid(
          "CONTACT_CLEAR_REASON", "请填写取消原因（不超过200字）", "clear reason missing or too long");
    }
    int n =
        jdbc.update(
            "update contact_key_flag set cleared_by = ?, cleared_at = ?, clear_reason = ?"
                + " where id = ? and cleared_at is null",
            scope.username(),
            Timestamp.from(clock.instant()),
            reason.strip(),
            flagId);
    if (n == 0) {
      throw BusinessRuleException.conflict(
          "CONTACT_FLAG_CLEARED", "该重点联系标记已经取消", "flag " + flagId + " already cleared");
    }
    return flagById(flagId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<KeyContactFlag> flags(long personId, RegionScope scope) {
    registry.person(personId, scope, "查看重点联系标记");
    return flagsOf(personId);
  }

  /** The person's flags without the scope check: for a caller that has made it (the dossier). */
  List<KeyContactFlag> flagsOf(long personId) {
    return jdbc.query(
        "select "
            + FLAG_COLUMNS
            + " from contact_key_flag f join registry_person p on p.id = f.person_id"
            + " where f.person_id = ? order by f.set_at desc, f.id desc",
        ContactService::flag,
        personId);
  }

  /** The active flags inside a region prefix (a township's people, or a village's). */
  private static final String ACTIVE_FLAGS_IN_SCOPE =
      " from contact_key_flag f join registry_person p on p.id = f.person_id"
          + " where f.cleared_at is null and (p.township_code like ? or p.village_code like ?)";

  @Override
  @Transactional(readOnly = true)
  public List<KeyContactFlag> keyContacts(RegionScope scope) {
    String prefix = scope.prefix() + "%";
    return jdbc.query(
        "select "
            + FLAG_COLUMNS
            + ACTIVE_FLAGS_IN_SCOPE
            + " order by p.village_code, p.name, f.id limit 1000",
        ContactService::flag,
        prefix,
        prefix);
  }

  /** Sort keys of the key-contact list → ORDER BY expressions (only these reach the SQL). */
  private static final Map<String, String> KEY_CONTACT_ORDER =
      Map.of(
          "village", "p.village_code",
          "person", "f.person_id",
          "name", org.casework.common.web.LabelOrder.pinyin("p.name"),
          "reason",
              org.casework.common.web.LabelOrder.of(KeyContactReason.class, KeyContactReason::label)
                  .orderBy("f.reason"),
          "since", "f.since");

  @Override
  @Transactional(readOnly = true)
  public org.casework.common.web.Paged<KeyContactFlag> keyContactsPage(
      RegionScope scope, org.casework.common.web.PageParams page) {
    return org.casework.common.web.Paged.query(
        jdbc,
        "select count(*)" + ACTIVE_FLAGS_IN_SCOPE,
        "select " + FLAG_COLUMNS + ACTIVE_FLAGS_IN_SCOPE,
        KEY_CONTACT_ORDER,
        "p.village_code",
        "f.id",
        ContactService::flag,
        List.of(scope.prefix() + "%", scope.prefix() + "%"),
        page);
  }

  private KeyContactFlag activeFlag(long personId, KeyContactReason reason) {
    return jdbc.queryForObject(
        "select "
            + FLAG_COLUMNS
            + " from contact_key_flag f join registry_person p on p.id = f.person_id"
            + " where f.active_person = ? and f.reason = ?",
        ContactService::flag,
        personId,
        reason.name());
  }

  private KeyContactFlag flagById(long id) {
    return jdbc
        .query(
            "select "
                + FLAG_COLUMNS
                + " from contact_key_flag f join registry_person p on p.id = f.person_id"
                + " where f.id = ?",
            ContactService::flag,
            id)
        .stream()
        .findFirst()
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "CONTACT_FLAG_UNKNOWN", "重点联系标记不存在", "no key-contact flag " + id));
  }

  private static KeyContactFlag flag(ResultSet rs, int row) throws SQLException {
    Timestamp cleared = rs.getTimestamp("cleared_at");
    return new KeyContactFlag(
        rs.getLong("id"),
        rs.getLong("person_id"),
        rs.getString("name"),
        rs.getString("village_code"),
        KeyContactReason.valueOf(rs.getString("reason")),
        rs.getObject("since", LocalDate.class),
        rs.getString("note"),
        rs.getString("set_by"),
        rs.getTimestamp("set_at").toInstant(),
        rs.getString("cleared_by"),
        cleared == null ? null : cleared.toInstant(),
        rs.getString("clear_reason"));
  }

  // --- plan and tasks
  // -------------------------------------------------------------------------------

  @Override
  public PlanRun plan(LocalDate day) {
    return planner.plan(day);
  }

  @Override
  public int openDue(LocalDate day, int limit) {
    return opener.openDue(day, limit);
  }

  /** Open tasks without a legal clock get theirs (see {@link ContactOpener#backfillClocks}). */
  int backfillClocks(int limit) {
    return opener.backfillClocks(limit);
  }

  @Override
  @Transactional
  public PlanView reportEvent(ReportEvent event, RegionScope scope) {
    requireRole(scope, FLAGGERS, "只有联络员、经办人和乡镇分管领导可以报告必访事项");
    registry.person(event.personId(), scope, "报告必访事项");
    if (event.occurredOn().isAfter(today())) {
      throw BusinessRuleException.invalid(
          "CONTACT_EVENT_FUTURE", "发生日期不能晚于今天", "event on " + event.occurredOn());
    }
    return mustVisit(
        event.personId(), event.event(), event.occurredOn(), event.note(), scope.username());
  }

  /**
   * Records a must-visit event once (person, event, day) and opens its visit at once, due within
   * the region's days for events; a second report of the same event returns the visit already
   * opened.
   */
  @Transactional
  PlanView mustVisit(
      long personId, MustVisitEvent event, LocalDate occurredOn, String note, String reportedBy) {
    PersonView person = registry.person(personId);
    Instant now = clock.instant();
    LocalDate today = Formats.chinaDate(now);
    jdbc.update(
        "insert ignore into contact_event (person_id, event_type, occurred_on, note, reported_by,"
            + " reported_at) values (?,?,?,?,?,?)",
        personId,
        event.name(),
        occurredOn,
        note == null || note.isBlank() ? null : note.strip(),
        reportedBy,
        Timestamp.from(now));
    long eventId =
        jdbc.queryForObject(
            "select id from contact_event where person_id = ? and event_type = ? and occurred_on = ?",
            Long.class,
            personId,
            event.name(),
            occurredOn);
    ScheduleRule rule =
        schedule.inForce(person.townshipCode(), today).stream()
            .filter(r -> r.audience() == Audience.EVENT)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no must-visit schedule row for " + person.townshipCode()));
    jdbc.update(
        "insert ignore into contact_plan (person_id, kind, period, period_start, period_end, open_on,"
            + " township_code, village_code, audience, schedule_id, event_id, status, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, 'EVENT', ?, ?, 'PLANNED', ?)",
        personId,
        rule.kind().name(),
        "E" + eventId,
        today,
        today.plusDays(rule.dueDays()),
        today,
        person.townshipCode(),
        person.villageCode(),
        rule.id(),
        eventId,
        Timestamp.from(now));
    long planId =
        jdbc.queryForObject(
            "select id from contact_plan where person_id = ? and kind = ? and period = ?",
            Long.class,
            personId,
            rule.kind().name(),
            "E" + eventId);
    opener.open(planId);
    log.info(
        "must-visit event {} of person {} reported by {}: plan {}",
        event,
        personId,
        reportedBy,
        planId);
    return planView(planId);
  }

  // --- visits
  // ---------------------------------------------------------------------------------------

  @Override
  @Transactional
  public VisitView recordVisit(RecordVisit visit, RegionScope scope) {
    recorder.validate(null, visit, scope.username());
    List<Map<String, Object>> open =
        jdbc.queryForList(
            "select id, process_instance_id from contact_plan where person_id = ? and status = 'OPEN'"
                + " and process_instance_id is not null and period_start <= ?"
                + " and (kind = 'CONTACT' or ?) order by period_end, id limit 1",
            visit.personId(),
            visit.visitedOn(),
            visit.method() == ContactMethod.HOME);
    if (open.isEmpty()) {
      return recorder.record(null, visit, scope.username(), "api:" + java.util.UUID.randomUUID());
    }
    long planId = ((Number) open.getFirst().get("id")).longValue();
    recorder.validate(planId, visit, scope.username());
    String instance = (String) open.getFirst().get("process_instance_id");
    Task task = openTask(instance);
    if (task == null) {
      return recorder.record(null, visit, scope.username(), "api:" + java.util.UUID.randomUUID());
    }
    identity.setAuthentication(
        scope.username(), List.of(CandidateGroups.of(scope.region(), scope.role())));
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), scope.username());
      }
      tasks.complete(task.getId(), formVariables(visit));
    } finally {
      identity.clearAuthentication();
    }
    VisitView recorded =
        recorder
            .byPlan(planId)
            .orElseThrow(
                () -> {
                  Object notice = tasks.getVariable(openTask(instance).getId(), "taskNotice");
                  return BusinessRuleException.invalid(
                      "CONTACT_REFUSED",
                      notice == null ? "联系记录未能登记" : notice.toString(),
                      "visit for plan " + planId + " refused: " + notice);
                });
    return recorded;
  }

  private Task openTask(String instance) {
    return tasks
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(TASK)
        .singleResult();
  }

  /** The visit as the Camunda form of Task_RecordContact would submit it. */
  static Map<String, Object> formVariables(RecordVisit v) {
    Map<String, Object> m = new HashMap<>();
    m.put("method", v.method().name());
    m.put("visitedOn", v.visitedOn().toString());
    m.put("findings", v.findings());
    m.put("needType", v.needKind().name());
    m.put("needText", v.needText());
    if (v.needKind() == NeedKind.HARDSHIP && v.hardship() != null) {
      m.put("hardshipCause", v.hardship().cause() == null ? null : v.hardship().cause().name());
      m.put("amountRequested", v.hardship().amountRequested());
      m.put("monthlyIncome", v.hardship().monthlyIncome());
    }
    return m;
  }

  @Override
  @Transactional(readOnly = true)
  public List<VisitView> visits(long personId, RegionScope scope) {
    registry.person(personId, scope, "查看联系走访记录");
    return visitsOf(personId);
  }

  /** The person's visits without the scope check: for a caller that has made it. */
  List<VisitView> visitsOf(long personId) {
    return jdbc.query(
        "select "
            + VisitRecorder.COLUMNS
            + " from contact_visit where person_id = ?"
            + " order by visited_on desc, id desc",
        VisitRecorder::map,
        personId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<PlanView> plans(long personId, RegionScope scope) {
    registry.person(personId, scope, "查看联系走访计划");
    return plansOf(personId);
  }

  /** The person's plans without the scope check: for a caller that has made it. */
  List<PlanView> plansOf(long personId) {
    return jdbc.query(
        "select * from contact_plan where person_id = ? order by period_end desc, id desc",
        ContactService::plan,
        personId);
  }

  PlanView planView(long planId) {
    return jdbc.queryForObject(
        "select * from contact_plan where id = ?", ContactService::plan, planId);
  }

  private static PlanView plan(ResultSet rs, int row) throws SQLException {
    Timestamp due = rs.getTimestamp("due_at");
    return new PlanView(
        rs.getLong("id"),
        rs.getLong("person_id"),
        ContactKind.valueOf(rs.getString("kind")),
        rs.getString("period"),
        rs.getObject("period_start", LocalDate.class),
        rs.getObject("period_end", LocalDate.class),
        Audience.valueOf(rs.getString("audience")),
        rs.getString("status"),
        due == null ? null : due.toInstant(),
        rs.getString("process_instance_id"),
        (Long) rs.getObject("visit_id", Long.class));
  }

  // --- schedule
  // -------------------------------------------------------------------------------------

  @Override
  @Transactional(readOnly = true)
  public List<ScheduleRule> schedule(String regionCode, LocalDate day) {
    return schedule.inForce(regionCode, day);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ScheduleRule> scheduleHistory(String regionCode) {
    return schedule.history(regionCode);
  }

  @Override
  @Transactional
  public ScheduleRule changeSchedule(ChangeSchedule c, RegionScope scope) {
    requireRole(scope, Set.of(Role.ADMIN), "只有系统管理员可以调整联系走访频次");
    String region = c.regionCode() == null ? "" : c.regionCode().strip();
    if (!region.matches("[0-9]{2}|[0-9]{4}|[0-9]{6}")) {
      throw BusinessRuleException.invalid(
          "CONTACT_SCHEDULE_REGION", "地区代码应为省（2位）、市（4位）或县（6位）代码", "bad region " + region);
    }
    if (!scope.prefix().startsWith(region) && !region.startsWith(scope.prefix())) {
      throw scopeGuard.refuse(scope, RegionCode.parse(padded(region)), null, "调整联系走访频次");
    }
    if (!region.startsWith(scope.prefix())) {
      throw BusinessRuleException.forbidden(
          "CONTACT_SCHEDULE_ABOVE",
          "只能调整本地区（" + scope.prefix() + "）及以下的联系走访频次",
          scope.username() + " may not change the schedule of " + region);
    }
    if (c.audience() == Audience.EVENT) {
      if (c.dueDays() == null || c.dueDays() < 1 || c.dueDays() > 90) {
        throw BusinessRuleException.invalid(
            "CONTACT_SCHEDULE_DAYS", "必访事项的走访期限应在1到90日之间", "bad due days " + c.dueDays());
      }
    } else if (c.everyMonths() == null || !Set.of(1, 2, 3, 4, 6, 12).contains(c.everyMonths())) {
      throw BusinessRuleException.invalid(
          "CONTACT_SCHEDULE_MONTHS", "频次应为每1、2、3、4、6或12个月一次", "bad months " + c.everyMonths());
    }
    if (c.validFrom().isBefore(today())) {
      throw BusinessRuleException.invalid(
          "CONTACT_SCHEDULE_PAST", "生效日期不能早于今天：已生成的计划不随规则变更", "valid from " + c.validFrom());
    }
    long id =
        schedule.addVersion(
            region,
            c.audience(),
            c.kind(),
            c.validFrom(),
            c.audience() == Audience.EVENT ? null : c.everyMonths(),
            c.audience() == Audience.EVENT ? c.dueDays() : null,
            c.openDays(),
            scope.username(),
            c.reason().strip());
    log.info(
        "contact schedule {} {} {} changed by {} (row {})",
        region,
        c.audience(),
        c.kind(),
        scope.username(),
        id);
    return schedule.history(region).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
  }

  private static String padded(String region) {
    return region.length() >= 6 ? region : (region + "000000").substring(0, 6);
  }

  // --- coverage
  // -------------------------------------------------------------------------------------

  @Override
  @Transactional(readOnly = true)
  public Coverage coverage(LocalDate from, LocalDate to, RegionScope scope) {
    return coverage.coverage(from, to, scope);
  }

  @Override
  @Transactional(readOnly = true)
  public byte[] coverageExcel(LocalDate from, LocalDate to, RegionScope scope) {
    return coverage.excel(coverage.coverage(from, to, scope));
  }

  // -------------------------------------------------------------------------------------------------

  private LocalDate today() {
    return Formats.chinaDate(clock.instant());
  }

  static void requireRole(RegionScope scope, Set<Role> roles, String message) {
    if (!roles.contains(scope.role())) {
      throw BusinessRuleException.forbidden(
          "CONTACT_ROLE", message, scope.username() + " (" + scope.role() + ") refused");
    }
  }
}
