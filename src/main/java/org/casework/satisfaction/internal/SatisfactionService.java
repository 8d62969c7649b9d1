package org.casework.satisfaction.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseType;
import org.casework.casefile.CaseView;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.common.Masking;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.registry.Registry;
import org.casework.satisfaction.Rating;
import org.casework.satisfaction.RatingView;
import org.casework.satisfaction.RecordRating;
import org.casework.satisfaction.Satisfaction;
import org.casework.satisfaction.SatisfactionChannel;
import org.casework.satisfaction.SpotCheck;
import org.casework.satisfaction.SpotCheck.SpotCheckCase;
import org.casework.satisfaction.StationRate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ratings, rates, spot checks: set-based SQL over satisfaction_rating and casefile_case. */
@Service
class SatisfactionService implements Satisfaction {

  private static final Logger log = LoggerFactory.getLogger(SatisfactionService.class);
  static final int MAX_REASON = 1000;

  private final JdbcTemplate jdbc;
  private final CaseFiles caseFiles;
  private final Jurisdiction jurisdiction;
  private final ScopeGuard scopeGuard;
  private final Registry registry;
  private final Clock clock;
  private final FollowUps followUps;

  SatisfactionService(
      JdbcTemplate jdbc,
      CaseFiles caseFiles,
      Jurisdiction jurisdiction,
      ScopeGuard scopeGuard,
      Registry registry,
      Clock clock,
      FollowUps followUps) {
    this.jdbc = jdbc;
    this.caseFiles = caseFiles;
    this.jurisdiction = jurisdiction;
    this.scopeGuard = scopeGuard;
    this.registry = registry;
    this.clock = clock;
    this.followUps = followUps;
  }

  @Override
  @Transactional(noRollbackFor = BusinessRuleException.class)
  public Recorded record(RecordRating r) {
    if (r.rating() == null) {
      throw BusinessRuleException.invalid(
          "SATISFACTION_RATING", "请选择满意度评价（满意、基本满意或不满意）", "no rating for " + r.caseNumber());
    }
    if (r.channel() == null) {
      throw BusinessRuleException.invalid(
          "SATISFACTION_CHANNEL", "请选择回访方式（电话回访、上门回访、问卷或随机抽查）", "no channel for " + r.caseNumber());
    }
    String reason = r.reason() == null ? "" : r.reason().strip();
    if (r.rating() == Rating.DISSATISFIED && reason.isEmpty()) {
      throw BusinessRuleException.invalid(
          "SATISFACTION_REASON",
          "评价为不满意时须填写不满意的原因",
          "dissatisfied without a reason: " + r.caseNumber());
    }
    if (reason.length() > MAX_REASON) {
      throw BusinessRuleException.invalid(
          "SATISFACTION_REASON_LENGTH", "原因不能超过1000字", "reason too long: " + r.caseNumber());
    }
    if (r.collectedBy() == null || r.collectedBy().isBlank()) {
      throw BusinessRuleException.forbidden(
          "SATISFACTION_NO_USER", "请登录后在待办中认领并办理", "rating without a collector: " + r.caseNumber());
    }
    var existing = bySource(r.caseNumber(), r.sourceKey());
    if (existing != null) {
      return new Recorded(existing, false);
    }
    CaseView c =
        caseFiles
            .find(r.caseNumber())
            .orElseThrow(
                () ->
                    BusinessRuleException.notFound(
                        "SATISFACTION_CASE", "未找到该案件", "no case " + r.caseNumber()));
    try {
      jdbc.update(
          "INSERT INTO satisfaction_rating (case_number, case_type, county_code, township_code,"
              + " village_code, rating, channel, reason, collected_by, collected_at, source_key)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          c.caseNumber(),
          c.type().name(),
          c.countyCode(),
          c.townshipCode(),
          c.villageCode(),
          r.rating().name(),
          r.channel().name(),
          reason.isEmpty() ? null : reason,
          r.collectedBy(),
          Timestamp.from(clock.instant()),
          r.sourceKey());
    } catch (DuplicateKeyException raced) {
      return new Recorded(bySource(r.caseNumber(), r.sourceKey()), false);
    }
    log.info(
        "satisfaction {} recorded for {} by {} via {}",
        r.rating(),
        r.caseNumber(),
        r.collectedBy(),
        r.channel());
    return new Recorded(bySource(r.caseNumber(), r.sourceKey()), true);
  }

  @Override
  @Transactional
  public void followUpStarted(long ratingId, String processInstanceId) {
    jdbc.update(
        "UPDATE satisfaction_rating SET follow_up_instance = ? WHERE id = ? AND follow_up_instance IS NULL",
        processInstanceId,
        ratingId);
  }

