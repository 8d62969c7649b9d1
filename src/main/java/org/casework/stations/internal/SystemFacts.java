package org.casework.stations.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casework.stations.SheetItem;
import org.casework.stations.StationIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The items the system knows, filled for a village and quarter with where the figure comes from:
 * 一人一档 completeness from the registry (all seven statuses recorded), contact coverage and key
 * contacts visited from the contact programme, must-visit events visited, and satisfaction through
 * {@link StationIndicator} ("暂无数据" without one). Read-only SQL on the registry and contact tables,
 * like contact's coverage reads registry_person.
 */
@Component
class SystemFacts {

  /** A value to show and the points it suggests (null: nothing known). */
  record Fact(String value, BigDecimal points) {}

  private static final BigDecimal HALF = new BigDecimal("0.5");

  private final JdbcTemplate jdbc;
  private final List<StationIndicator> indicators;

  SystemFacts(JdbcTemplate jdbc, List<StationIndicator> indicators) {
    this.jdbc = jdbc;
    this.indicators = indicators;
  }

  Optional<Fact> fact(SheetItem item, String village, LocalDate from, LocalDate to) {
    if (item.source() == null) {
      return Optional.empty();
    }
    return Optional.of(
        switch (item.source()) {
          case "REGISTRY_DOSSIER" -> dossiers(item, village);
          case "CONTACT_COVERAGE" -> coverage(item, village, from, to);
          case "CONTACT_KEY_VISITS" -> keyVisits(item, village, to);
          case "EVENT_DISCHARGED" -> events(item, village, from, to, "'DISCHARGED_HOME'");
          case "EVENT_AWARD" -> events(item, village, from, to, "'AWARDED','MODEL_HERO'");
          case "EVENT_HARDSHIP" ->
              events(item, village, from, to, "'MAJOR_MISFORTUNE','ILLNESS_OR_HOSPITAL'");
          case "EVENT_DEATH" -> events(item, village, from, to, "'DEATH'");
          case "VOLUNTEER_TEAM" -> volunteerTeam(item, village, to);
          case "VOLUNTEER_ACTIVITY" -> volunteerActivity(item, village, from, to);
          case "VOLUNTEER_RECORDS" -> volunteerRecords(item, village, from, to);
          default -> indicator(item, village, from, to);
        });
  }

  private Fact dossiers(SheetItem item, String village) {
    long all =
        count(
            "select count(*) from registry_person p where p.village_code = ? and p.died_on is null"
                + " and p.moved_away_on is null",
            village);
    long complete =
        count(
            "select count(*) from registry_person p where p.village_code = ? and p.died_on is null"
                + " and p.moved_away_on is null and (select count(distinct s.kind) from"
                + " registry_status_record s where s.person_id = p.id) >= 7",
            village);
    return share("来源：服务对象档案（一人一档七项状况齐备）", complete, all, item);
  }

  private Fact coverage(SheetItem item, String village, LocalDate from, LocalDate to) {
    long all =
        count(
            "select count(*) from registry_person p where p.village_code = ? and p.died_on is null"
                + " and p.moved_away_on is null",
            village);
    long contacted =
        jdbc.queryForObject(
            "select count(distinct v.person_id) from contact_visit v join registry_person p on p.id ="
                + " v.person_id where v.village_code = ? and v.visited_on between ? and ? and"
                + " p.died_on is null and p.moved_away_on is null",
            Long.class,
            village,
            from,
            to);
    return share("来源：联系走访记录（本季度已联系）", contacted, all, item);
  }

  private Fact keyVisits(SheetItem item, String village, LocalDate to) {
    LocalDate yearStart = LocalDate.of(to.getYear(), 1, 1);
    long keys =
        count(
            "select count(distinct f.person_id) from contact_key_flag f join registry_person p on p.id"
                + " = f.person_id where p.village_code = ? and f.cleared_at is null and p.died_on is"
                + " null",
            village);
    long visited =
        jdbc.queryForObject(
            "select count(distinct f.person_id) from contact_key_flag f join registry_person p on p.id"
                + " = f.person_id where p.village_code = ? and f.cleared_at is null and p.died_on is"
                + " null and exists (select 1 from contact_visit v where v.person_id = f.person_id and"
                + " v.method = 'HOME' and v.visited_on between ? and ?)",
            Long.class,
            village,
            yearStart,
            to);
    return share("来源：联系走访记录（重点联系对象本年上门走访）", visited, keys, item);
  }

  private Fact events(SheetItem item, String village, LocalDate from, LocalDate to, String types) {
    String base =
        " from contact_event e join registry_person p on p.id = e.person_id where p.village_code"
            + " = ? and e.occurred_on between ? and ? and e.event_type in ("
            + types
            + ")";
    long all = jdbc.queryForObject("select count(*)" + base, Long.class, village, from, to);
    long visited =
        jdbc.queryForObject(
            "select count(*)"
                + base
                + " and exists (select 1 from contact_plan c where c.event_id = e.id and c.status ="
                + " 'DONE')",
            Long.class,
            village,
            from,
            to);
    if (all == 0) {
      return new Fact("来源：六必访事项（本季度无此类事项）", item.points());
    }
    return share("来源：六必访事项（已走访）", visited, all, item);
  }

