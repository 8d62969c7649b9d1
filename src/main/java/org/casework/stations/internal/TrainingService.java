package org.casework.stations.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.stations.StationSummary;
import org.casework.stations.StationTraining;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses, attendance, certificates and the half-yearly training each station owes. Every check
 * runs before the first write, so a refusal leaves nothing behind.
 */
@Service
class TrainingService implements StationTraining {

  private static final Logger log = LoggerFactory.getLogger(TrainingService.class);
  private static final BigDecimal MAX_HOURS = new BigDecimal("200");

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert courses;
  private final StationRegister register;
  private final RecordChanges changes;
  private final ScopeGuard guard;
  private final Clock clock;

  TrainingService(
      JdbcTemplate jdbc,
      StationRegister register,
      RecordChanges changes,
      ScopeGuard guard,
      Clock clock) {
    this.jdbc = jdbc;
    this.courses =
        new SimpleJdbcInsert(jdbc)
            .withTableName("stations_course")
            .usingColumns(
                "region_code",
                "title",
                "held_on",
                "hours",
                "place",
                "organiser",
                "created_by",
                "created_at")
            .usingGeneratedKeyColumns("id");
    this.register = register;
    this.changes = changes;
    this.guard = guard;
    this.clock = clock;
  }

  private record Rule(int coursesPerHalf, List<String> kinds, String label) {}

  private Rule rule(String regionCode, LocalDate day) {
    List<Rule> rules =
        jdbc.query(
            "select * from stations_training_rule where ? like concat(region_prefix, '%') and"
                + " valid_from <= ? order by length(region_prefix) desc, valid_from desc limit 1",
            (rs, i) ->
                new Rule(
                    rs.getInt("courses_per_half"),
                    List.of(rs.getString("station_kinds").split(",")),
                    rs.getString("label")),
            regionCode,
            day);
    return rules.isEmpty() ? null : rules.get(0);
  }

  @Override
  @Transactional(readOnly = true)
  public String ruleLabel(String regionCode, LocalDate day) {
    Rule r = rule(regionCode, day);
    return r == null ? "本地区未设定培训要求" : r.label();
  }

  @Override
  @Transactional
  public Course addCourse(NewCourse c, RegionScope scope) {
    if (scope.region().level() == RegionLevel.VILLAGE) {
      throw BusinessRuleException.forbidden(
          "STATION_TRAINING_LEVEL", "业务培训由乡镇（街道）或县级组织登记", "course by " + scope.role());
    }
    NewCourse ok = checked(c);
    long id;
    try {
      id =
          courses
              .executeAndReturnKey(
                  Map.of(
                      "region_code", scope.prefix(),
                      "title", ok.title(),
                      "held_on", ok.heldOn(),
                      "hours", ok.hours(),
                      "place", ok.place(),
                      "organiser", ok.organiser(),
                      "created_by", scope.username(),
                      "created_at", Timestamp.from(clock.instant())))
              .longValue();
    } catch (DuplicateKeyException e) {
      throw exists(ok, scope.prefix());
    }
    log.info("stations: course {} registered in {} by {}", id, scope.prefix(), scope.username());
    return course(id);
  }

  /** The course's fields checked and stripped (hours to one decimal); the same for add and edit. */
  private static NewCourse checked(NewCourse c) {
    if (c == null) {
      throw invalid("STATION_COURSE_FORM", "请填写培训名称、地点和组织单位", "course incomplete");
    }
    String title = Texts.required(c.title(), 128, "STATION_COURSE_TITLE", "请填写培训名称（不超过128字）");
    if (c.heldOn() == null) {
      throw invalid("STATION_COURSE_DATE", "请填写培训日期", "course without date");
    }
    if (c.hours() == null || c.hours().signum() <= 0 || c.hours().compareTo(MAX_HOURS) > 0) {
      throw invalid("STATION_COURSE_HOURS", "培训学时须大于0且不超过200", "hours " + c.hours());
    }
    String place = Texts.required(c.place(), 128, "STATION_COURSE_PLACE", "请填写培训地点（不超过128字）");
    String organiser =
        Texts.required(c.organiser(), 128, "STATION_COURSE_ORGANISER", "请填写组织单位（不超过128字）");
    return new NewCourse(
        title, c.heldOn(), c.hours().setScale(1, java.math.RoundingMode.HALF_UP), place, organiser);
  }

