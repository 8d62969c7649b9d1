package org.casework.stations.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.stations.StationStars;
import org.casework.stations.StationSummary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class StarService implements StationStars {

  private final JdbcTemplate jdbc;
  private final StationRegister register;
  private final Clock clock;

  StarService(JdbcTemplate jdbc, StationRegister register, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.clock = clock;
  }

  @Override
  public List<StarRule> rules(String regionCode, LocalDate day) {
    List<Map<String, Object>> head =
        jdbc.queryForList(
            "select region_prefix, version from stations_star_rule where ? like"
                + " concat(region_prefix, '%') and valid_from <= ? order by length(region_prefix)"
                + " desc, version desc limit 1",
            regionCode, day);
    if (head.isEmpty()) {
      throw BusinessRuleException.notFound(
          "STATION_NO_STAR_RULES", "本地区没有有效的星级评定规则", "no star rules for " + regionCode);
    }
    return jdbc.query(
        "select * from stations_star_rule where region_prefix = ? and version = ? order by stars"
            + " desc",
        (rs, i) ->
            new StarRule(
                rs.getInt("stars"),
                rs.getBigDecimal("min_score"),
                rs.getBoolean("need_five_has"),
                rs.getString("label"),
                rs.getInt("version")),
        head.get(0).get("region_prefix"),
        head.get(0).get("version"));
  }

  @Override
  @Transactional
  public Rating rate(long stationId, int year, RegionScope scope) {
    StationSummary s = register.require(stationId, scope, "服务站评星");
    if (scope.region().level() != RegionLevel.COUNTY) {
      throw BusinessRuleException.forbidden(
          "STATION_STAR_LEVEL", "星级评定由县级退役军人事务部门开展", "star rating by " + scope.role());
    }
    List<Map<String, Object>> best =
        jdbc.queryForList(
            "select final_score, vetoed from stations_acceptance where station_id = ? and period"
                + " like ? and status = 'FINAL' order by vetoed, final_score desc limit 1",
            stationId,
            year + "Q%");
    if (best.isEmpty()) {
      throw BusinessRuleException.invalid(
          "STATION_STAR_NO_ACCEPTANCE",
          s.name() + year + "年尚无完成的验收，不能评星",
          "no final acceptance of " + stationId + " in " + year);
    }
    BigDecimal score = (BigDecimal) best.get(0).get("final_score");
    boolean vetoed = Boolean.TRUE.equals(best.get(0).get("vetoed"));
    boolean fiveHas =
        s.hasInstitution()
            && s.hasStaff()
            && s.establishmentPosts() >= 0
            && s.hasFunding()
            && s.hasRooms();
    LocalDate day = LocalDate.of(year, 12, 31);
    List<StarRule> rules = rules(s.regionCode(), day);
    StarRule hit =
        rules.stream()
            .filter(r -> score.compareTo(r.minScore()) >= 0)
            .filter(r -> !r.needFiveHas() || fiveHas)
            .filter(r -> !vetoed || r.minScore().signum() == 0)
            .findFirst()
            .orElse(rules.get(rules.size() - 1));
    String prefix =
        jdbc.queryForObject(
            "select region_prefix from stations_star_rule where ? like concat(region_prefix, '%')"
                + " and valid_from <= ? order by length(region_prefix) desc, version desc limit 1",
            String.class, s.regionCode(), day);
    String basis =
        hit.label()
            + "（最高验收得分 "
            + ScoreRules.plain(score)
            + (vetoed ? "，一票否决" : "")
            + (fiveHas ? "，五有齐全" : "，五有不全")
            + "）";
    jdbc.update(
        "insert into stations_rating (station_id, year, stars, score, rule_prefix, rule_version,"
            + " basis, rated_by, rated_at) values (?,?,?,?,?,?,?,?,?)",
        stationId,
        year,
        hit.stars(),
        score,
        prefix,
        hit.version(),
        basis,
        scope.username(),
        Timestamp.from(clock.instant()));
    return history(stationId, scope).get(0);
  }

  private static final String RATING =
      "select r.*, s.name from stations_rating r join stations_station s on s.id = r.station_id ";

  private static Rating rating(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Rating(
        rs.getLong("station_id"),
        rs.getString("name"),
        rs.getInt("year"),
        rs.getInt("stars"),
        rs.getBigDecimal("score"),
        rs.getString("basis"),
        rs.getString("rated_by"),
        rs.getTimestamp("rated_at").toInstant());
  }

  @Override
  @Transactional(readOnly = true)
  public List<Rating> current(RegionScope scope) {
    return jdbc.query(
        RATING
            + "where s.region_code like ? and r.id = (select max(x.id) from stations_rating x where"
            + " x.station_id = r.station_id) order by r.stars desc, s.region_code",
        (rs, i) -> rating(rs),
        scope.prefix() + "%");
  }

  @Override
  @Transactional(readOnly = true)
  public List<Rating> history(long stationId, RegionScope scope) {
    register.require(stationId, scope, "查看服务站星级");
    return jdbc.query(
        RATING + "where r.station_id = ? order by r.id desc", (rs, i) -> rating(rs), stationId);
  }

  private int stars(long stationId) {
    return jdbc
        .queryForList(
            "select stars from stations_rating where station_id = ? order by id desc limit 1",
            Integer.class,
            stationId)
        .stream()
        .findFirst()
        .orElse(0);
  }

  @Override
  @Transactional
  public Pair pair(long mentorId, long menteeId, RegionScope scope) {
    StationSummary mentor = register.require(mentorId, scope, "五星帮带三星结对");
    StationSummary mentee = register.require(menteeId, scope, "五星帮带三星结对");
    if (scope.region().level() != RegionLevel.COUNTY) {
      throw BusinessRuleException.forbidden(
          "STATION_PAIR_LEVEL", "五星帮带三星结对由县级确定", "pair by " + scope.role());
    }
    if (stars(mentorId) != 5) {
      throw BusinessRuleException.invalid(
          "STATION_PAIR_MENTOR", mentor.name() + "不是五星级服务站，不能作为帮带方", "mentor not 5 stars");
    }
    if (stars(menteeId) != 3) {
      throw BusinessRuleException.invalid(
          "STATION_PAIR_MENTEE", mentee.name() + "不是三星级服务站，不能作为被帮带方", "mentee not 3 stars");
    }
    try {
      jdbc.update(
          "insert into stations_pair (mentor_id, mentee_id, since, created_by, created_at) values"
              + " (?,?,?,?,?)",
          mentorId,
          menteeId,
          Formats.chinaDate(clock.instant()),
          scope.username(),
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException e) {
      throw BusinessRuleException.conflict("STATION_PAIR_EXISTS", "这两个服务站已结对", "pair exists");
    }
    return pairs(scope).stream()
        .filter(p -> p.mentorId() == mentorId && p.menteeId() == menteeId)
        .findFirst()
        .orElseThrow();
  }

  @Override
  @Transactional
  public Pair recordVisit(long pairId, LocalDate visitedOn, String note, RegionScope scope) {
    List<Long> mentee =
        jdbc.queryForList("select mentee_id from stations_pair where id = ?", Long.class, pairId);
    if (mentee.isEmpty()) {
      throw BusinessRuleException.notFound("STATION_PAIR_UNKNOWN", "未找到该结对", "no pair " + pairId);
    }
    register.require(mentee.get(0), scope, "登记帮带走访");
    if (visitedOn == null || note == null || note.isBlank()) {
      throw BusinessRuleException.invalid("STATION_PAIR_VISIT", "请填写帮带日期和内容", "visit incomplete");
    }
    if (visitedOn.isAfter(Formats.chinaDate(clock.instant()))) {
      throw BusinessRuleException.invalid(
          "STATION_PAIR_VISIT_DATE", "帮带日期不能晚于今天", "visit in future");
    }
    jdbc.update(
        "insert into stations_pair_visit (pair_id, visited_on, note, recorded_by, recorded_at)"
            + " values (?,?,?,?,?)",
        pairId,
        visitedOn,
        note.strip(),
        scope.username(),
        Timestamp.from(clock.instant()));
    return pairs(scope).stream().filter(p -> p.id() == pairId).findFirst().orElseThrow();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Pair> pairs(RegionScope scope) {
    return jdbc.query(
        "select p.*, m.name mentor_name, e.name mentee_name from stations_pair p join"
            + " stations_station m on m.id = p.mentor_id join stations_station e on e.id ="
            + " p.mentee_id where e.region_code like ? order by p.id",
        (rs, i) ->
            new Pair(
                rs.getLong("id"),
                rs.getLong("mentor_id"),
                rs.getString("mentor_name"),
                rs.getLong("mentee_id"),
                rs.getString("mentee_name"),
                rs.getDate("since").toLocalDate(),
                jdbc.query(
                    "select * from stations_pair_visit where pair_id = ? order by visited_on",
                    (v, j) ->
                        new PairVisit(
                            v.getDate("visited_on").toLocalDate(),
                            v.getString("note"),
                            v.getString("recorded_by")),
                    rs.getLong("id"))),
        scope.prefix() + "%");
  }
}