  private static final String TEAMS_OF_VILLAGE =
      " from stations_volunteer_team t join stations_station s on s.id = t.station_id where"
          + " s.region_code = ? ";

  private Fact volunteerTeam(SheetItem item, String village, LocalDate to) {
    long teams =
        jdbc.queryForObject(
            "select count(*)"
                + TEAMS_OF_VILLAGE
                + "and t.founded_on <= ? and exists (select 1 from stations_volunteer_member m"
                + " where m.team_id = t.id and m.joined_on <= ? and (m.left_on is null or m.left_on"
                + " > ?))",
            Long.class,
            village,
            to,
            to,
            to);
    if (teams == 0) {
      return new Fact("来源：志愿服务队登记：未建立有队员的志愿服务队", BigDecimal.ZERO);
    }
    long members =
        jdbc.queryForObject(
            "select count(distinct m.person_id) from stations_volunteer_member m join"
                + " stations_volunteer_team t on t.id = m.team_id join stations_station s on s.id ="
                + " t.station_id where s.region_code = ? and m.joined_on <= ? and (m.left_on is"
                + " null or m.left_on > ?)",
            Long.class,
            village,
            to,
            to);
    return new Fact("来源：志愿服务队登记：" + teams + "支，队员" + members + "人", item.points());
  }

  private Fact volunteerActivity(SheetItem item, String village, LocalDate from, LocalDate to) {
    Map<String, Object> r =
        jdbc.queryForMap(
            "select count(*) n, coalesce(sum(a.hours), 0) hours from stations_volunteer_activity a"
                + " where a.team_id in (select t.id"
                + TEAMS_OF_VILLAGE
                + ") and a.held_on between ? and ? and a.voided_at is null",
            village,
            from,
            to);
    long n = ((Number) r.get("n")).longValue();
    if (n == 0) {
      return new Fact("来源：志愿服务活动记录：本季度未开展活动", BigDecimal.ZERO);
    }
    return new Fact(
        "来源：志愿服务活动记录：本季度" + n + "次，共" + ScoreRules.plain((BigDecimal) r.get("hours")) + "小时",
        item.points());
  }

  private Fact volunteerRecords(SheetItem item, String village, LocalDate from, LocalDate to) {
    String activities =
        " from stations_volunteer_activity a where a.team_id in (select t.id"
            + TEAMS_OF_VILLAGE
            + ") and a.held_on between ? and ? and a.voided_at is null";
    long all = jdbc.queryForObject("select count(*)" + activities, Long.class, village, from, to);
    if (all == 0) {
      return new Fact("来源：志愿服务活动记录：本季度无活动记录", BigDecimal.ZERO);
    }
    // date, place and hours are required by the register; 服务对象 may be missing
    long complete =
        jdbc.queryForObject(
            "select count(*)"
                + activities
                + " and exists (select 1 from stations_volunteer_served v where v.activity_id ="
                + " a.id)",
            Long.class,
            village,
            from,
            to);
    return share("来源：志愿服务活动记录（日期、地点、时长、服务对象齐全）", complete, all, item);
  }

  private Fact indicator(SheetItem item, String village, LocalDate from, LocalDate to) {
    for (StationIndicator i : indicators) {
      if (i.source().equals(item.source())) {
        Optional<BigDecimal> rate = i.rate(village, from, to);
        if (rate.isPresent()) {
          BigDecimal pct =
              rate.get().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
          BigDecimal points =
              rate.get().compareTo(new BigDecimal("0.90")) >= 0
                  ? item.points()
                  : halfPoints(item.points().multiply(rate.get()));
          return new Fact("来源：" + i.sourceLabel() + "，满意率 " + pct.toPlainString() + "%", points);
        }
        return new Fact("来源：" + i.sourceLabel() + "，暂无数据", null);
      }
    }
    return new Fact("暂无数据", null);
  }

  private Fact share(String source, long part, long whole, SheetItem item) {
    if (whole == 0) {
      return new Fact(source + "：暂无服务对象", null);
    }
    BigDecimal rate =
        BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    String pct =
        rate.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString();
    return new Fact(
        source + "：" + part + "/" + whole + "（" + pct + "%）",
        halfPoints(item.points().multiply(rate)));
  }

  /** Rounded down to half points. */
  static BigDecimal halfPoints(BigDecimal p) {
    return p.divide(HALF, 0, RoundingMode.FLOOR)
        .multiply(HALF)
        .setScale(1, RoundingMode.UNNECESSARY);
  }

  private long count(String sql, String village) {
    return jdbc.queryForObject(sql, Long.class, village);
  }
}