  private static BusinessRuleException exists(NewCourse c, String region) {
    return BusinessRuleException.conflict(
        "STATION_COURSE_EXISTS",
        "同一天已登记同名培训「" + c.title() + "」",
        "course exists " + region + " " + c.heldOn());
  }

  @Override
  @Transactional
  public Course editCourse(long courseId, NewCourse c, String reason, RegionScope scope) {
    Course old = ownCourse(courseId, scope, "修改培训");
    String why = RecordChanges.reason(reason, RecordChanges.Action.EDIT);
    NewCourse ok = checked(c);
    if (!old.attendees().isEmpty() && ok.heldOn().isAfter(today())) {
      throw invalid(
          "STATION_COURSE_DATE_ATTENDED",
          "培训「" + old.title() + "」已登记参训人员，培训日期不能改到今天之后",
          "course " + courseId + " attended, moved to " + ok.heldOn());
    }
    try {
      jdbc.update(
          "update stations_course set title = ?, held_on = ?, hours = ?, place = ?, organiser = ?"
              + " where id = ?",
          ok.title(),
          ok.heldOn(),
          ok.hours(),
          ok.place(),
          ok.organiser(),
          courseId);
    } catch (DuplicateKeyException e) {
      throw exists(ok, old.regionCode());
    }
    changes.record(
        RecordChanges.Kind.COURSE,
        courseId,
        old.regionCode(),
        RecordChanges.Action.EDIT,
        describe(old),
        describe(course(courseId)),
        why,
        scope);
    return course(courseId);
  }

  @Override
  @Transactional
  public void deleteCourse(long courseId, String reason, RegionScope scope) {
    Course old = ownCourse(courseId, scope, "删除培训");
    String why = RecordChanges.reason(reason, RecordChanges.Action.DELETE);
    jdbc.update("delete from stations_attendance where course_id = ?", courseId);
    jdbc.update("delete from stations_course where id = ?", courseId);
    changes.record(
        RecordChanges.Kind.COURSE,
        courseId,
        old.regionCode(),
        RecordChanges.Action.DELETE,
        describe(old),
        null,
        why,
        scope);
  }

