package org.casework.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.registry.DossierRecords;
import org.casework.registry.Entitlement;
import org.casework.registry.Gender;
import org.casework.registry.Household;
import org.casework.registry.HouseholdLink;
import org.casework.registry.HouseholdMember;
import org.casework.registry.Need;
import org.casework.registry.NeedStatus;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonPage;
import org.casework.registry.PersonQuery;
import org.casework.registry.PersonRecords;
import org.casework.registry.PersonSearchFilters;
import org.casework.registry.PersonSummary;
import org.casework.registry.PersonView;
import org.casework.registry.RecordNeed;
import org.casework.registry.RecordStatus;
import org.casework.registry.StatusKind;
import org.casework.registry.StatusRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The 1+N records over plain SQL: append-only rows, small reads, region checks first. */
@Service
@Transactional(readOnly = true)
class PersonRecordsService implements PersonRecords {

  static final String RELATION = "RELATION";
  private static final Logger log = LoggerFactory.getLogger(PersonRecordsService.class);

  private final JdbcTemplate jdbc;
  private final ScopeGuard scopeGuard;
  private final Clock clock;
  private final ObjectProvider<PersonSearchFilters> filters;
  private final RegistryService registry;

  PersonRecordsService(
      JdbcTemplate jdbc,
      ScopeGuard scopeGuard,
      Clock clock,
      ObjectProvider<PersonSearchFilters> filters,
      RegistryService registry) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.scopeGuard = scopeGuard;
    this.clock = clock;
    this.filters = filters;
  }

  @Override
  public Map<StatusKind, List<String>> allowedValues() {
    Map<StatusKind, List<String>> values = new EnumMap<>(StatusKind.class);
    for (StatusKind k : StatusKind.values()) {
      values.put(k, new ArrayList<>());
    }
    jdbc.query(
        "select kind, value from registry_status_value where kind <> ? order by kind, sort_order,"
            + " value",
        rs -> {
          values.get(StatusKind.valueOf(rs.getString(1))).add(rs.getString(2));
        },
        RELATION);
    return values;
  }

  @Override
  public List<String> relations() {
    return jdbc.queryForList(
        "select value from registry_status_value where kind = ? order by sort_order",
        String.class,
        RELATION);
  }

  @Override
  @Transactional
  public StatusRecord recordStatus(long personId, RecordStatus in, RegionScope scope) {
    requireInScope(personId, scope, "登记状况");
    checkStatus(in.kind(), in.value(), in.effectiveOn(), in.reason(), personId);
    StatusRecord current = current(personId, in.kind());
    String value = in.value().strip();
    if (current != null && current.value().equals(value)) {
      return current;
    }
    return append(
        personId,
        in.kind(),
        value,
        current == null ? null : current.value(),
        in.effectiveOn(),
        in.reason().strip(),
        scope.username());
  }

  /** The status rules, shared with the sheet import. */
  void checkStatus(StatusKind kind, String value, LocalDate on, String reason, long personId) {
    if (kind == null || value == null || value.isBlank()) {
      throw BusinessRuleException.invalid(
          "STATUS_VALUE_REQUIRED", "请选择状况类别并填写状况", "status without kind/value for " + personId);
    }
    List<String> allowed = allowedValues().get(kind);
    if (!allowed.contains(value.strip())) {
      throw BusinessRuleException.invalid(
          "STATUS_VALUE_UNKNOWN",
          kind.label() + "「" + value.strip() + "」不是允许的值，应为：" + String.join("、", allowed),
          "status value not allowed for " + kind + " on person " + personId);
    }
    if (on == null) {
      throw BusinessRuleException.invalid(
          "STATUS_DATE_REQUIRED", "请填写状况的日期", "status without date for " + personId);
    }
    if (on.isAfter(today())) {
      throw BusinessRuleException.invalid(
          "STATUS_DATE_FUTURE",
          "状况日期不能晚于今天（" + Formats.date(today()) + "）",
          "status dated " + on + " in the future for " + personId);
    }
    if (reason == null || reason.isBlank()) {
      throw BusinessRuleException.invalid(
          "STATUS_REASON_REQUIRED", "请填写变更原因", "status without reason for " + personId);
    }
  }

  StatusRecord append(
      long personId,
      StatusKind kind,
      String value,
      String previous,
      LocalDate on,
      String reason,
      String by) {
    Instant now = clock.instant();
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into registry_status_record (person_id, kind, value, previous_value,"
                      + " effective_on, reason, recorded_by, recorded_at) values"
                      + " (?,?,?,?,?,?,?,?)",
                  new String[] {"id"});
          ps.setLong(1, personId);
          ps.setString(2, kind.name());
          ps.setString(3, value);
          ps.setString(4, previous);
          ps.setObject(5, on);
          ps.setString(6, reason);
          ps.setString(7, by);
          ps.setTimestamp(8, Timestamp.from(now));
          return ps;
        },
        keys);
    log.info("status {} recorded for person {} by {}", kind, personId, by);
    return new StatusRecord(
        keys.getKey().longValue(), personId, kind, value, previous, on, reason, by, now);
  }

  StatusRecord current(long personId, StatusKind kind) {
    List<StatusRecord> rows =
        jdbc.query(
            "select * from registry_status_record where person_id = ? and kind = ? order by id desc"
                + " limit 1",
            STATUS,
            personId,
            kind.name());
    return rows.isEmpty() ? null : rows.get(0);
  }

  @Override
  public DossierRecords dossierRecords(long personId, RegionScope scope) {
    // the person with the household's head (its name) in one read, then the scope check: the page
    // reads the person once, not once for the check and again for the view
    List<PersonRow> found =
        jdbc.query(
            "select p.id, p.name, p.id_number_enc, p.gender, p.birth_date_enc, p.category,"
                + " p.township_code, p.village_code, p.phone_enc, p.died_on, p.moved_away_on,"
                + " p.moved_away_to, h.id, h.name, (select group_concat(c.category order by"
                + " c.recorded_at, c.category separator ',') from registry_person_category c where"
                + " c.person_id = p.id) from registry_person p left join registry_person h on h.id"
                + " = coalesce(p.household_id, p.id) where p.id = ?",
            (rs, i) ->
                new PersonRow(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4) == null ? null : Gender.valueOf(rs.getString(4)),
                    rs.getString(5),
                    PersonCategory.valueOf(rs.getString(6)),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getObject(10, LocalDate.class),
                    rs.getObject(11, LocalDate.class),
                    rs.getString(12),
                    rs.getLong(13),
                    rs.getString(14),
                    rs.getString(15)),
            personId);
    if (found.isEmpty()) {
      throw BusinessRuleException.notFound("PERSON_UNKNOWN", "未找到该服务对象档案", "no person " + personId);
    }
    PersonRow p = found.getFirst();
    RegionCode where =
        RegionCode.parse(p.villageCode() != null ? p.villageCode() : p.townshipCode());
    if (!scope.covers(where)) {
      throw scopeGuard.refuse(scope, where, null, "查看服务对象档案（服务对象档案 " + personId + "）");
    }
    // the person's own household lines (the view's members) and the head's (the household) at once
    long head = p.headId();
    List<HouseholdMember> own = new ArrayList<>();
    List<HouseholdLink> links = new ArrayList<>();
    jdbc.query(
        "select m.person_id, m.member_person_id, m.name, m.relation, l.id_number_masked from"
            + " registry_household_member m left join registry_person l on l.id ="
            + " m.member_person_id where m.person_id in (?, ?) order by m.id",
        rs -> {
          long of = rs.getLong(1);
          if (of == personId) {
            own.add(new HouseholdMember(rs.getString(3), rs.getString(4)));
          }
          if (of == head) {
            links.add(
                new HouseholdLink(
                    (Long) rs.getObject(2, Long.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)));
          }
        },
        personId,
        head);
    PersonView person =
        registry.view(
            p.id(),
            p.name(),
            p.idNumberSealed(),
            p.gender(),
            p.birthDateSealed(),
            p.category(),
            p.townshipCode(),
            p.villageCode(),
            p.phoneSealed(),
            List.copyOf(own),
            p.diedOn(),
            p.movedAwayOn(),
            p.movedAwayTo());
    List<StatusRecord> history =
        jdbc.query(
            "select * from registry_status_record where person_id = ? order by id desc",
            STATUS,
            personId);
    // the person's own category first, then the further ones in the order they were recorded
    List<PersonCategory> categories = new ArrayList<>();
    categories.add(p.category());
    if (p.moreCategories() != null) {
      for (String c : p.moreCategories().split(",")) {
        categories.add(PersonCategory.valueOf(c));
      }
    }
    List<Need> needs =
        jdbc.query(
            "select * from registry_need where person_id = ? order by id desc", NEED, personId);
    Household household = new Household(head, p.headName(), links);
    List<Entitlement> entitlements =
        jdbc.query(
            "select * from registry_entitlement where person_id = ? order by since desc, id desc",
            ENTITLEMENT,
            personId);
    StatusValues values = statusValues();
    return new DossierRecords(
        person,
        history,
        categories.stream().distinct().toList(),
        needs,
        household,
        entitlements,
        values.allowed(),
        values.relations());
  }

  /** A person's row as the dossier reads it, sealed fields still sealed. */
  private record PersonRow(
      long id,
      String name,
      String idNumberSealed,
      Gender gender,
      String birthDateSealed,
      PersonCategory category,
      String townshipCode,
      String villageCode,
      String phoneSealed,
      LocalDate diedOn,
      LocalDate movedAwayOn,
      String movedAwayTo,
      long headId,
      String headName,
      String moreCategories) {}

  private record StatusValues(
      Map<StatusKind, List<String>> allowed, List<String> relations, long readAt) {}

  /** How long the dossier keeps the value table (changed only by a migration, i.e. a release). */
  static final long STATUS_VALUES_TTL_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

  private volatile StatusValues statusValues;

  /**
   * The allowed status values and household relations for the dossier's forms, read from the value
   * table at most once a minute (the table is data kept by migrations; the forms' checks on submit
   * still read it afresh through {@link #allowedValues()}).
   */
  private StatusValues statusValues() {
    StatusValues kept = statusValues;
    long now = System.nanoTime();
    if (kept != null && now - kept.readAt() < STATUS_VALUES_TTL_NANOS) {
      return kept;
    }
    Map<StatusKind, List<String>> allowed = new EnumMap<>(StatusKind.class);
    for (StatusKind k : StatusKind.values()) {
      allowed.put(k, new ArrayList<>());
    }
    List<String> relations = new ArrayList<>();
    jdbc.query(
        "select kind, value from registry_status_value order by kind, sort_order, value",
        rs -> {
          if (RELATION.equals(rs.getString(1))) {
            relations.add(rs.getString(2));
          } else {
            allowed.get(StatusKind.valueOf(rs.getString(1))).add(rs.getString(2));
          }
        });
    Map<StatusKind, List<String>> frozen = new EnumMap<>(StatusKind.class);
    allowed.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    kept =
        new StatusValues(
            java.util.Collections.unmodifiableMap(frozen), List.copyOf(relations), now);
    statusValues = kept;
    return kept;
  }

  @Override
  public List<StatusRecord> statusHistory(long personId, RegionScope scope) {
    requireInScope(personId, scope, "查看状况");
    return jdbc.query(
        "select * from registry_status_record where person_id = ? order by id desc",
        STATUS,
        personId);
  }

  @Override
  public Map<StatusKind, StatusRecord> currentStatuses(long personId, RegionScope scope) {
    Map<StatusKind, StatusRecord> current = new EnumMap<>(StatusKind.class);
    // newest first: the first record of a kind is its current value
    for (StatusRecord r : statusHistory(personId, scope)) {
      current.putIfAbsent(r.kind(), r);
    }
    return current;
  }

  @Override
  @Transactional
  public Need recordNeed(long personId, RecordNeed in, RegionScope scope) {
    requireInScope(personId, scope, "登记需求");
    if (!allowedValues().get(StatusKind.NEEDS).contains(in.type().strip())) {
      throw BusinessRuleException.invalid(
          "NEED_TYPE_UNKNOWN",
          "需求类型「"
              + in.type().strip()
              + "」不是允许的值，应为："
              + String.join("、", allowedValues().get(StatusKind.NEEDS)),
          "need type not allowed for person " + personId);
    }
    var keys = new GeneratedKeyHolder();
    Instant now = clock.instant();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into registry_need (person_id, need_type, description, status,"
                      + " recorded_by, recorded_at) values (?,?,?,'OPEN',?,?)",
                  new String[] {"id"});
          ps.setLong(1, personId);
          ps.setString(2, in.type().strip());
          ps.setString(3, in.description().strip());
          ps.setString(4, scope.username());
          ps.setTimestamp(5, Timestamp.from(now));
          return ps;
        },
        keys);
    return need(keys.getKey().longValue());
  }

  @Override
  @Transactional
  public Need answerNeed(
      long personId, long needId, String answeredBy, String note, RegionScope scope) {
    requireInScope(personId, scope, "登记需求响应");
    if (answeredBy == null || answeredBy.isBlank() || answeredBy.strip().length() > 64) {
      throw BusinessRuleException.invalid(
          "NEED_ANSWER_REQUIRED",
          "请填写响应该需求的案件编号或服务单号（不超过64个字符）",
          "need " + needId + " answered without a reference");
    }
    Need need = need(needId);
    if (need.personId() != personId) {
      throw BusinessRuleException.notFound(
          "NEED_UNKNOWN", "未找到该需求", "need " + needId + " is not person " + personId + "'s");
    }
    if (need.status() == NeedStatus.ANSWERED && answeredBy.strip().equals(need.answeredBy())) {
      return need;
    }
    jdbc.update(
        "update registry_need set status = 'ANSWERED', answered_by = ?, answered_note = ?,"
            + " answered_at = ? where id = ?",
        answeredBy.strip(),
        note == null || note.isBlank() ? null : note.strip(),
        Timestamp.from(clock.instant()),
        needId);
    return need(needId);
  }

  private Need need(long id) {
    List<Need> found = jdbc.query("select * from registry_need where id = ?", NEED, id);
    if (found.isEmpty()) {
      throw BusinessRuleException.notFound("NEED_UNKNOWN", "未找到该需求", "no need " + id);
    }
    return found.get(0);
  }

  @Override
  public List<Need> needs(long personId, RegionScope scope) {
    requireInScope(personId, scope, "查看需求台账");
    return jdbc.query(
        "select * from registry_need where person_id = ? order by id desc", NEED, personId);
  }

  @Override
  @Transactional
  public Entitlement addEntitlement(
      long personId,
      String name,
      LocalDate since,
      LocalDate until,
      String note,
      RegionScope scope) {
    requireInScope(personId, scope, "登记优待");
    if (name == null || name.isBlank() || name.strip().length() > 64 || since == null) {
      throw BusinessRuleException.invalid(
          "ENTITLEMENT_INVALID", "请填写优待名称（不超过64个字符）和起始日期", "bad entitlement for " + personId);
    }
    if (until != null && until.isBefore(since)) {
      throw BusinessRuleException.invalid(
          "ENTITLEMENT_DATES", "截止日期不能早于起始日期", "entitlement ends before it starts");
    }
    jdbc.update(
        "insert ignore into registry_entitlement (person_id, name, since, until, note,"
            + " recorded_by, recorded_at) values (?,?,?,?,?,?,?)",
        personId,
        name.strip(),
        since,
        until,
        note,
        scope.username(),
        Timestamp.from(clock.instant()));
    return jdbc.query(
            "select * from registry_entitlement where person_id = ? and name = ? and since = ?",
            ENTITLEMENT,
            personId,
            name.strip(),
            since)
        .get(0);
  }

  @Override
  public List<Entitlement> entitlements(long personId, RegionScope scope) {
    requireInScope(personId, scope, "查看优待");
    return jdbc.query(
        "select * from registry_entitlement where person_id = ? order by since desc, id desc",
        ENTITLEMENT,
        personId);
  }

  @Override
  @Transactional
  public void addCategory(long personId, PersonCategory category, RegionScope scope) {
    requireInScope(personId, scope, "登记人员类别");
    jdbc.update(
        "insert ignore into registry_person_category (person_id, category, recorded_by,"
            + " recorded_at) values (?,?,?,?)",
        personId,
        category.name(),
        scope.username(),
        Timestamp.from(clock.instant()));
  }

  @Override
  public List<PersonCategory> categories(long personId, RegionScope scope) {
    requireInScope(personId, scope, "查看人员类别");
    List<PersonCategory> all = new ArrayList<>();
    all.add(
        PersonCategory.valueOf(
            jdbc.queryForObject(
                "select category from registry_person where id = ?", String.class, personId)));
    all.addAll(
        jdbc.query(
            "select category from registry_person_category where person_id = ? order by"
                + " recorded_at",
            (rs, i) -> PersonCategory.valueOf(rs.getString(1)),
            personId));
    return all.stream().distinct().toList();
  }

  @Override
  public Household household(long personId, RegionScope scope) {
    requireInScope(personId, scope, "查看家庭成员");
    long head = householdId(personId);
    String headName =
        jdbc.queryForObject("select name from registry_person where id = ?", String.class, head);
    return new Household(head, headName, householdLinks(head));
  }

  private List<HouseholdLink> householdLinks(long head) {
    return jdbc.query(
        "select m.member_person_id, m.name, m.relation, p.id_number_masked from"
            + " registry_household_member m left join registry_person p on p.id ="
            + " m.member_person_id where m.person_id = ? order by m.id",
        (rs, i) ->
            new HouseholdLink(
                (Long) rs.getObject(1, Long.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4)),
        head);
  }

  @Override
  @Transactional
  public HouseholdLink linkMember(long headId, long memberId, String relation, RegionScope scope) {
    requireInScope(headId, scope, "登记家庭成员");
    requireInScope(memberId, scope, "登记家庭成员");
    return link(headId, memberId, relation);
  }

  /** Links a member to a head (shared with the sheet import); the same link again is a no-op. */
  HouseholdLink link(long headId, long memberId, String relation) {
    if (relation == null || !relations().contains(relation.strip())) {
      throw BusinessRuleException.invalid(
          "HOUSEHOLD_RELATION_UNKNOWN",
          "与户主关系应为：" + String.join("、", relations()),
          "unknown relation for member " + memberId);
    }
    if (headId == memberId) {
      throw BusinessRuleException.invalid(
          "HOUSEHOLD_SELF", "户主不能是自己的家庭成员", "person " + headId + " linked to itself");
    }
    if (householdId(headId) != headId) {
      throw BusinessRuleException.invalid(
          "HOUSEHOLD_HEAD_IS_MEMBER",
          "所选户主本人是另一户的家庭成员，请选择该户户主",
          "head " + headId + " is a member elsewhere");
    }
    Long current =
        jdbc.queryForObject(
            "select household_id from registry_person where id = ?", Long.class, memberId);
    String memberName =
        jdbc.queryForObject(
            "select name from registry_person where id = ?", String.class, memberId);
    if (current != null && current == headId) {
      return new HouseholdLink(memberId, memberName, relation.strip(), masked(memberId));
    }
    if (current != null
        || jdbc.queryForObject(
                "select count(*) from registry_household_member where person_id = ? and"
                    + " member_person_id is not null",
                Integer.class,
                memberId)
            > 0) {
      throw BusinessRuleException.conflict(
          "HOUSEHOLD_MEMBER_ELSEWHERE",
          "该成员已属于另一户或本人是户主，请先核实户籍信息",
          "member " + memberId + " already in household " + current);
    }
    // a name-only row of the same name becomes this person's link; else a new row
    int named =
        jdbc.update(
            "update registry_household_member set member_person_id = ?, relation = ? where"
                + " person_id = ? and member_person_id is null and name = ? limit 1",
            memberId,
            relation.strip(),
            headId,
            memberName);
    if (named == 0) {
      jdbc.update(
          "insert into registry_household_member (person_id, name, relation, member_person_id)"
              + " values (?,?,?,?)",
          headId,
          memberName,
          relation.strip(),
          memberId);
    }
    jdbc.update("update registry_person set household_id = ? where id = ?", headId, memberId);
    return new HouseholdLink(memberId, memberName, relation.strip(), masked(memberId));
  }

  /** A household link the sheet import asks for: head, member, relation. */
  record Link(long head, long member, String relation) {}

  /**
   * Links many members at once (the 信息采集表 import), with the same rules as {@link #link}: a link
   * already in place is skipped; a head who is a member elsewhere, a member in another household or
   * heading one is refused (the refused link's index in the exception); a name-only member row of
   * the head with the member's name becomes the link. A few statements per call, not per link.
   *
   * @return how many links were made
   */
  int linkAll(List<Link> links, java.util.function.IntFunction<RuntimeException> refusedAt) {
    if (links.isEmpty()) {
      return 0;
    }
    List<String> allowed = relations();
    java.util.Set<Long> ids = new java.util.HashSet<>();
    links.forEach(
        l -> {
          ids.add(l.head());
          ids.add(l.member());
        });
    String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    Map<Long, Long> household = new java.util.HashMap<>();
    Map<Long, String> names = new java.util.HashMap<>();
    jdbc.query(
        "select id, household_id, name from registry_person where id in (" + in + ")",
        rs -> {
          household.put(rs.getLong(1), rs.getObject(2, Long.class));
          names.put(rs.getLong(1), rs.getString(3));
        },
        ids.toArray());
    java.util.Set<Long> heading = new java.util.HashSet<>();
    jdbc.query(
        "select distinct person_id from registry_household_member where member_person_id is not"
            + " null and person_id in ("
            + in
            + ")",
        rs -> {
          heading.add(rs.getLong(1));
        },
        ids.toArray());
    Map<Long, java.util.Set<String>> nameOnly = new java.util.HashMap<>();
    jdbc.query(
        "select person_id, name from registry_household_member where member_person_id is null"
            + " and person_id in ("
            + in
            + ")",
        rs -> {
          nameOnly
              .computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>())
              .add(rs.getString(2));
        },
        ids.toArray());
    List<Object> inserts = new ArrayList<>();
    List<Link> made = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      Long current = household.get(l.member());
      if (current != null && current == l.head()) {
        continue;
      }
      if (l.relation() == null
          || !allowed.contains(l.relation().strip())
          || l.head() == l.member()
          || household.get(l.head()) != null
          || current != null
          || heading.contains(l.member())) {
        throw refusedAt.apply(i);
      }
      String name = names.get(l.member());
      java.util.Set<String> named = nameOnly.getOrDefault(l.head(), java.util.Set.of());
      if (named.contains(name)) {
        jdbc.update(
            "update registry_household_member set member_person_id = ?, relation = ? where"
                + " person_id = ? and member_person_id is null and name = ? limit 1",
            l.member(),
            l.relation().strip(),
            l.head(),
            name);
        named.remove(name);
      } else {
        inserts.add(l.head());
        inserts.add(name);
        inserts.add(l.relation().strip());
        inserts.add(l.member());
      }
      household.put(l.member(), l.head());
      made.add(l);
    }
    if (!inserts.isEmpty()) {
      jdbc.update(
          "insert into registry_household_member (person_id, name, relation, member_person_id)"
              + " values "
              + String.join(",", java.util.Collections.nCopies(inserts.size() / 4, "(?,?,?,?)")),
          inserts.toArray());
    }
    if (!made.isEmpty()) {
      List<Object> args = new ArrayList<>();
      StringBuilder sql = new StringBuilder("update registry_person set household_id = case id");
      for (Link l : made) {
        sql.append(" when ? then ?");
        args.add(l.member());
        args.add(l.head());
      }
      sql.append(" end where id in (")
          .append(String.join(",", java.util.Collections.nCopies(made.size(), "?")))
          .append(")");
      made.forEach(l -> args.add(l.member()));
      jdbc.update(sql.toString(), args.toArray());
    }
    return made.size();
  }

  private String masked(long personId) {
    return jdbc.queryForObject(
        "select id_number_masked from registry_person where id = ?", String.class, personId);
  }

  @Override
  public long householdId(long personId) {
    List<Long> head =
        jdbc.query(
            "select coalesce(household_id, id) from registry_person where id = ?",
            (rs, i) -> rs.getLong(1),
            personId);
    return head.isEmpty() ? personId : head.get(0);
  }

  @Override
  public Set<Long> householdOf(long personId) {
    long head = householdId(personId);
    Set<Long> ids = new LinkedHashSet<>();
    ids.add(personId);
    ids.add(head);
    ids.addAll(
        jdbc.queryForList(
            "select id from registry_person where household_id = ?", Long.class, head));
    return ids;
  }

  @Override
  public PersonPage search(PersonQuery q, RegionScope scope) {
    Where where = where(q, scope);
    List<Object> args = new ArrayList<>(where.args());
    args.add(q.size() + 1);
    args.add((long) q.page() * q.size());
    // the driver's order (the register's id, read in order), so a page stops at its last row
    List<PersonSummary> rows =
        summaries(
            jdbc.queryForList(
                "select registry_person.id"
                    + where.fromWhere()
                    + " order by "
                    + where.order()
                    + " limit ? offset ?",
                Long.class,
                args.toArray()));
    boolean hasNext = rows.size() > q.size();
    return new PersonPage(
        withMarks(hasNext ? rows.subList(0, q.size()) : rows), q.page(), q.size(), hasNext);
  }

  /** Sort keys of the search page → ORDER BY expressions (only these reach the SQL). */
  private static final Map<String, String> SEARCH_ORDER =
      Map.of(
          "name",
          org.casework.common.web.LabelOrder.pinyin("registry_person.name"),
          "category",
          org.casework.common.web.LabelOrder.of(PersonCategory.class, PersonCategory::label)
              .orderBy("registry_person.category"),
          "township",
          "registry_person.township_code",
          "village",
          "registry_person.village_code");

  @Override
  public org.casework.common.web.Paged<PersonSummary> searchPage(
      PersonQuery q, org.casework.common.web.PageParams page, RegionScope scope) {
    Where where = where(q, scope);
    // ties in a fixed order (by id), so pages neither repeat nor skip people
    // a county or province holds hundreds of thousands: the total is counted up to a bound
    var found =
        org.casework.common.web.Paged.query(
                jdbc,
                org.casework.common.web.Paged.countUpTo(where.fromWhere(), COUNT_BOUND),
                "select registry_person.id" + where.fromWhere(),
                where.orders(),
                where.orders().get("township"),
                where.tie(),
                (rs, i) -> rs.getLong(1),
                where.args(),
                page)
            .atMost(COUNT_BOUND);
    return new org.casework.common.web.Paged<>(
        withMarks(summaries(found.rows())), found.total(), page, found.atLeast());
  }

  /**
   * The rows of a page, in the order of {@code ids}. A search finds its page's ids first, in the
   * indexes alone (every column its conditions and sort keys read is in the index it goes through),
   * then reads only those rows: joined in one, a search read every candidate's whole row before the
   * flag was probed or the sort was done, which for a register larger than the buffer pool is a
   * read from disk per candidate (0.9–1.8 s at 1,000,000 people; see V323).
   */
  private List<PersonSummary> summaries(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, PersonSummary> byId = new HashMap<>();
    jdbc.query(
        SUMMARY_COLUMNS
            + " from registry_person where registry_person.id in ("
            + String.join(",", Collections.nCopies(ids.size(), "?"))
            + ")",
        rs -> {
          PersonSummary p = SUMMARY.mapRow(rs, 0);
          byId.put(p.id(), p);
        },
        ids.toArray());
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * The search page counts its hits up to this many ("超过 1000 条" beyond: a search is for finding
   * people; the coverage page gives the region's figures): counting a township of 600,000 took 110
   * ms at 1,000,000 people, and a county's 20,000 flags of one reason 30 ms; 1,001 index entries
   * take a few.
   */
  static final int COUNT_BOUND = 1_000;

  private static final String SUMMARY_COLUMNS =
      "select registry_person.id, registry_person.name, registry_person.id_number_masked,"
          + " registry_person.category, registry_person.township_code,"
          + " registry_person.village_code, registry_person.died_on,"
          + " registry_person.moved_away_on";

  private static final RowMapper<PersonSummary> SUMMARY =
      (rs, i) ->
          new PersonSummary(
              rs.getLong("id"),
              rs.getString("name"),
              rs.getString("id_number_masked"),
              PersonCategory.valueOf(rs.getString("category")),
              rs.getString("township_code"),
              rs.getString("village_code"),
              rs.getObject("died_on") != null,
              rs.getObject("moved_away_on") != null);

  /**
   * The search's tables and conditions, the order that reads them fastest (the register, or the
   * key-contact flags driving it in their order), and the page's sort keys with their tie.
   */
  private record Where(
      String from,
      String sql,
      List<Object> args,
      String order,
      Map<String, String> orders,
      String tie) {
    String fromWhere() {
      return " from " + from + " where " + sql;
    }
  }

  private Where where(PersonQuery q, RegionScope scope) {
    PersonSearchFilters more = filters.getIfAvailable();
    // the key-contact filter drives the search from the active flags (or, with a name or an ID, the
    // register probes them), else the register itself
    RegionCode region = scope.region();
    PersonSearchFilters.Driver driver =
        more != null && q.keyContact() != null ? keyContactDriver(more, q, region) : null;
    StringBuilder sql = new StringBuilder();
    List<Object> args = new ArrayList<>();
    // one indexed column per level: the village, the township, or the township codes of a county;
    // the township on the driver's column when it reads the flags in township order
    boolean flagsInTownshipOrder = driver != null && driver.township() != null;
    String township = flagsInTownshipOrder ? driver.township() : "registry_person.township_code";
    if (region.level() == RegionLevel.VILLAGE) {
      if (flagsInTownshipOrder) {
        sql.append(township).append(" = ? and ");
        args.add(region.value().substring(0, RegionLevel.TOWNSHIP.digits()));
      }
      sql.append("registry_person.village_code = ?");
      args.add(region.value());
    } else if (region.level() == RegionLevel.TOWNSHIP) {
      sql.append(township).append(" = ?");
      args.add(region.value());
    } else {
      sql.append(township).append(" like ?");
      args.add(region.value() + "%");
    }
    if (q.name() != null && !q.name().isBlank()) {
      sql.append(" and registry_person.name like ?");
      args.add(likePrefix(q.name().strip()));
    }
    if (q.idNumber() != null && !q.idNumber().isBlank()) {
      String typed = q.idNumber().strip().toUpperCase();
      if (typed.matches("[\\dX]{4}")) {
        sql.append(" and registry_person.id_tail = ?");
        args.add(typed);
      } else if (typed.matches("\\d{4}\\*{10}[\\dX]{4}")) {
        sql.append(" and registry_person.id_number_masked = ?");
        args.add(typed);
      } else {
        throw BusinessRuleException.invalid(
            "PERSON_SEARCH_ID_FORMAT",
            "身份证号请输入后四位（如 123X）或脱敏号码（如 3505**********123X）",
            "unusable id search input of length " + typed.length());
      }
    }
    if (q.category() != null) {
      sql.append(" and registry_person.category = ?");
      args.add(q.category().name());
    }
    if (q.villageCode() != null && !q.villageCode().isBlank()) {
      RegionCode village = RegionCode.parse(q.villageCode());
      if (!scope.covers(village)) {
        throw scopeGuard.refuse(scope, village, null, "按村（社区）查询服务对象");
      }
      sql.append(" and registry_person.village_code = ?");
      args.add(village.value());
    }
    if (driver != null) {
      sql.append(" and ").append(driver.where());
      args.addAll(driver.args());
    }
    if (more != null && q.overdue()) {
      PersonSearchFilters.Condition c = more.overdue(clock.instant());
      sql.append(" and ").append(c.sql());
      args.addAll(c.args());
    }
    if (driver == null) {
      return new Where(
          "registry_person",
          sql.toString(),
          args,
          "registry_person.id",
          SEARCH_ORDER,
          "registry_person.id");
    }
    if (driver.township() == null) {
      return new Where(
          driver.from(), sql.toString(), args, driver.order(), SEARCH_ORDER, "registry_person.id");
    }
    // the flags read in (township, person) order: the township sort and its tie on their columns
    Map<String, String> orders = new HashMap<>(SEARCH_ORDER);
    orders.put("township", driver.township());
    return new Where(
        driver.from(),
        sql.toString(),
        args,
        driver.township() + ", " + driver.order(),
        Map.copyOf(orders),
        driver.order());
  }

  /**
   * The key-contact filter's join, with the register's index named (the optimizer, seeing ORDER BY
   * id LIMIT, would otherwise walk the primary key: 220 ms at 1,000,000 people). A name prefix or
   * an ID tail selects few people: the register drives through that index (V323: township and name,
   * or name and township) and each person is probed for the flag. Else the flags drive, and each is
   * joined to the register through {@code ix_person_flag_join} (id, township, village, category,
   * name), which holds every column the search's conditions and sort keys read: a join that fetched
   * whole rows read a page from disk per flag once the register outgrew the buffer pool (0.9 s for
   * the 空巢/独居 of one township at 1,000,000 people, 30 ms through this index).
   */
  private static PersonSearchFilters.Driver keyContactDriver(
      PersonSearchFilters more, PersonQuery q, RegionCode region) {
    String reason = PersonQuery.ANY_KEY_CONTACT.equals(q.keyContact()) ? null : q.keyContact();
    Narrowed by = narrowedBy(q);
    if (by == null) {
      return more.keyContact(reason, "registry_person force index (ix_person_flag_join)", false);
    }
    String index =
        switch (by) {
          case MASKED_ID -> "ix_person_id_masked";
          case ID_TAIL -> "ix_person_id_tail";
          case NAME -> nameIndex(region);
        };
    return more.keyContact(reason, "registry_person force index (" + index + ")", true);
  }

  /** The index a name prefix is read through in the region (V323). */
  private static String nameIndex(RegionCode region) {
    return region.level() == RegionLevel.TOWNSHIP
        ? "ix_person_township_name"
        : "ix_person_name_township";
  }

  /** What selects few people through the register's own index, if anything. */
  private enum Narrowed {
    MASKED_ID,
    ID_TAIL,
    NAME
  }

  private static Narrowed narrowedBy(PersonQuery q) {
    String idNumber = q.idNumber() == null ? "" : q.idNumber().strip();
    if (!idNumber.isEmpty()) {
      return idNumber.contains("*") ? Narrowed.MASKED_ID : Narrowed.ID_TAIL;
    }
    return q.name() != null && !q.name().isBlank() ? Narrowed.NAME : null;
  }

  /** The search's rows with the contact programme's marks (重点, 逾期), when it is there. */
  private List<PersonSummary> withMarks(List<PersonSummary> hits) {
    PersonSearchFilters more = filters.getIfAvailable();
    if (more == null || hits.isEmpty()) {
      return hits;
    }
    Map<Long, List<String>> marks =
        more.marks(hits.stream().map(PersonSummary::id).toList(), clock.instant());
    return hits.stream().map(h -> h.withMarks(marks.get(h.id()))).toList();
  }

  private static String likePrefix(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** 404 for an unknown person, a recorded 403 for one outside the officer's region. */
  void requireInScope(long personId, RegionScope scope, String what) {
    List<String> place =
        jdbc.queryForList(
            "select coalesce(village_code, township_code) from registry_person where id = ?",
            String.class,
            personId);
    if (place.isEmpty()) {
      throw BusinessRuleException.notFound("PERSON_UNKNOWN", "未找到该服务对象档案", "no person " + personId);
    }
    RegionCode where = RegionCode.parse(place.get(0));
    if (!scope.covers(where)) {
      throw scopeGuard.refuse(scope, where, null, what + "（服务对象档案 " + personId + "）");
    }
  }

  private LocalDate today() {
    return Formats.chinaDate(clock.instant());
  }

  private static final RowMapper<StatusRecord> STATUS =
      (rs, i) ->
          new StatusRecord(
              rs.getLong("id"),
              rs.getLong("person_id"),
              StatusKind.valueOf(rs.getString("kind")),
              rs.getString("value"),
              rs.getString("previous_value"),
              rs.getObject("effective_on", LocalDate.class),
              rs.getString("reason"),
              rs.getString("recorded_by"),
              instant(rs, "recorded_at"));

  private static final RowMapper<Need> NEED =
      (rs, i) ->
          new Need(
              rs.getLong("id"),
              rs.getLong("person_id"),
              rs.getString("need_type"),
              rs.getString("description"),
              NeedStatus.valueOf(rs.getString("status")),
              rs.getString("answered_by"),
              rs.getString("answered_note"),
              instant(rs, "answered_at"),
              rs.getString("recorded_by"),
              instant(rs, "recorded_at"));

  private static final RowMapper<Entitlement> ENTITLEMENT =
      (rs, i) ->
          new Entitlement(
              rs.getLong("id"),
              rs.getString("name"),
              rs.getObject("since", LocalDate.class),
              rs.getObject("until", LocalDate.class),
              rs.getString("note"),
              rs.getString("recorded_by"));

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