  @Override
  @Transactional(noRollbackFor = BusinessRuleException.class)
  public void recordFollowUp(long ratingId, String note, String username) {
    String text = note == null ? "" : note.strip();
    if (text.isEmpty()) {
      throw BusinessRuleException.invalid(
          "SATISFACTION_FOLLOW_UP_NOTE", "请填写回访整改情况", "follow-up without a note: " + ratingId);
    }
    if (text.length() > 2000) {
      text = text.substring(0, 2000);
    }
    jdbc.update(
        "UPDATE satisfaction_rating SET follow_up_note = ?, followed_up_by = ?, followed_up_at = ?"
            + " WHERE id = ? AND followed_up_at IS NULL",
        text,
        username,
        Timestamp.from(clock.instant()),
        ratingId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<RatingView> ofCase(String caseNumber) {
    return jdbc.query(
        "SELECT * FROM satisfaction_rating WHERE case_number = ? ORDER BY id",
        this::view,
        caseNumber);
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Optional<BigDecimal> systemRate(
      String regionCode,
      LocalDate from,
      LocalDate to,
      java.util.Set<SatisfactionChannel> channels) {
    RegionCode region = RegionCode.parse(regionCode);
    if (channels.isEmpty() || region.level() == RegionLevel.COUNTY) {
      return java.util.Optional.empty();
    }
    String in = String.join(",", channels.stream().map(c -> "'" + c.name() + "'").toList());
    Map<String, Object> n =
        jdbc.queryForMap(
            "SELECT COUNT(*) AS n, COALESCE(SUM(rating <> 'DISSATISFIED'), 0) AS ok FROM"
                + " satisfaction_rating WHERE county_code = ? AND "
                + (region.level() == RegionLevel.VILLAGE ? "village_code" : "township_code")
                + " = ? AND channel IN ("
                + in
                + ") AND collected_at >= ? AND collected_at < ?",
            region.county().value(),
            region.value(),
            dayStart(from),
            dayStart(to.plusDays(1)));
    long all = ((Number) n.get("n")).longValue();
    if (all == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        BigDecimal.valueOf(((Number) n.get("ok")).longValue())
            .divide(BigDecimal.valueOf(all), 4, java.math.RoundingMode.HALF_UP));
  }

  @Override
  @Transactional(readOnly = true)
  public List<StationRate> rates(
      String regionCode, LocalDate from, LocalDate to, RegionScope scope) {
    RegionCode region = scoped(regionCode, scope, "查看满意度");
    checkPeriod(from, to);
    BigDecimal target = targetPct(region.value());
    Map<String, long[]> counts = new LinkedHashMap<>();
    jdbc.query(
        "SELECT township_code, village_code, rating, COUNT(*) AS n FROM satisfaction_rating"
            + " WHERE county_code = ? AND township_code LIKE ? AND collected_at >= ? AND collected_at < ?"
            + " GROUP BY township_code, village_code, rating",
        rs -> {
          int i = Rating.valueOf(rs.getString("rating")).ordinal();
          long n = rs.getLong("n");
          String township = rs.getString("township_code");
          String village = rs.getString("village_code");
          counts.computeIfAbsent(township, k -> new long[3])[i] += n;
          if (village != null) {
            counts.computeIfAbsent(village, k -> new long[3])[i] += n;
          }
        },
        region.county().value(),
        region.level() == RegionLevel.COUNTY ? "%" : region.value().substring(0, 9) + "%",
        dayStart(from),
        dayStart(to.plusDays(1)));
    List<StationRate> out = new ArrayList<>();
    // every station of the region, in code order, a township before its villages
    List<String> codes =
        jdbc.queryForList(
            "SELECT code FROM jurisdiction_region WHERE code LIKE ? AND LENGTH(code) > 6 ORDER BY code",
            String.class,
            region.value() + "%");
    for (String code : codes) {
      if (region.level() == RegionLevel.VILLAGE && !code.equals(region.value())) {
        continue;
      }
      long[] n = counts.getOrDefault(code, new long[3]);
      out.add(
          new StationRate(
              code, name(code), code.length() == 9, n[0] + n[1] + n[2], n[0], n[1], n[2], target));
    }
    return out;
  }

  @Override
  @Transactional(readOnly = true)
  public List<RatingView> dissatisfied(
      String regionCode, LocalDate from, LocalDate to, RegionScope scope) {
    RegionCode region = scoped(regionCode, scope, "查看满意度");
    checkPeriod(from, to);
    return jdbc.query(
        "SELECT * FROM satisfaction_rating WHERE county_code = ? AND COALESCE(village_code, township_code) LIKE ?"
            + " AND rating = 'DISSATISFIED' AND collected_at >= ? AND collected_at < ?"
            + " ORDER BY collected_at DESC LIMIT 500",
        this::view,
        region.county().value(),
        region.value() + "%",
        dayStart(from),
        dayStart(to.plusDays(1)));
  }

  @Override
  @Transactional
  public SpotCheck spotCheck(String countyCode, LocalDate from, LocalDate to, RegionScope scope) {
    RegionCode county = scoped(countyCode, scope, "县级随机抽查");
    if (county.level() != RegionLevel.COUNTY) {
      throw BusinessRuleException.invalid(
          "SPOT_CHECK_COUNTY", "随机抽查按县（区）进行，请选择县（区）", "spot check asked for " + county);
    }
    checkPeriod(from, to);
    var drawn = existingCheck(county.value(), from, to);
    if (drawn == null) {
      draw(county.value(), from, to, scope.username());
      drawn = existingCheck(county.value(), from, to);
    }
    return drawn;
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Optional<SpotCheck> drawnSpotCheck(
      String countyCode, LocalDate from, LocalDate to, RegionScope scope) {
    RegionCode county = scoped(countyCode, scope, "县级随机抽查");
    if (county.level() != RegionLevel.COUNTY) {
      throw BusinessRuleException.invalid(
          "SPOT_CHECK_COUNTY", "随机抽查按县（区）进行，请选择县（区）", "spot check asked for " + county);
    }
    checkPeriod(from, to);
    return java.util.Optional.ofNullable(existingCheck(county.value(), from, to));
  }

  @Override
  @Transactional
  public Recorded recordSpotRating(
      long checkId, String caseNumber, Rating rating, String reason, RegionScope scope) {
    List<String> county =
        jdbc.queryForList(
            "SELECT county_code FROM satisfaction_spot_check WHERE id = ?", String.class, checkId);
    if (county.isEmpty()) {
      throw BusinessRuleException.notFound(
          "SPOT_CHECK_MISSING", "未找到该次随机抽查，请先抽取样本", "no spot check " + checkId);
    }
    scopeGuard.require(scope, new RegionCode(county.get(0)), null, "登记随机抽查评价");
    String number = caseNumber == null ? "" : caseNumber.strip();
    Integer drawn =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM satisfaction_spot_check_case WHERE spot_check_id = ? AND case_number = ?",
            Integer.class,
            checkId,
            number);
    if (drawn == null || drawn == 0) {
      throw BusinessRuleException.invalid(
          "SPOT_CHECK_NOT_DRAWN",
          "该案件不在本次随机抽查的样本中，不能登记抽查评价",
          scope.username() + " rated " + number + " outside spot check " + checkId);
    }
    Recorded recorded =
        record(
            new RecordRating(
                number,
                rating,
                SatisfactionChannel.SPOT_CHECK,
                reason,
                scope.username(),
                "spot:" + checkId));
    RatingView r = recorded.rating();
    if (r.rating() == Rating.DISSATISFIED && r.followUpInstance() == null) {
      followUpStarted(r.id(), followUps.start(null, r));
      r = bySource(number, "spot:" + checkId);
    }
    return new Recorded(r, recorded.created());
  }

  /** The seed of a county and period: the same inputs give the same seed on every machine. */
  static long seed(String county, LocalDate from, LocalDate to) {
    CRC32 crc = new CRC32();
    crc.update((county + "|" + from + "|" + to).getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  /**
   * The sample: the closed cases of the period in case-number order, shuffled by a generator seeded
   * with {@link #seed}; the first n are drawn.
   */
  static List<String> sample(List<String> population, long seed, int n) {
    List<String> pool = new ArrayList<>(population);
    Random random = new Random(seed);
    for (int i = pool.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, t);
    }
    return pool.subList(0, Math.min(n, pool.size()));
  }

  private void draw(String county, LocalDate from, LocalDate to, String username) {
    List<String> population =
        jdbc.queryForList(
            "SELECT case_number FROM casefile_case WHERE county_code = ? AND closed_at >= ?"
                + " AND closed_at < ? ORDER BY case_number",
            String.class,
            county,
            dayStart(from),
            dayStart(to.plusDays(1)));
    Map<String, Object> policy = policy(county);
    int pct = ((Number) policy.get("sample_pct")).intValue();
    int min = ((Number) policy.get("sample_min")).intValue();
    int size = Math.min(population.size(), Math.max(min, (population.size() * pct + 99) / 100));
    long seed = seed(county, from, to);
    List<String> drawn = sample(population, seed, size);
    try {
      jdbc.update(
          "INSERT INTO satisfaction_spot_check (county_code, period_from, period_to, seed, sample_size,"
              + " population, drawn_by, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          county,
          from,
          to,
          seed,
          drawn.size(),
          population.size(),
          username,
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException raced) {
      return;
    }
    Long id =
        jdbc.queryForObject(
            "SELECT id FROM satisfaction_spot_check WHERE county_code = ? AND period_from = ? AND period_to = ?",
            Long.class,
            county,
            from,
            to);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < drawn.size(); i++) {
      rows.add(new Object[] {id, i + 1, drawn.get(i)});
    }
    jdbc.batchUpdate(
        "INSERT INTO satisfaction_spot_check_case (spot_check_id, position, case_number) VALUES (?, ?, ?)",
        rows);
    log.info(
        "spot check {} drew {} of {} cases for {} {}..{} (seed {})",
        id,
        drawn.size(),
        population.size(),
        county,
        from,
        to,
        seed);
  }

  private SpotCheck existingCheck(String county, LocalDate from, LocalDate to) {
    List<Map<String, Object>> found =
        jdbc.queryForList(
            "SELECT * FROM satisfaction_spot_check WHERE county_code = ? AND period_from = ? AND period_to = ?",
            county,
            from,
            to);
    if (found.isEmpty()) {
      return null;
    }
    Map<String, Object> row = found.get(0);
    long id = ((Number) row.get("id")).longValue();
    List<SpotCheckCase> cases =
        jdbc.query(
            "SELECT s.position, s.case_number, c.case_type, c.township_code, c.applicant_person_id,"
                + " (SELECT r.rating FROM satisfaction_rating r WHERE r.case_number = s.case_number"
                + "   AND r.channel = 'SPOT_CHECK' ORDER BY r.id DESC LIMIT 1) AS spot_rating"
                + " FROM satisfaction_spot_check_case s JOIN casefile_case c ON c.case_number = s.case_number"
                + " WHERE s.spot_check_id = ? ORDER BY s.position",
            (rs, n) ->
                new SpotCheckCase(
                    rs.getInt("position"),
                    rs.getString("case_number"),
                    CaseType.valueOf(rs.getString("case_type")).label(),
                    name(rs.getString("township_code")),
                    maskedName(rs.getLong("applicant_person_id")),
                    rs.getString("spot_rating") == null
                        ? null
                        : Rating.valueOf(rs.getString("spot_rating")).label()),
            id);
    return new SpotCheck(
        id,
        county,
        from,
        to,
        ((Number) row.get("seed")).longValue(),
        ((Number) row.get("population")).intValue(),
        (String) row.get("drawn_by"),
        ((Timestamp) row.get("drawn_at")).toInstant(),
        cases);
  }

  @Override
  public BigDecimal targetPct(String regionCode) {
    return (BigDecimal) policy(regionCode).get("target_pct");
  }

  private Map<String, Object> policy(String regionCode) {
    // the most specific prefix wins; '' is the national row
    return jdbc.queryForList(
            "SELECT * FROM satisfaction_policy WHERE ? LIKE CONCAT(region_code, '%')"
                + " ORDER BY LENGTH(region_code) DESC LIMIT 1",
            regionCode)
        .get(0);
  }

  private String maskedName(long personId) {
    try {
      return Masking.name(registry.person(personId).name());
    } catch (RuntimeException unreadable) {
      return "—";
    }
  }

  private RegionCode scoped(String regionCode, RegionScope scope, String what) {
    RegionCode region =
        regionCode == null || regionCode.isBlank()
            ? scope.region()
            : RegionCode.parse(regionCode.strip());
    scopeGuard.require(scope, region, null, what);
    return region;
  }

  static void checkPeriod(LocalDate from, LocalDate to) {
    if (from == null || to == null) {
      throw BusinessRuleException.invalid("PERIOD_MISSING", "请填写统计期间的起止日期", "period missing");
    }
    if (to.isBefore(from)) {
      throw BusinessRuleException.invalid(
          "PERIOD_REVERSED", "统计期间的结束日期不能早于开始日期", "period ends " + to + " before " + from);
    }
  }

  static Timestamp dayStart(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(Formats.CHINA).toInstant());
  }

  private String name(String code) {
    try {
      return jurisdiction.findRegion(new RegionCode(code)).map(Region::name).orElse(code);
    } catch (RuntimeException malformed) {
      return code;
    }
  }

  private RatingView bySource(String caseNumber, String sourceKey) {
    return jdbc
        .query(
            "SELECT * FROM satisfaction_rating WHERE case_number = ? AND source_key = ?",
            this::view,
            caseNumber,
            sourceKey)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private RatingView view(ResultSet rs, int n) throws SQLException {
    return new RatingView(
        rs.getLong("id"),
        rs.getString("case_number"),
        rs.getString("case_type"),
        rs.getString("county_code"),
        rs.getString("township_code"),
        rs.getString("village_code"),
        Rating.valueOf(rs.getString("rating")),
        SatisfactionChannel.valueOf(rs.getString("channel")),
        rs.getString("reason"),
        rs.getString("collected_by"),
        rs.getTimestamp("collected_at").toInstant(),
        rs.getString("follow_up_instance"),
        rs.getString("follow_up_note"),
        rs.getString("followed_up_by"));
  }
}
