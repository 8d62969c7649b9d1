package org.casework.stations.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.stations.RegisterStation;
import org.casework.stations.SpecialKind;
import org.casework.stations.StationChange;
import org.casework.stations.StationDetail;
import org.casework.stations.StationKind;
import org.casework.stations.StationStaff;
import org.casework.stations.StationSummary;
import org.casework.stations.Stations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class StationRegister implements Stations {

  private static final Logger log = LoggerFactory.getLogger(StationRegister.class);

  private final JdbcTemplate jdbc;
  private final Jurisdiction jurisdiction;
  private final ScopeGuard guard;
  private final Clock clock;

  StationRegister(JdbcTemplate jdbc, Jurisdiction jurisdiction, ScopeGuard guard, Clock clock) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.guard = guard;
    this.clock = clock;
  }

  @Override
  @Transactional
  public StationSummary register(RegisterStation s, String reason, RegionScope scope) {
    if (s.kind() == null || blank(s.name()) || blank(s.regionCode())) {
      throw invalid("STATION_FORM", "请填写服务站名称、类型和所在地区", "register form incomplete");
    }
    RegionCode region = RegionCode.parse(s.regionCode());
    jurisdiction.region(region);
    guard.require(scope, region, null, "登记服务站");
    RegionLevel expected =
        switch (s.kind()) {
          case COUNTY_CENTRE -> RegionLevel.COUNTY;
          case TOWNSHIP -> RegionLevel.TOWNSHIP;
          case VILLAGE -> RegionLevel.VILLAGE;
          case SPECIAL -> null;
        };
    if (expected != null && region.level() != expected) {
      throw invalid(
          "STATION_LEVEL",
          s.kind().label() + "须登记在" + expected.label() + "一级",
          "kind " + s.kind() + " at level " + region.level());
    }
    if ((s.kind() == StationKind.SPECIAL) != (s.specialKind() != null)) {
      throw invalid(
          "STATION_SPECIAL_KIND",
          "特色服务站须选择类别（银行网点、高速服务区、高校、商会驿站），其他服务站不选",
          "special kind mismatch");
    }
    if (s.establishmentPosts() < 0) {
      throw invalid("STATION_POSTS", "编制数不能为负数", "negative posts");
    }
    Instant now = clock.instant();
    try {
      jdbc.update(
          "insert into stations_station (region_code, kind, special_kind, name, address, phone,"
              + " contact_name, founding_document, establishment_posts, created_at) values"
              + " (?,?,?,?,?,?,?,?,?,?)",
          region.value(),
          s.kind().name(),
          s.specialKind() == null ? null : s.specialKind().name(),
          s.name().strip(),
          trim(s.address()),
          trim(s.phone()),
          trim(s.contactName()),
          trim(s.foundingDocument()),
          s.establishmentPosts(),
          Timestamp.from(now));
    } catch (DuplicateKeyException e) {
      throw BusinessRuleException.conflict(
          "STATION_EXISTS", "该地区已登记同名服务站：" + s.name(), "station exists " + region);
    }
    long id =
        jdbc.queryForObject(
            "select id from stations_station where region_code = ? and name = ?",
            Long.class,
            region.value(),
            s.name().strip());
    change(id, "登记", null, s.name().strip(), blank(reason) ? "登记服务站" : reason, scope, now);
    log.info("station {} ({} {}) registered by {}", id, s.kind(), region, scope.username());
    return summary(id);
  }

  @Override
  @Transactional(readOnly = true)
  public List<StationSummary> list(RegionScope scope) {
    return summaries(
        "s.region_code like ? order by s.region_code, s.kind, s.name limit 2000",
        scope.prefix() + "%");
  }

  @Override
  @Transactional(readOnly = true)
  public StationDetail detail(long stationId, RegionScope scope) {
    StationSummary s = require(stationId, scope, "查看服务站");
    Map<String, Object> row =
        jdbc.queryForMap(
            "select address, founding_document from stations_station where id = ?", stationId);
    List<StationStaff> staff =
        jdbc.query(
            "select * from stations_staff where station_id = ? order by removed_at is not null, id",
            (rs, i) ->
                new StationStaff(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("position"),
                    rs.getBoolean("full_time"),
                    rs.getBoolean("veteran"),
                    rs.getTimestamp("added_at").toInstant(),
                    rs.getTimestamp("removed_at") == null
                        ? null
                        : rs.getTimestamp("removed_at").toInstant()),
            stationId);
    Map<Integer, BigDecimal> funding = new TreeMap<>();
    jdbc.query(
        "select year, amount from stations_funding where station_id = ?",
        rs -> {
          funding.put(rs.getInt("year"), rs.getBigDecimal("amount"));
        },
        stationId);
    Map<String, String> kinds = roomKinds();
    List<String> rooms =
        jdbc
            .queryForList(
                "select f.room from stations_facility f join stations_room_kind k on k.code ="
                    + " f.room where f.station_id = ? order by k.sort_order",
                String.class,
                stationId)
            .stream()
            .map(kinds::get)
            .toList();
    List<StationChange> history =
        jdbc.query(
            "select * from stations_change where station_id = ? order by id desc",
            (rs, i) ->
                new StationChange(
                    rs.getString("what"),
                    rs.getString("old_value"),
                    rs.getString("new_value"),
                    rs.getString("reason"),
                    rs.getString("changed_by"),
                    rs.getTimestamp("changed_at").toInstant()),
            stationId);
    return new StationDetail(
        s,
        (String) row.get("address"),
        (String) row.get("founding_document"),
        staff,
        funding,
        rooms,
        history);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StationSummary> find(String regionCode, StationKind kind) {
    return jdbc
        .queryForList(
            "select id from stations_station where region_code = ? and kind = ? order by id limit 1",
            Long.class,
            regionCode,
            kind.name())
        .stream()
        .findFirst()
        .map(this::summary);
  }

  @Override
  @Transactional
  public void changeContact(
      long stationId,
      String contactName,
      String phone,
      String address,
      String reason,
      RegionScope scope) {
    require(stationId, scope, "修改服务站");
    requireReason(reason);
    Map<String, Object> old =
        jdbc.queryForMap(
            "select contact_name, phone, address from stations_station where id = ?", stationId);
    Instant now = clock.instant();
    diff(stationId, "联系人", old.get("contact_name"), trim(contactName), reason, scope, now);
    diff(stationId, "联系电话", old.get("phone"), trim(phone), reason, scope, now);
    diff(stationId, "地址", old.get("address"), trim(address), reason, scope, now);
    jdbc.update(
        "update stations_station set contact_name = ?, phone = ?, address = ? where id = ?",
        trim(contactName),
        trim(phone),
        trim(address),
        stationId);
  }

  @Override
  @Transactional
  public void changeFacts(
      long stationId,
      String foundingDocument,
      int establishmentPosts,
      String reason,
      RegionScope scope) {
    require(stationId, scope, "修改服务站");
    requireReason(reason);
    if (establishmentPosts < 0) {
      throw invalid("STATION_POSTS", "编制数不能为负数", "negative posts");
    }
    Map<String, Object> old =
        jdbc.queryForMap(
            "select founding_document, establishment_posts from stations_station where id = ?",
            stationId);
    Instant now = clock.instant();
    diff(
        stationId,
        "机构（成立文件）",
        old.get("founding_document"),
        trim(foundingDocument),
        reason,
        scope,
        now);
    diff(
        stationId,
        "编制",
        String.valueOf(old.get("establishment_posts")),
        String.valueOf(establishmentPosts),
        reason,
        scope,
        now);
    jdbc.update(
        "update stations_station set founding_document = ?, establishment_posts = ? where id = ?",
        trim(foundingDocument),
        establishmentPosts,
        stationId);
  }

  @Override
  @Transactional
  public StationStaff addStaff(
      long stationId,
      String name,
      String position,
      boolean fullTime,
      boolean veteran,
      String reason,
      RegionScope scope) {
    require(stationId, scope, "修改服务站");
    if (blank(name)) {
      throw invalid("STATION_STAFF_NAME", "请填写工作人员姓名", "staff without name");
    }
    Instant now = clock.instant();
    jdbc.update(
        "insert into stations_staff (station_id, name, position, full_time, veteran, added_at)"
            + " values (?,?,?,?,?,?)",
        stationId,
        name.strip(),
        trim(position),
        fullTime,
        veteran,
        Timestamp.from(now));
    long id =
        jdbc.queryForObject(
            "select max(id) from stations_staff where station_id = ?", Long.class, stationId);
    String what = name.strip() + "（" + (fullTime ? "专职" : "兼职") + (veteran ? "，退役军人" : "") + "）";
    change(stationId, "增加工作人员", null, what, blank(reason) ? "配备工作人员" : reason, scope, now);
    return new StationStaff(id, name.strip(), trim(position), fullTime, veteran, now, null);
  }

  @Override
  @Transactional
  public void removeStaff(long stationId, long staffId, String reason, RegionScope scope) {
    require(stationId, scope, "修改服务站");
    requireReason(reason);
    List<String> names =
        jdbc.queryForList(
            "select name from stations_staff where id = ? and station_id = ? and removed_at is"
                + " null",
            String.class,
            staffId,
            stationId);
    if (names.isEmpty()) {
      throw BusinessRuleException.notFound(
          "STATION_STAFF_UNKNOWN", "未找到该工作人员（或已调离）", "no active staff " + staffId);
    }
    Instant now = clock.instant();
    jdbc.update(
        "update stations_staff set removed_at = ? where id = ?", Timestamp.from(now), staffId);
    change(stationId, "工作人员调离", names.get(0), null, reason, scope, now);
  }

  @Override
  @Transactional
  public void setFunding(
      long stationId,
      int year,
      BigDecimal amount,
      String source,
      String reason,
      RegionScope scope) {
    require(stationId, scope, "修改服务站");
    if (amount == null || amount.signum() < 0 || amount.scale() > 2) {
      throw invalid("STATION_FUNDING", "经费金额应为不小于0的数字（元，最多两位小数）", "bad funding " + amount);
    }
    if (year < 2000 || year > 2100) {
      throw invalid("STATION_FUNDING_YEAR", "年份须在2000到2100之间", "funding year " + year);
    }
    List<BigDecimal> old =
        jdbc.queryForList(
            "select amount from stations_funding where station_id = ? and year = ?",
            BigDecimal.class,
            stationId,
            year);
    if (!old.isEmpty()) {
      requireReason(reason);
    }
    Instant now = clock.instant();
    jdbc.update(
        "insert into stations_funding (station_id, year, amount, source) values (?,?,?,?) on"
            + " duplicate key update amount = values(amount), source = values(source)",
        stationId,
        year,
        amount,
        trim(source));
    change(
        stationId,
        year + "年经费",
        old.isEmpty() ? null : old.get(0).toPlainString(),
        amount.toPlainString(),
        blank(reason) ? "登记经费" : reason,
        scope,
        now);
  }

  @Override
  @Transactional
  public void setRooms(long stationId, List<String> rooms, String reason, RegionScope scope) {
    require(stationId, scope, "修改服务站");
    Map<String, String> kinds = roomKinds();
    List<String> wanted = rooms == null ? List.of() : rooms.stream().distinct().toList();
    for (String r : wanted) {
      if (!kinds.containsKey(r)) {
        throw invalid("STATION_ROOM", "未知的功能室：" + r, "unknown room " + r);
      }
    }
    List<String> old =
        jdbc.queryForList(
            "select room from stations_facility where station_id = ? order by room",
            String.class,
            stationId);
    jdbc.update("delete from stations_facility where station_id = ?", stationId);
    for (String r : wanted) {
      jdbc.update("insert into stations_facility (station_id, room) values (?,?)", stationId, r);
    }
    change(
        stationId,
        "功能室",
        String.join("、", old.stream().map(kinds::get).toList()),
        String.join("、", wanted.stream().map(kinds::get).toList()),
        blank(reason) ? "登记功能室" : reason,
        scope,
        clock.instant());
  }

  @Override
  public Map<String, String> roomKinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    jdbc.query(
        "select code, label from stations_room_kind order by sort_order",
        rs -> {
          kinds.put(rs.getString("code"), rs.getString("label"));
        });
    return kinds;
  }

  /** The station inside the scope, or a recorded 403 / a 404. */
  StationSummary require(long stationId, RegionScope scope, String what) {
    List<String> region =
        jdbc.queryForList(
            "select region_code from stations_station where id = ?", String.class, stationId);
    if (region.isEmpty()) {
      throw BusinessRuleException.notFound("STATION_UNKNOWN", "未找到该服务站", "no station " + stationId);
    }
    guard.require(scope, RegionCode.parse(region.get(0)), null, what);
    return summary(stationId);
  }

  StationSummary summary(long id) {
    List<StationSummary> one = summaries("s.id = ?", id);
    if (one.isEmpty()) {
      throw new org.springframework.dao.EmptyResultDataAccessException(1);
    }
    return one.get(0);
  }

  /**
   * The stations matching {@code where} (on {@code stations_station s}) with their staff, this
   * year's funding and rooms in one statement, and their regions' recipients in one more (not four
   * statements per station).
   */
  private List<StationSummary> summaries(String where, Object... args) {
    int year = Formats.chinaDate(clock.instant()).getYear();
    Object[] all = new Object[args.length + 1];
    all[0] = year;
    System.arraycopy(args, 0, all, 1, args.length);
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select s.*,"
                + " (select coalesce(sum(f.full_time),0) from stations_staff f where f.station_id ="
                + " s.id and f.removed_at is null) ft,"
                + " (select coalesce(sum(not f.full_time),0) from stations_staff f where"
                + " f.station_id = s.id and f.removed_at is null) pt,"
                + " (select coalesce(sum(f.veteran),0) from stations_staff f where f.station_id ="
                + " s.id and f.removed_at is null) vet,"
                + " (select u.amount from stations_funding u where u.station_id = s.id and u.year ="
                + " ?) funding,"
                + " (select count(*) from stations_facility x where x.station_id = s.id) rooms"
                + " from stations_station s where "
                + where,
            all);
    Map<String, Long> recipients =
        recipients(
            rows.stream()
                .filter(r -> !"SPECIAL".equals(r.get("kind")))
                .map(r -> (String) r.get("region_code"))
                .distinct()
                .toList());
    List<StationSummary> out = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      out.add(summary(r, recipients));
    }
    return out;
  }

  private StationSummary summary(Map<String, Object> r, Map<String, Long> recipientsByRegion) {
    long id = ((Number) r.get("id")).longValue();
    String region = (String) r.get("region_code");
    StationKind kind = StationKind.valueOf((String) r.get("kind"));
    String special = (String) r.get("special_kind");
    int fullTime = ((Number) r.get("ft")).intValue();
    int partTime = ((Number) r.get("pt")).intValue();
    BigDecimal funding = (BigDecimal) r.get("funding");
    int rooms = ((Number) r.get("rooms")).intValue();
    long recipients = kind == StationKind.SPECIAL ? 0 : recipientsByRegion.getOrDefault(region, 0L);
    List<String> gaps = new ArrayList<>();
    if (kind == StationKind.TOWNSHIP && fullTime < 2) {
      gaps.add("乡镇（街道）服务站专职人员不足2人（现有" + fullTime + "人）");
    }
    if (kind == StationKind.VILLAGE && fullTime + partTime == 0) {
      gaps.add("村（社区）服务站未明确工作人员");
    }
    String regionName =
        jurisdiction.findRegion(RegionCode.parse(region)).map(Region::name).orElse(region);
    return new StationSummary(
        id,
        region,
        regionName,
        kind,
        special == null ? null : SpecialKind.valueOf(special),
        (String) r.get("name"),
        (String) r.get("contact_name"),
        (String) r.get("phone"),
        fullTime,
        partTime,
        ((Number) r.get("vet")).intValue(),
        funding,
        rooms,
        recipients,
        r.get("founding_document") != null,
        ((Number) r.get("establishment_posts")).intValue(),
        gaps);
  }

  /**
   * {@link #recipients(String)} for several regions: townships and villages in one grouped
   * statement, a county (6 digits) by its own.
   */
  private Map<String, Long> recipients(List<String> regions) {
    Map<String, Long> out = new java.util.HashMap<>();
    List<String> townships = regions.stream().filter(c -> c.length() == 9).toList();
    List<String> villages = regions.stream().filter(c -> c.length() == 12).toList();
    for (String c : regions) {
      if (c.length() != 9 && c.length() != 12) {
        out.put(c, recipients(c));
      }
    }
    if (townships.isEmpty() && villages.isEmpty()) {
      return out;
    }
    List<String> conditions = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (!townships.isEmpty()) {
      conditions.add("township_code in (" + marks(townships.size()) + ")");
      args.addAll(townships);
    }
    if (!villages.isEmpty()) {
      conditions.add("village_code in (" + marks(villages.size()) + ")");
      args.addAll(villages);
    }
    java.util.Set<String> wantedTownships = new java.util.HashSet<>(townships);
    java.util.Set<String> wantedVillages = new java.util.HashSet<>(villages);
    jdbc.query(
        "select township_code, village_code, count(*) n from registry_person where died_on is null"
            + " and moved_away_on is null and ("
            + String.join(" or ", conditions)
            + ") group by township_code, village_code",
        rs -> {
          String t = rs.getString(1);
          String v = rs.getString(2);
          long n = rs.getLong(3);
          if (wantedTownships.contains(t)) {
            out.merge(t, n, Long::sum);
          }
          if (v != null && wantedVillages.contains(v)) {
            out.merge(v, n, Long::sum);
          }
        },
        args.toArray());
    return out;
  }

  private static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  /**
   * Service recipients registered in the region, alive and not moved away (registry, read-only).
   */
  long recipients(String regionCode) {
    String column = regionCode.length() == 12 ? "village_code" : "township_code";
    if (regionCode.length() == 6) {
      return jdbc.queryForObject(
          "select count(*) from registry_person where township_code like ? and died_on is null"
              + " and moved_away_on is null",
          Long.class,
          regionCode + "%");
    }
    return jdbc.queryForObject(
        "select count(*) from registry_person where "
            + column
            + " = ? and died_on is null and moved_away_on is null",
        Long.class,
        regionCode);
  }

  private void diff(
      long id, String what, Object old, String now, String reason, RegionScope scope, Instant at) {
    String o = old == null ? null : old.toString();
    if (!java.util.Objects.equals(o, now)) {
      change(id, what, o, now, reason, scope, at);
    }
  }

  private void change(
      long id, String what, String old, String now, String reason, RegionScope scope, Instant at) {
    jdbc.update(
        "insert into stations_change (station_id, what, old_value, new_value, reason, changed_by,"
            + " changed_at) values (?,?,?,?,?,?,?)",
        id,
        what,
        old,
        now,
        reason.strip(),
        scope.username(),
        Timestamp.from(at));
  }

  private static void requireReason(String reason) {
    if (blank(reason)) {
      throw invalid("STATION_REASON", "请填写变更原因", "change without reason");
    }
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static BusinessRuleException invalid(String code, String message, String detail) {
    return BusinessRuleException.invalid(code, message, detail);
  }
}
