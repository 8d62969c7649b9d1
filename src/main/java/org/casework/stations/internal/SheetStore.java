package org.casework.stations.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.casework.common.BusinessRuleException;
import org.casework.stations.BonusTier;
import org.casework.stations.ItemKind;
import org.casework.stations.ScoreSheet;
import org.casework.stations.SheetItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Score sheets from the database (rows never change once written: cached by id). */
@Component
class SheetStore {

  private final JdbcTemplate jdbc;
  private final Map<Long, ScoreSheet> cache = new ConcurrentHashMap<>();

  SheetStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The sheet in force for the region on the day: the most local, then the latest version. */
  ScoreSheet inForce(String regionCode, LocalDate day) {
    List<Long> ids =
        jdbc.queryForList(
            "select id from stations_sheet where ? like concat(region_prefix, '%') and valid_from"
                + " <= ? and (valid_to is null or valid_to >= ?) order by length(region_prefix)"
                + " desc, valid_from desc, version desc limit 1",
            Long.class, regionCode, day, day);
    if (ids.isEmpty()) {
      throw BusinessRuleException.notFound(
          "STATION_NO_SHEET",
          "本地区在 " + day + " 没有有效的验收评分表，请联系管理员",
          "no sheet for " + regionCode + " on " + day);
    }
    return sheet(ids.get(0));
  }

  List<ScoreSheet> all() {
    return jdbc
        .queryForList("select id from stations_sheet order by code, version", Long.class)
        .stream()
        .map(this::sheet)
        .toList();
  }

  ScoreSheet sheet(long id) {
    return cache.computeIfAbsent(id, this::load);
  }

  private ScoreSheet load(long id) {
    Map<String, Object> s = jdbc.queryForMap("select * from stations_sheet where id = ?", id);
    List<SheetItem> items = new ArrayList<>();
    jdbc.query(
        "select * from stations_sheet_item where sheet_id = ? order by sort_order",
        rs -> {
          String code = rs.getString("code");
          List<BonusTier> tiers =
              jdbc.query(
                  "select tier, label, points from stations_sheet_tier where sheet_id = ? and"
                      + " item_code = ? order by tier",
                  (t, i) ->
                      new BonusTier(
                          t.getInt("tier"), t.getString("label"), t.getBigDecimal("points")),
                  id,
                  code);
          items.add(
              new SheetItem(
                  code,
                  rs.getInt("group_no"),
                  rs.getString("group_name"),
                  ItemKind.valueOf(rs.getString("kind")),
                  rs.getString("text"),
                  rs.getBigDecimal("points"),
                  rs.getString("source"),
                  tiers));
        },
        id);
    return new ScoreSheet(
        id,
        (String) s.get("code"),
        ((Number) s.get("version")).intValue(),
        (String) s.get("name"),
        (String) s.get("region_prefix"),
        ((java.sql.Date) s.get("valid_from")).toLocalDate(),
        s.get("valid_to") == null ? null : ((java.sql.Date) s.get("valid_to")).toLocalDate(),
        (java.math.BigDecimal) s.get("total_points"),
        (java.math.BigDecimal) s.get("pass_mark"),
        (java.math.BigDecimal) s.get("bonus_cap"),
        s.get("max_recipients") == null ? null : ((Number) s.get("max_recipients")).intValue(),
        List.copyOf(items));
  }
}
