package org.casework.contact.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.casework.clocks.Clocks;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.contact.ContactKind;
import org.casework.contact.ContactMethod;
import org.casework.contact.ContactProgramme;
import org.casework.contact.HardshipNeed;
import org.casework.contact.NeedKind;
import org.casework.contact.RecordVisit;
import org.casework.contact.VisitView;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.jurisdiction.StaffMember;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.operaton.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a contact or visit, all or nothing: the record (once per source: a task or a request),
 * the plan rows it fulfils (the task's own, and any other open or planned row of the person whose
 * period it falls in: a 上门 visit also counts as the quarter's contact), and the end of the other
 * rows' instances. Only staff whose region covers the person's village may record.
 */
@Component
class VisitRecorder {

  static final String COLUMNS =
      "id, plan_id, person_id, method, visited_on, visited_by, findings, need_kind, need_text,"
          + " linked_case_number, link_refused, linked_type, linked_ref";
  private static final Logger log = LoggerFactory.getLogger(VisitRecorder.class);

  private final JdbcTemplate jdbc;
  private final Registry registry;
  private final Jurisdiction jurisdiction;
  private final ScopeGuard scopeGuard;
  private final RuntimeService runtime;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Clocks clocks;

  VisitRecorder(
      JdbcTemplate jdbc,
      Registry registry,
      Jurisdiction jurisdiction,
      ScopeGuard scopeGuard,
      RuntimeService runtime,
      ApplicationEventPublisher events,
      Clock clock,
      Clocks clocks) {
    this.clocks = clocks;
    this.jdbc = jdbc;
    this.registry = registry;
    this.jurisdiction = jurisdiction;
    this.scopeGuard = scopeGuard;
    this.runtime = runtime;
    this.events = events;
    this.clock = clock;
  }

  record Plan(
      long id,
      long personId,
      ContactKind kind,
      String period,
      LocalDate start,
      LocalDate end,
      String status,
      String processInstanceId) {}

  /** The person, when {@code user} may record a contact with them; else a recorded Chinese 403. */
  PersonView personFor(String user, long personId) {
    StaffMember staff =
        jurisdiction
            .staff(user == null ? "" : user)
            .filter(StaffMember::enabled)
            .filter(s -> s.role() == Role.VILLAGE_LIAISON || s.role() == Role.TOWNSHIP_CASEWORKER)
            .orElseThrow(
                () ->
                    BusinessRuleException.forbidden(
                        "CONTACT_NOT_A_LIAISON",
                        "只有村（社区）联络员和乡镇经办人可以登记联系走访",
                        "visit recorded by " + user + ", not a liaison or township caseworker"));
    PersonView person = registry.person(personId);
    RegionCode place =
        new RegionCode(person.villageCode() != null ? person.villageCode() : person.townshipCode());
    if (!staff.covers(place)) {
      scopeGuard.refuse(RegionScope.of(staff), place, null, "登记联系走访（服务对象 " + personId + "）");
      throw BusinessRuleException.forbidden(
          "CONTACT_OUTSIDE_VILLAGE",
          "服务对象 "
              + person.name()
              + " 不在您负责的"
              + (staff.role() == Role.VILLAGE_LIAISON ? "村（社区）" : "乡镇（街道）")
              + "（"
              + staff.region()
              + "），不能为其登记联系走访；本次操作已记录",
          user
              + " in "
              + staff.region()
              + " recorded a visit for person "
              + personId
              + " in "
              + place);
    }
    return person;
  }

  /**
   * Records the visit. Refusals are thrown before anything is written and do not mark the caller's
   * transaction for rollback (the process turns them into a BPMN error and continues).
   */
  @Transactional(noRollbackFor = BusinessRuleException.class)
  VisitView record(Long planId, RecordVisit v, String user, String sourceKey) {
    Optional<VisitView> done = bySource(sourceKey);
    if (done.isPresent()) {
      return done.get();
    }
    PersonView person = validate(planId, v, user);
    Instant now = clock.instant();
    jdbc.update(
        "insert into contact_visit (source_key, plan_id, person_id, township_code, village_code,"
            + " method, visited_on, visited_by, findings, need_kind, need_text, recorded_at)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?)",
        sourceKey,
        planId,
        person.id(),
        person.townshipCode(),
        person.villageCode(),
        v.method().name(),
        v.visitedOn(),
        user,
        v.findings().strip(),
        v.needKind().name(),
        v.needText() == null || v.needText().isBlank() ? null : v.needText().strip(),
        Timestamp.from(now));
    long visitId =
        jdbc.queryForObject(
            "select id from contact_visit where source_key = ?", Long.class, sourceKey);
    if (v.needKind() == NeedKind.HARDSHIP) {
      HardshipNeed h = v.hardship();
      jdbc.update(
          "insert into contact_visit_hardship (visit_id, cause, amount_requested, monthly_income)"
              + " values (?,?,?,?)",
          visitId,
          h.cause().name(),
          h.amountRequested(),
          h.monthlyIncome());
    }
    fulfil(visitId, planId, v, person.id(), now);
    if (v.needKind() == NeedKind.HARDSHIP) {
      events.publishEvent(new HardshipNeedFound(visitId, user));
    }
    if (v.needKind() != NeedKind.NONE) {
      // the opener the data names for this kind (a legal-aid consultation …), after commit
      events.publishEvent(new NeedFound(visitId, user));
    }
    log.info(
        "contact visit {} recorded for person {} (plan {}) by {}",
        visitId,
        person.id(),
        planId,
        user);
    return bySource(sourceKey).orElseThrow();
  }

  /**
   * The person, when {@code user} may record this visit (for this plan); else a Chinese refusal.
   */
  PersonView validate(Long planId, RecordVisit v, String user) {
    PersonView person = personFor(user, v.personId());
    LocalDate today = Formats.chinaDate(clock.instant());
    if (v.visitedOn().isAfter(today)) {
      throw BusinessRuleException.invalid(
          "CONTACT_DATE_FUTURE", "联系日期不能晚于今天", "visitedOn " + v.visitedOn() + " after " + today);
    }
    if (planId != null) {
      Plan plan = plan(planId);
      if (plan.personId() != v.personId()) {
        throw new IllegalStateException("plan " + planId + " is not of person " + v.personId());
      }
      if (!"OPEN".equals(plan.status()) && !"PLANNED".equals(plan.status())) {
        throw BusinessRuleException.conflict(
            "CONTACT_PLAN_CLOSED", "该联系走访任务已办结，不能重复登记", "plan " + planId + " is " + plan.status());
      }
      if (plan.kind() == ContactKind.VISIT && v.method() != ContactMethod.HOME) {
        throw BusinessRuleException.invalid(
            "CONTACT_VISIT_NOT_AT_HOME",
            "走访任务须上门走访：电话或视频联系不能作为走访登记",
            "plan " + planId + " is a visit, method " + v.method());
      }
      if (v.visitedOn().isBefore(plan.start())) {
        throw BusinessRuleException.invalid(
            "CONTACT_DATE_BEFORE_PERIOD",
            "联系日期早于本次任务的起始日期（" + Formats.date(plan.start()) + "）",
            "visitedOn " + v.visitedOn() + " before plan start " + plan.start());
      }
    }
    checkNeed(v);
    return person;
  }

  private void checkNeed(RecordVisit v) {
    if (v.needKind() == NeedKind.LEGAL_AID && (v.needText() == null || v.needText().isBlank())) {
      throw BusinessRuleException.invalid(
          "CONTACT_LEGAL_AID_TEXT", "请说明需要法律援助咨询的问题", "legal-aid need without text");
    }
    if (v.needKind() != NeedKind.HARDSHIP) {
      return;
    }
    HardshipNeed h = v.hardship();
    if (h == null || h.cause() == null) {
      throw BusinessRuleException.invalid(
          "CONTACT_HARDSHIP_CAUSE", "发现困难帮扶需求时请选择致困原因", "hardship need without cause");
    }
    if (h.amountRequested() == null
        || h.amountRequested().signum() <= 0
        || h.amountRequested().scale() > 2) {
      throw BusinessRuleException.invalid(
          "CONTACT_HARDSHIP_AMOUNT", "申请金额应为大于零的金额（元，最多两位小数）", "bad amount " + h.amountRequested());
    }
    if (h.monthlyIncome() == null
        || h.monthlyIncome().signum() < 0
        || h.monthlyIncome().scale() > 2) {
      throw BusinessRuleException.invalid(
          "CONTACT_HARDSHIP_INCOME", "家庭月收入应为不小于零的金额（元，最多两位小数）", "bad income " + h.monthlyIncome());
    }
    if (v.needText() == null || v.needText().isBlank()) {
      throw BusinessRuleException.invalid(
          "CONTACT_NEED_TEXT", "请说明需要帮扶的情况", "hardship need without text");
    }
  }

  /**
   * Marks the task's own row done and every other open or planned row of the person the visit
   * counts for; the other rows' instances end (deleted with the reason), so no task stays open for
   * a contact already made.
   */
  private void fulfil(long visitId, Long planId, RecordVisit v, long personId, Instant now) {
    boolean home = v.method() == ContactMethod.HOME;
    String counts =
        "person_id = ? and status in ('PLANNED', 'OPEN') and (id = ? or (period_start <= ?"
            + " and (period_end >= ? or status = 'OPEN') and (kind = 'CONTACT' or ?)))";
    Object[] args = {personId, planId == null ? -1L : planId, v.visitedOn(), v.visitedOn(), home};
    List<String> others =
        jdbc.queryForList(
            "select process_instance_id from contact_plan where "
                + counts
                + " and process_instance_id is not null and id <> ?",
            String.class,
            append(args, planId == null ? -1L : planId));
    List<Long> opened =
        jdbc.queryForList(
            "select id from contact_plan where " + counts + " and status = 'OPEN'",
            Long.class,
            args);
    jdbc.update(
        "update contact_plan set status = 'DONE', done_at = ?, visit_id = ? where " + counts,
        append(new Object[] {Timestamp.from(now), visitId}, args));
    for (Long id : opened) {
      // the task's clock stops: off the cockpit, no warning or breach any more
      clocks.stop(ContactProgramme.reference(id), ContactOpener.CLOCK_KEY, "system");
    }
    for (String instance : others) {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
        runtime.deleteProcessInstance(instance, "已由走访记录 " + visitId + " 完成", true);
      }
    }
  }

  private static Object[] append(Object[] a, Object... b) {
    Object[] r = new Object[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  Plan plan(long planId) {
    return jdbc
        .query(
            "select id, person_id, kind, period, period_start, period_end, status,"
                + " process_instance_id from contact_plan where id = ?",
            (rs, i) ->
                new Plan(
                    rs.getLong("id"),
                    rs.getLong("person_id"),
                    ContactKind.valueOf(rs.getString("kind")),
                    rs.getString("period"),
                    rs.getObject("period_start", LocalDate.class),
                    rs.getObject("period_end", LocalDate.class),
                    rs.getString("status"),
                    rs.getString("process_instance_id")),
            planId)
        .stream()
        .findFirst()
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "CONTACT_PLAN_UNKNOWN", "联系走访任务不存在", "no contact plan " + planId));
  }

  /** The latest visit recorded for a plan row. */
  Optional<VisitView> byPlan(long planId) {
    return jdbc
        .query(
            "select " + COLUMNS + " from contact_visit where plan_id = ? order by id desc limit 1",
            VisitRecorder::map,
            planId)
        .stream()
        .findFirst();
  }

  Optional<VisitView> bySource(String sourceKey) {
    return jdbc
        .query(
            "select " + COLUMNS + " from contact_visit where source_key = ?",
            VisitRecorder::map,
            sourceKey)
        .stream()
        .findFirst();
  }

  static VisitView map(ResultSet rs, int row) throws SQLException {
    return new VisitView(
        rs.getLong("id"),
        (Long) rs.getObject("plan_id", Long.class),
        rs.getLong("person_id"),
        ContactMethod.valueOf(rs.getString("method")),
        rs.getObject("visited_on", LocalDate.class),
        rs.getString("visited_by"),
        rs.getString("findings"),
        NeedKind.valueOf(rs.getString("need_kind")),
        rs.getString("need_text"),
        rs.getString("linked_case_number"),
        rs.getString("link_refused"),
        rs.getString("linked_type"),
        rs.getString("linked_ref"));
  }
}