  @Override
  @Transactional
  public Course removeAttendance(long courseId, long staffId, String reason, RegionScope scope) {
    Course course = visibleCourse(courseId, scope);
    Map<String, Object> staff = staff(staffId);
    register.require(((Number) staff.get("station_id")).longValue(), scope, "删除参训记录");
    if (scope.region().level() == RegionLevel.VILLAGE) {
      throw BusinessRuleException.forbidden(
          "STATION_TRAINING_LEVEL", "参训记录由乡镇（街道）或县级更正", "attendance removed by " + scope.role());
    }
    String why = RecordChanges.reason(reason, RecordChanges.Action.DELETE);
    int removed =
        jdbc.update(
            "delete from stations_attendance where course_id = ? and staff_id = ?",
            courseId,
            staffId);
    if (removed == 0) {
      throw BusinessRuleException.notFound(
          "STATION_ATTENDANCE_UNKNOWN",
          staff.get("name") + "未登记参加培训「" + course.title() + "」",
          "no attendance " + courseId + "/" + staffId);
    }
    String station =
        jdbc.queryForObject(
            "select region_code from stations_station where id = ?",
            String.class,
            ((Number) staff.get("station_id")).longValue());
    changes.record(
        RecordChanges.Kind.ATTENDANCE,
        courseId,
        station,
        RecordChanges.Action.DELETE,
        staff.get("name") + "（工作人员" + staffId + "）参加「" + course.title() + "」",
        null,
        why,
        scope);
    return course(courseId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> corrections(long courseId, RegionScope scope) {
    visibleCourse(courseId, scope);
    List<String> out = new ArrayList<>(changes.history(RecordChanges.Kind.COURSE, courseId));
    out.addAll(changes.history(RecordChanges.Kind.ATTENDANCE, courseId));
    return out;
  }

  /**
   * The course, when the officer's region is the course's own or above it and not a village (a
   * township head sees a county course but cannot change it): else a recorded 403 / 404.
   */
  private Course ownCourse(long courseId, RegionScope scope, String what) {
    Course c = visibleCourse(courseId, scope);
    if (scope.region().level() == RegionLevel.VILLAGE) {
      throw BusinessRuleException.forbidden(
          "STATION_TRAINING_LEVEL", "业务培训由乡镇（街道）或县级组织更正", what + " by " + scope.role());
    }
    guard.require(scope, RegionCode.parse(c.regionCode()), null, what);
    return c;
  }

  private static String describe(Course c) {
    return c.title()
        + "；"
        + c.heldOn()
        + "；"
        + c.hours().toPlainString()
        + "学时；"
        + c.place()
        + "；"
        + c.organiser()
        + (c.attendees().isEmpty()
            ? ""
            : "；参训："
                + String.join(
                    "、", c.attendees().stream().map(StationTraining.Attendee::name).toList()));
  }

  @Override
  @Transactional
  public Course recordAttendance(long courseId, List<Long> staffIds, RegionScope scope) {
    Course course = visibleCourse(courseId, scope);
    if (staffIds == null || staffIds.isEmpty()) {
      throw invalid("STATION_ATTENDANCE_EMPTY", "请选择参训人员", "no staff for course " + courseId);
    }
    if (course.heldOn().isAfter(today())) {
      throw invalid(
          "STATION_ATTENDANCE_FUTURE",
          "培训「" + course.title() + "」尚未举行，不能登记参训",
          "course " + courseId + " on " + course.heldOn());
    }
    // every person is checked before anything is written
    List<Long> toAdd = new ArrayList<>();
    for (Long staffId : staffIds.stream().distinct().toList()) {
      Map<String, Object> staff = staff(staffId);
      register.require(((Number) staff.get("station_id")).longValue(), scope, "登记参训人员");
      if (staff.get("removed_at") != null) {
        throw invalid(
            "STATION_ATTENDANCE_REMOVED",
            staff.get("name") + "已不在岗，不能登记参训",
            "staff " + staffId + " removed");
      }
      toAdd.add(staffId);
    }
    for (Long staffId : toAdd) {
      jdbc.update(
          "insert ignore into stations_attendance (course_id, staff_id, recorded_by, recorded_at)"
              + " values (?,?,?,?)",
          courseId,
          staffId,
          scope.username(),
          Timestamp.from(clock.instant()));
    }
    return course(courseId);
  }

  private Map<String, Object> staff(Long staffId) {
    List<Map<String, Object>> rows =
        jdbc.queryForList("select * from stations_staff where id = ?", staffId);
    if (staffId == null || rows.isEmpty()) {
      throw BusinessRuleException.notFound(
          "STATION_STAFF_UNKNOWN", "未找到该工作人员", "no staff " + staffId);
    }
    return rows.get(0);
  }

  private Course visibleCourse(long courseId, RegionScope scope) {
    List<String> region =
        jdbc.queryForList(
            "select region_code from stations_course where id = ?", String.class, courseId);
    if (region.isEmpty()
        || !(region.get(0).startsWith(scope.prefix())
            || scope.prefix().startsWith(region.get(0)))) {
      throw BusinessRuleException.notFound(
          "STATION_COURSE_UNKNOWN", "未找到该培训", "no course " + courseId + " for " + scope.prefix());
    }
    return course(courseId);
  }

  private static final String COURSES = "select * from stations_course ";

  private Course course(long id) {
    return jdbc.query(COURSES + "where id = ?", (rs, i) -> course(rs), id).get(0);
  }

  private Course course(java.sql.ResultSet rs) throws java.sql.SQLException {
    long id = rs.getLong("id");
    return new Course(
        id,
        rs.getString("region_code"),
        rs.getString("title"),
        rs.getDate("held_on").toLocalDate(),
        rs.getBigDecimal("hours"),
        rs.getString("place"),
        rs.getString("organiser"),
        jdbc.query(
            "select f.id, f.name, s.name station from stations_attendance a join stations_staff f"
                + " on f.id = a.staff_id join stations_station s on s.id = f.station_id where"
                + " a.course_id = ? order by s.region_code, f.name",
            (r, j) -> new Attendee(r.getLong("id"), r.getString("name"), r.getString("station")),
            id));
  }

  @Override
  @Transactional(readOnly = true)
  public List<Course> courses(RegionScope scope) {
    return jdbc.query(
        COURSES
            + "where region_code like ? or ? like concat(region_code, '%') order by held_on desc,"
            + " id desc limit 200",
        (rs, i) -> course(rs),
        scope.prefix() + "%",
        scope.prefix());
  }

  @Override
  @Transactional
  public Certificate addCertificate(
      long staffId,
      String kind,
      String number,
      String grade,
      LocalDate issuedOn,
      LocalDate expiresOn,
      RegionScope scope) {
    Map<String, Object> staff = staff(staffId);
    register.require(((Number) staff.get("station_id")).longValue(), scope, "登记职业资格证书");
    if (scope.region().level() == RegionLevel.VILLAGE) {
      throw BusinessRuleException.forbidden(
          "STATION_TRAINING_LEVEL", "证书由乡镇（街道）或县级登记", "certificate by " + scope.role());
    }
    if (kind == null || !certificateKinds().containsKey(kind)) {
      throw invalid("STATION_CERT_KIND", "请选择证书类别", "certificate kind " + kind);
    }
    number = Texts.required(number, 64, "STATION_CERT_NUMBER", "请填写证书编号（不超过64字）");
    if (issuedOn == null || expiresOn == null) {
      throw invalid("STATION_CERT_DATES", "请填写发证日期和有效期至", "certificate dates missing");
    }
    if (issuedOn.isAfter(today())) {
      throw invalid("STATION_CERT_ISSUED", "发证日期不能晚于今天", "issued " + issuedOn);
    }
    if (!expiresOn.isAfter(issuedOn)) {
      throw invalid("STATION_CERT_EXPIRY", "有效期至须晚于发证日期", "expires " + expiresOn);
    }
    grade = Texts.optional(grade, 32, "STATION_CERT_GRADE", "等级不超过32字");
    try {
      jdbc.update(
          "insert into stations_certificate (staff_id, kind, number, grade, issued_on, expires_on,"
              + " recorded_by, recorded_at) values (?,?,?,?,?,?,?,?)",
          staffId,
          kind,
          number,
          grade,
          issuedOn,
          expiresOn,
          scope.username(),
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException e) {
      throw BusinessRuleException.conflict(
          "STATION_CERT_EXISTS", "证书编号" + number + "已登记", "certificate exists");
    }
    LocalDate today = today();
    String recorded = number;
    return certificates(scope, today).stream()
        .filter(c -> c.staffId() == staffId && c.number().equals(recorded))
        .findFirst()
        .orElseThrow();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Certificate> certificates(RegionScope scope, LocalDate today) {
    return jdbc.query(
        "select c.*, k.label, k.warn_days, f.name staff_name, s.id station_id, s.name station_name"
            + " from stations_certificate c join stations_certificate_kind k on k.code = c.kind join"
            + " stations_staff f on f.id = c.staff_id join stations_station s on s.id ="
            + " f.station_id where s.region_code like ? and f.removed_at is null order by"
            + " c.expires_on, c.id",
        (rs, i) -> {
          LocalDate expires = rs.getDate("expires_on").toLocalDate();
          long days = ChronoUnit.DAYS.between(today, expires);
          String status =
              days < 0 ? "已过期" : days <= rs.getInt("warn_days") ? "即将到期（" + days + "天）" : "有效";
          return new Certificate(
              rs.getLong("id"),
              rs.getLong("staff_id"),
              rs.getString("staff_name"),
              rs.getLong("station_id"),
              rs.getString("station_name"),
              rs.getString("label"),
              rs.getString("number"),
              rs.getString("grade"),
              rs.getDate("issued_on").toLocalDate(),
              expires,
              status);
        },
        scope.prefix() + "%");
  }

  @Override
  @Transactional(readOnly = true)
  public List<Attendee> activeStaff(RegionScope scope) {
    return jdbc.query(
        "select f.id, f.name, s.name station from stations_staff f join stations_station s on s.id"
            + " = f.station_id where s.region_code like ? and f.removed_at is null order by"
            + " s.region_code, s.id, f.name",
        (r, j) -> new Attendee(r.getLong("id"), r.getString("name"), r.getString("station")),
        scope.prefix() + "%");
  }

  @Override
  public Map<String, String> certificateKinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    jdbc.query(
        "select code, label from stations_certificate_kind order by code",
        rs -> {
          kinds.put(rs.getString("code"), rs.getString("label"));
        });
    return kinds;
  }

  @Override
  @Transactional(readOnly = true)
  public List<HalfYear> owed(RegionScope scope, LocalDate today) {
    LocalDate currentFrom =
        today.getMonthValue() <= 6 ? today.withDayOfYear(1) : today.withMonth(7).withDayOfMonth(1);
    LocalDate previousFrom = currentFrom.minusMonths(6);
    List<StationSummary> stations = register.list(scope);
    if (stations.isEmpty()) {
      return List.of();
    }
    // the rules once and the attendance per half-year in one grouped statement, not per station
    List<DatedRule> rules = rules();
    List<LocalDate> halves = List.of(currentFrom, previousFrom);
    java.util.Map<LocalDate, java.util.Map<Long, Integer>> attended = new java.util.HashMap<>();
    for (LocalDate from : halves) {
      attended.put(from, attended(stations, from, from.plusMonths(6).minusDays(1)));
    }
    List<HalfYear> out = new ArrayList<>();
    for (StationSummary s : stations) {
      for (LocalDate from : halves) {
        half(s, from, today, rules, attended.get(from)).ifPresent(out::add);
      }
    }
    return out;
  }

  @Override
  @Transactional(readOnly = true)
  public List<HalfYear> overdue(RegionScope scope, LocalDate today) {
    return owed(scope, today).stream().filter(HalfYear::overdue).toList();
  }

  /** A training rule with where and from when it holds. */
  private record DatedRule(String regionPrefix, LocalDate validFrom, Rule rule) {}

  private List<DatedRule> rules() {
    return jdbc.query(
        "select * from stations_training_rule",
        (rs, i) ->
            new DatedRule(
                rs.getString("region_prefix"),
                rs.getObject("valid_from", LocalDate.class),
                new Rule(
                    rs.getInt("courses_per_half"),
                    List.of(rs.getString("station_kinds").split(",")),
                    rs.getString("label"))));
  }

  /** As {@link #rule(String, LocalDate)}: the longest matching prefix, then the latest start. */
  private static Rule rule(List<DatedRule> rules, String regionCode, LocalDate day) {
    return rules.stream()
        .filter(r -> regionCode.startsWith(r.regionPrefix()) && !r.validFrom().isAfter(day))
        .max(
            java.util.Comparator.comparingInt((DatedRule r) -> r.regionPrefix().length())
                .thenComparing(DatedRule::validFrom))
        .map(DatedRule::rule)
        .orElse(null);
  }

  /** Courses attended by each station's staff between the two days (both included). */
  private java.util.Map<Long, Integer> attended(
      List<StationSummary> stations, LocalDate from, LocalDate to) {
    java.util.Map<Long, Integer> out = new java.util.HashMap<>();
    List<Object> args = new ArrayList<>();
    stations.forEach(s -> args.add(s.id()));
    args.add(from);
    args.add(to);
    jdbc.query(
        "select f.station_id, count(distinct c.id) from stations_course c join stations_attendance"
            + " a on a.course_id = c.id join stations_staff f on f.id = a.staff_id where"
            + " f.station_id in ("
            + String.join(",", java.util.Collections.nCopies(stations.size(), "?"))
            + ") and c.held_on between ? and ? group by f.station_id",
        rs -> {
          out.put(rs.getLong(1), rs.getInt(2));
        },
        args.toArray());
    return out;
  }

  private java.util.Optional<HalfYear> half(
      StationSummary s,
      LocalDate from,
      LocalDate today,
      List<DatedRule> rules,
      java.util.Map<Long, Integer> attendedBy) {
    LocalDate to = from.plusMonths(6).minusDays(1);
    Rule rule = rule(rules, s.regionCode(), to);
    if (rule == null || !rule.kinds().contains(s.kind().name())) {
      return java.util.Optional.empty();
    }
    int attended = attendedBy.getOrDefault(s.id(), 0);
    String period = from.getYear() + (from.getMonthValue() == 1 ? "年上半年" : "年下半年");
    return java.util.Optional.of(
        new HalfYear(
            s.id(),
            s.name(),
            s.regionCode(),
            period,
            from,
            to,
            rule.coursesPerHalf(),
            attended,
            attended < rule.coursesPerHalf() && to.isBefore(today)));
  }

  private LocalDate today() {
    return Formats.chinaDate(clock.instant());
  }

  private static BusinessRuleException invalid(String code, String message, String detail) {
    return BusinessRuleException.invalid(code, message, detail);
  }
}
