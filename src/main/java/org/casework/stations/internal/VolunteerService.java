package org.casework.stations.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.contact.ContactMethod;
import org.casework.contact.ContactProgramme;
import org.casework.contact.NeedKind;
import org.casework.contact.RecordVisit;
import org.casework.contact.VisitView;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.casework.stations.StationSummary;
import org.casework.stations.VolunteerTeams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer teams, members and activities. People come from the registry (inside the officer's
 * region and the station's); a person served gets a contact record through {@link
 * ContactProgramme#recordVisit} in the same transaction, so a refusal there leaves no activity.
 */
@Service
class VolunteerService implements VolunteerTeams {

  private static final Logger log = LoggerFactory.getLogger(VolunteerService.class);
  private static final BigDecimal MAX_HOURS = new BigDecimal("24");

  private final JdbcTemplate jdbc;
  private final SimpleJdbcInsert teamInsert;
  private final SimpleJdbcInsert activityInsert;
  private final StationRegister register;
  private final Registry registry;
  private final ContactProgramme contact;
  private final Jurisdiction jurisdiction;
  private final RecordChanges changes;
  private final Clock clock;

  VolunteerService(
      JdbcTemplate jdbc,
      StationRegister register,
      Registry registry,
      ContactProgramme contact,
      Jurisdiction jurisdiction,
      RecordChanges changes,
      Clock clock) {
    this.jdbc = jdbc;
    this.teamInsert =
        new SimpleJdbcInsert(jdbc)
            .withTableName("stations_volunteer_team")
            .usingColumns("station_id", "name", "founded_on", "purpose", "created_by", "created_at")
            .usingGeneratedKeyColumns("id");
    this.activityInsert =
        new SimpleJdbcInsert(jdbc)
            .withTableName("stations_volunteer_activity")
            .usingColumns(
                "team_id", "held_on", "place", "hours", "content", "recorded_by", "recorded_at")
            .usingGeneratedKeyColumns("id");
    this.changes = changes;
    this.register = register;
    this.registry = registry;
    this.contact = contact;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
  }

  private static final String TEAMS =
      "select t.*, s.name station_name, s.region_code, (select count(*) from"
          + " stations_volunteer_member m where m.team_id = t.id and m.left_on is null) members,"
          + " (select count(*) from stations_volunteer_activity a where a.team_id = t.id and"
          + " a.voided_at is null) activities, (select coalesce(sum(a.hours), 0) from"
          + " stations_volunteer_activity a where a.team_id = t.id and a.voided_at is null) hours"
          + " from stations_volunteer_team t join stations_station s on s.id = t.station_id ";

  private static Team team(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Team(
        rs.getLong("id"),
        rs.getLong("station_id"),
        rs.getString("station_name"),
        rs.getString("region_code"),
        rs.getString("name"),
        rs.getDate("founded_on").toLocalDate(),
        rs.getString("purpose"),
        rs.getInt("members"),
        rs.getInt("activities"),
        rs.getBigDecimal("hours"));
  }

  @Override
  @Transactional(readOnly = true)
  public List<Team> teams(RegionScope scope) {
    return jdbc.query(
        TEAMS + "where s.region_code like ? order by s.region_code, t.name",
        (rs, i) -> team(rs),
        scope.prefix() + "%");
  }

  /** The team inside the scope, or a 404 / a recorded 403. */
  private Team require(long teamId, RegionScope scope, String what) {
    List<Team> found = jdbc.query(TEAMS + "where t.id = ?", (rs, i) -> team(rs), teamId);
    if (found.isEmpty()) {
      throw BusinessRuleException.notFound(
          "STATION_TEAM_UNKNOWN", "未找到该志愿服务队", "no volunteer team " + teamId);
    }
    register.require(found.get(0).stationId(), scope, what);
    return found.get(0);
  }

  @Override
  @Transactional(readOnly = true)
  public TeamDetail team(long teamId, RegionScope scope) {
    Team team = require(teamId, scope, "查看志愿服务队");
    List<Member> members =
        jdbc.query(
            "select * from stations_volunteer_member where team_id = ? order by left_on is not"
                + " null, joined_on, person_id",
            (rs, i) ->
                new Member(
                    rs.getLong("person_id"),
                    name(rs.getLong("person_id")),
                    rs.getString("role"),
                    rs.getDate("joined_on").toLocalDate(),
                    rs.getDate("left_on") == null ? null : rs.getDate("left_on").toLocalDate()),
            teamId);
    List<Activity> activities =
        jdbc.query(
            "select * from stations_volunteer_activity where team_id = ? order by held_on desc, id"
                + " desc",
            (rs, i) -> activity(rs),
            teamId);
    return new TeamDetail(team, members, activities);
  }

  private Activity activity(java.sql.ResultSet rs) throws java.sql.SQLException {
    long id = rs.getLong("id");
    return new Activity(
        id,
        rs.getDate("held_on").toLocalDate(),
        rs.getString("place"),
        rs.getBigDecimal("hours"),
        rs.getString("content"),
        rs.getString("recorded_by"),
        jdbc.query(
            "select * from stations_volunteer_served where activity_id = ? order by person_id",
            (r, j) ->
                new Served(
                    r.getLong("person_id"),
                    name(r.getLong("person_id")),
                    (Long) r.getObject("contact_visit_id", Long.class)),
            id),
        rs.getString("voided_by"),
        rs.getString("void_reason"));
  }

  private String name(long personId) {
    return registry.person(personId).name();
  }

  @Override
  @Transactional
  public Team createTeam(
      long stationId, String name, LocalDate foundedOn, String purpose, RegionScope scope) {
    StationSummary station = register.require(stationId, scope, "建立志愿服务队");
    String teamName = Texts.required(name, 128, "STATION_TEAM_NAME", "请填写服务队名称（不超过128字）");
    if (foundedOn == null || foundedOn.isAfter(today())) {
      throw invalid("STATION_TEAM_DATE", "请填写成立日期，且不能晚于今天", "founded " + foundedOn);
    }
    String teamPurpose = Texts.optional(purpose, 500, "STATION_TEAM_PURPOSE", "服务内容不超过500字");
    Map<String, Object> row = new java.util.HashMap<>();
    row.put("station_id", stationId);
    row.put("name", teamName);
    row.put("founded_on", foundedOn);
    row.put("purpose", teamPurpose);
    row.put("created_by", scope.username());
    row.put("created_at", Timestamp.from(clock.instant()));
    long id;
    try {
      id = teamInsert.executeAndReturnKey(row).longValue();
    } catch (DuplicateKeyException e) {
      throw BusinessRuleException.conflict(
          "STATION_TEAM_EXISTS",
          station.name() + "已有名为「" + teamName + "」的服务队",
          "team exists at " + stationId);
    }
    log.info("stations: volunteer team {} at station {} by {}", id, stationId, scope.username());
    return require(id, scope, "建立志愿服务队");
  }

  /** The person, living, registered inside the officer's region and the team's station region. */
  private PersonView person(Team team, Long personId, RegionScope scope, String what) {
    if (personId == null) {
      throw invalid("STATION_TEAM_PERSON", "请选择人员", "no person");
    }
    PersonView p = registry.person(personId, scope, what);
    String home = p.villageCode() != null ? p.villageCode() : p.townshipCode();
    if (home == null || !home.startsWith(team.regionCode())) {
      throw invalid(
          "STATION_TEAM_PERSON_REGION",
          p.name() + "不在" + team.stationName() + "服务范围内",
          "person " + personId + " outside " + team.regionCode());
    }
    if (p.isDeceased()) {
      throw invalid("STATION_TEAM_PERSON_DIED", p.name() + "已去世", "person " + personId + " died");
    }
    return p;
  }

  @Override
  @Transactional
  public Member addMember(
      long teamId, long personId, String role, LocalDate joinedOn, RegionScope scope) {
    Team team = require(teamId, scope, "登记志愿服务队员");
    PersonView p = person(team, personId, scope, "登记志愿服务队员");
    LocalDate joined = joinedOn == null ? today() : joinedOn;
    if (joined.isAfter(today()) || joined.isBefore(team.foundedOn())) {
      throw invalid("STATION_TEAM_JOINED", "加入日期须在服务队成立之后且不晚于今天", "joined " + joined);
    }
    String memberRole = Texts.optional(role, 32, "STATION_TEAM_ROLE", "队内职务不超过32字");
    List<Map<String, Object>> existing =
        jdbc.queryForList(
            "select left_on from stations_volunteer_member where team_id = ? and person_id = ?",
            teamId,
            personId);
    if (!existing.isEmpty() && existing.get(0).get("left_on") == null) {
      throw BusinessRuleException.conflict(
          "STATION_TEAM_MEMBER_EXISTS", p.name() + "已是本队队员", "member exists");
    }
    if (existing.isEmpty()) {
      jdbc.update(
          "insert into stations_volunteer_member (team_id, person_id, role, joined_on, recorded_by,"
              + " recorded_at) values (?,?,?,?,?,?)",
          teamId,
          personId,
          memberRole,
          joined,
          scope.username(),
          Timestamp.from(clock.instant()));
    } else {
      // rejoining: the row is the membership, its dates the latest period
      jdbc.update(
          "update stations_volunteer_member set role = ?, joined_on = ?, left_on = null,"
              + " recorded_by = ?, recorded_at = ? where team_id = ? and person_id = ?",
          memberRole,
          joined,
          scope.username(),
          Timestamp.from(clock.instant()),
          teamId,
          personId);
    }
    return new Member(personId, p.name(), memberRole, joined, null);
  }

  @Override
  @Transactional
  public Member removeMember(long teamId, long personId, LocalDate leftOn, RegionScope scope) {
    require(teamId, scope, "登记队员退出");
    List<Map<String, Object>> row =
        jdbc.queryForList(
            "select * from stations_volunteer_member where team_id = ? and person_id = ? and"
                + " left_on is null",
            teamId,
            personId);
    if (row.isEmpty()) {
      throw BusinessRuleException.notFound(
          "STATION_TEAM_MEMBER_UNKNOWN", "该人员不是本队在队队员", "no member " + personId);
    }
    LocalDate left = leftOn == null ? today() : leftOn;
    LocalDate joined = ((java.sql.Date) row.get(0).get("joined_on")).toLocalDate();
    if (left.isAfter(today()) || left.isBefore(joined)) {
      throw invalid("STATION_TEAM_LEFT", "退出日期须在加入日期之后且不晚于今天", "left " + left);
    }
    jdbc.update(
        "update stations_volunteer_member set left_on = ? where team_id = ? and person_id = ?",
        left,
        teamId,
        personId);
    return new Member(personId, name(personId), (String) row.get(0).get("role"), joined, left);
  }

  @Override
  @Transactional
  public Activity recordActivity(long teamId, NewActivity a, RegionScope scope) {
    Team team = require(teamId, scope, "登记志愿服务活动");
    ActivityChange ok =
        checked(
            team,
            a == null ? null : new ActivityChange(a.heldOn(), a.place(), a.hours(), a.content()));
    List<Long> servedIds =
        a.servedIds() == null ? List.of() : a.servedIds().stream().distinct().toList();
    // every person is checked before anything is written
    List<PersonView> served = new ArrayList<>();
    for (Long id : servedIds) {
      served.add(person(team, id, scope, "登记志愿服务对象"));
    }
    long activityId =
        activityInsert
            .executeAndReturnKey(
                Map.of(
                    "team_id", teamId,
                    "held_on", ok.heldOn(),
                    "place", ok.place(),
                    "hours", ok.hours(),
                    "content", ok.content(),
                    "recorded_by", scope.username(),
                    "recorded_at", Timestamp.from(clock.instant())))
            .longValue();
    for (PersonView p : served) {
      // the activity counts as a visit in the contact programme (上门服务)
      VisitView visit =
          contact.recordVisit(
              new RecordVisit(
                  p.id(),
                  ContactMethod.HOME,
                  ok.heldOn(),
                  "志愿服务（" + team.name() + "，" + ok.place() + "）：" + ok.content(),
                  NeedKind.NONE,
                  null,
                  null),
              scope);
      jdbc.update(
          "insert into stations_volunteer_served (activity_id, person_id, contact_visit_id) values"
              + " (?,?,?)",
          activityId,
          p.id(),
          visit.id());
    }
    log.info(
        "stations: volunteer activity {} of team {} ({} served) by {}",
        activityId,
        teamId,
        served.size(),
        scope.username());
    return activity(activityId);
  }

  private Activity activity(long activityId) {
    return jdbc.query(
            "select * from stations_volunteer_activity where id = ?",
            (rs, i) -> activity(rs),
            activityId)
        .get(0);
  }

  /** Date, place, hours and content checked and stripped; the same for a new and an edited one. */
  private ActivityChange checked(Team team, ActivityChange a) {
    if (a == null || a.heldOn() == null) {
      throw invalid("STATION_ACTIVITY_DATE", "请填写活动日期", "activity without date");
    }
    if (a.heldOn().isAfter(today())) {
      throw invalid("STATION_ACTIVITY_FUTURE", "活动日期不能晚于今天", "activity on " + a.heldOn());
    }
    if (a.heldOn().isBefore(team.foundedOn())) {
      throw invalid("STATION_ACTIVITY_BEFORE", "活动日期不能早于服务队成立日期", "before founding");
    }
    String place = Texts.required(a.place(), 128, "STATION_ACTIVITY_PLACE", "请填写活动地点（不超过128字）");
    if (a.hours() == null || a.hours().signum() <= 0 || a.hours().compareTo(MAX_HOURS) > 0) {
      throw invalid("STATION_ACTIVITY_HOURS", "服务时长须大于0且不超过24小时", "hours " + a.hours());
    }
    String content =
        Texts.required(a.content(), 500, "STATION_ACTIVITY_CONTENT", "请填写服务内容（不超过500字）");
    return new ActivityChange(
        a.heldOn(), place, a.hours().setScale(1, RoundingMode.HALF_UP), content);
  }

  /** The team's activity, not voided, inside the officer's region. */
  private Activity ownActivity(Team team, long activityId) {
    List<Long> of =
        jdbc.queryForList(
            "select team_id from stations_volunteer_activity where id = ?", Long.class, activityId);
    if (of.isEmpty() || of.get(0) != team.id()) {
      throw BusinessRuleException.notFound(
          "STATION_ACTIVITY_UNKNOWN",
          "未找到该志愿服务活动",
          "no activity " + activityId + " in team " + team.id());
    }
    Activity a = activity(activityId);
    if (a.voided()) {
      throw BusinessRuleException.conflict(
          "STATION_ACTIVITY_VOIDED", "该活动已作废，不能再更正", "activity " + activityId + " voided");
    }
    return a;
  }

  private static String describe(Activity a) {
    return a.heldOn()
        + "；"
        + a.place()
        + "；"
        + a.hours().toPlainString()
        + "小时；"
        + a.content()
        + (a.served().isEmpty()
            ? ""
            : "；服务对象："
                + String.join(
                    "、",
                    a.served().stream()
                        .map(x -> x.name() + "（走访记录" + x.contactVisitId() + "）")
                        .toList()));
  }

  @Override
  @Transactional
  public Activity editActivity(
      long teamId, long activityId, ActivityChange change, String reason, RegionScope scope) {
    Team team = require(teamId, scope, "更正志愿服务活动");
    Activity old = ownActivity(team, activityId);
    String why = RecordChanges.reason(reason, RecordChanges.Action.EDIT);
    ActivityChange ok = checked(team, change);
    if (!old.served().isEmpty() && !ok.heldOn().equals(old.heldOn())) {
      throw invalid(
          "STATION_ACTIVITY_DATE_VISITED",
          "本活动的服务对象已按" + Formats.date(old.heldOn()) + "计入联系走访，不能修改活动日期；如日期有误，请作废本活动后重新登记",
          "activity " + activityId + " has visits, date " + old.heldOn() + " → " + ok.heldOn());
    }
    jdbc.update(
        "update stations_volunteer_activity set held_on = ?, place = ?, hours = ?, content = ?"
            + " where id = ?",
        ok.heldOn(),
        ok.place(),
        ok.hours(),
        ok.content(),
        activityId);
    Activity now = activity(activityId);
    changes.record(
        RecordChanges.Kind.ACTIVITY,
        activityId,
        team.regionCode(),
        RecordChanges.Action.EDIT,
        describe(old),
        describe(now),
        why,
        scope);
    return now;
  }

  @Override
  @Transactional
  public Activity voidActivity(long teamId, long activityId, String reason, RegionScope scope) {
    Team team = require(teamId, scope, "作废志愿服务活动");
    Activity old = ownActivity(team, activityId);
    String why = RecordChanges.reason(reason, RecordChanges.Action.VOID);
    jdbc.update(
        "update stations_volunteer_activity set voided_at = ?, voided_by = ?, void_reason = ?"
            + " where id = ? and voided_at is null",
        Timestamp.from(clock.instant()),
        scope.username(),
        why,
        activityId);
    changes.record(
        RecordChanges.Kind.ACTIVITY,
        activityId,
        team.regionCode(),
        RecordChanges.Action.VOID,
        describe(old),
        null,
        why,
        scope);
    return activity(activityId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Person> people(long teamId, RegionScope scope) {
    Team team = require(teamId, scope, "查看志愿服务队");
    RegionCode region = RegionCode.parse(team.regionCode());
    List<String> townships =
        region.level() == RegionLevel.COUNTY
            ? jurisdiction.regionsUnder(region, RegionLevel.TOWNSHIP).stream()
                .map(Region::code)
                .map(RegionCode::value)
                .toList()
            : List.of(team.regionCode().substring(0, 9));
    List<Person> out = new ArrayList<>();
    for (String t : townships) {
      for (PersonView p : registry.inTownship(t, EnumSet.allOf(PersonCategory.class))) {
        String home = p.villageCode() != null ? p.villageCode() : p.townshipCode();
        if (out.size() < 1000
            && !p.isDeceased()
            && !p.hasMovedAway()
            && home != null
            && home.startsWith(team.regionCode())
            && scope.covers(RegionCode.parse(home))) {
          out.add(new Person(p.id(), p.name(), p.maskedIdNumber()));
        }
      }
    }
    return out;
  }

  private LocalDate today() {
    return Formats.chinaDate(clock.instant());
  }

  private static BusinessRuleException invalid(String code, String message, String detail) {
    return BusinessRuleException.invalid(code, message, detail);
  }
}
