package org.casework.stations.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casework.attachments.AttachmentOwner;
import org.casework.attachments.AttachmentView;
import org.casework.attachments.Attachments;
import org.casework.audit.AuditKind;
import org.casework.audit.AuditLog;
import org.casework.audit.PersonRecordAccessed;
import org.casework.clocks.BusinessCalendar;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.CandidateGroups;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.stations.AcceptanceStatus;
import org.casework.stations.AcceptanceView;
import org.casework.stations.Correction;
import org.casework.stations.EntryView;
import org.casework.stations.ItemKind;
import org.casework.stations.ItemScore;
import org.casework.stations.Progress;
import org.casework.stations.ScoreResult;
import org.casework.stations.ScoreSheet;
import org.casework.stations.SheetItem;
import org.casework.stations.SpotCheck;
import org.casework.stations.StatementRow;
import org.casework.stations.StatementView;
import org.casework.stations.StationAcceptance;
import org.casework.stations.StationKind;
import org.casework.stations.StationSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AcceptanceService implements StationAcceptance {

  private static final Logger log = LoggerFactory.getLogger(AcceptanceService.class);

  private final JdbcTemplate jdbc;
  private final StationRegister register;
  private final SheetStore sheets;
  private final SystemFacts facts;
  private final StationWorkers engine;
  private final Attachments attachments;
  private final BusinessCalendar calendar;
  private final Jurisdiction jurisdiction;
  private final ScopeGuard guard;
  private final StatementFiles files;
  private final AuditLog audit;
  private final Clock clock;
  private final BigDecimal sampleRate;
  private final BigDecimal excellentScore;

  AcceptanceService(
      JdbcTemplate jdbc,
      StationRegister register,
      SheetStore sheets,
      SystemFacts facts,
      StationWorkers engine,
      Attachments attachments,
      BusinessCalendar calendar,
      Jurisdiction jurisdiction,
      ScopeGuard guard,
      StatementFiles files,
      AuditLog audit,
      Clock clock,
      @Value("${casework.stations.spot-check-rate:0.3}") BigDecimal sampleRate,
      @Value("${casework.stations.excellent-score:95}") BigDecimal excellentScore) {
    this.jdbc = jdbc;
    this.register = register;
    this.sheets = sheets;
    this.facts = facts;
    this.engine = engine;
    this.attachments = attachments;
    this.calendar = calendar;
    this.jurisdiction = jurisdiction;
    this.guard = guard;
    this.files = files;
    this.audit = audit;
    this.clock = clock;
    this.sampleRate = sampleRate;
    this.excellentScore = excellentScore;
  }

  @Override
  public ScoreSheet sheetInForce(String regionCode, LocalDate day) {
    return sheets.inForce(regionCode, day);
  }

  @Override
  public List<ScoreSheet> sheets() {
    return sheets.all();
  }

  // ---------------------------------------------------------------- open

  @Override
  @Transactional
  public AcceptanceView open(long stationId, RegionScope scope) {
    StationSummary station = register.require(stationId, scope, "开启服务站验收");
    if (station.kind() != StationKind.VILLAGE) {
      throw invalid("STATION_NOT_VILLAGE", "验收评分表用于村（社区）服务站", "acceptance of " + station.kind());
    }
    if (scope.role() != Role.VILLAGE_LIAISON && scope.role() != Role.TOWNSHIP_HEAD) {
      throw forbidden("STATION_OPEN_ROLE", "由村（社区）联络员或乡镇分管领导开启验收", "open by " + scope.role());
    }
    LocalDate today = today();
    Quarter q = Quarter.of(today);
    List<Long> existing =
        jdbc.queryForList(
            "select id from stations_acceptance where station_id = ? and period = ?",
            Long.class,
            stationId,
            q.key());
    if (!existing.isEmpty()) {
      return get(existing.get(0), scope);
    }
    ScoreSheet sheet = sheets.inForce(station.regionCode(), today);
    if (sheet.maxRecipients() != null && station.recipients() >= sheet.maxRecipients()) {
      throw invalid(
          "STATION_SHEET_NOT_APPLICABLE",
          "本评分表适用于服务对象少于" + sheet.maxRecipients() + "人的村站（本站" + station.recipients() + "人）",
          "station " + stationId + " has " + station.recipients() + " recipients");
    }
    RegionCode village = RegionCode.parse(station.regionCode());
    RegionCode township = village.parent().orElseThrow();
    Instant now = clock.instant();
    jdbc.update(
        "insert into stations_acceptance (station_id, region_code, township_code, period,"
            + " sheet_id, status, opened_by, opened_at) values (?,?,?,?,?,'SELF',?,?)",
        stationId,
        village.value(),
        township.value(),
        q.key(),
        sheet.id(),
        scope.username(),
        Timestamp.from(now));
    long id =
        jdbc.queryForObject(
            "select id from stations_acceptance where station_id = ? and period = ?",
            Long.class,
            stationId,
            q.key());
    for (SheetItem item : sheet.items()) {
      var fact = facts.fact(item, village.value(), q.start(), q.end());
      jdbc.update(
          "insert into stations_entry (acceptance_id, item_code, self_points, system_value,"
              + " system_points) values (?,?,?,?,?)",
          id,
          item.code(),
          fact.map(SystemFacts.Fact::points).orElse(null),
          fact.map(SystemFacts.Fact::value).orElse(null),
          fact.map(SystemFacts.Fact::points).orElse(null));
    }
    Map<String, Object> v = new HashMap<>();
    v.put("acceptanceId", id);
    v.put("stationName", station.name());
    v.put("period", q.label());
    v.put("selfTaskName", "服务站自评：" + station.name() + "（" + q.label() + "）");
    v.put("scoringTaskName", "乡镇评分：" + station.name() + "（" + q.label() + "）");
    v.put("spotCheckTaskName", "县级抽查复核：" + station.name() + "（" + q.label() + "）");
    v.put("liaisonGroup", CandidateGroups.of(village, Role.VILLAGE_LIAISON));
    v.put("townshipGroup", CandidateGroups.of(township, Role.TOWNSHIP_HEAD));
    v.put("countyGroup", CandidateGroups.of(village.county(), Role.COUNTY_CASEWORKER));
    String instance = engine.start(id, v);
    jdbc.update(
        "update stations_acceptance set process_instance_id = ? where id = ?", instance, id);
    log.info(
        "acceptance {} of station {} for {} opened by {}",
        id,
        stationId,
        q.key(),
        scope.username());
    return get(id, scope);
  }

  // ---------------------------------------------------------------- read

  @Override
  @Transactional(readOnly = true)
  public AcceptanceView get(long acceptanceId, RegionScope scope) {
    AcceptanceView head = head(acceptanceId);
    guard.require(scope, RegionCode.parse(head.regionCode()), null, "查看服务站验收");
    return withEntries(head);
  }

  @Override
  @Transactional(readOnly = true)
  public List<AcceptanceView> ofStation(long stationId, RegionScope scope) {
    register.require(stationId, scope, "查看服务站验收");
    return jdbc
        .queryForList(
            "select id from stations_acceptance where station_id = ? order by period desc",
            Long.class,
            stationId)
        .stream()
        .map(this::head)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<AcceptanceView> ofPeriod(String period, RegionScope scope) {
    Quarter.parse(period);
    return jdbc
        .queryForList(
            "select id from stations_acceptance where period = ? and region_code like ? order by"
                + " region_code",
            Long.class,
            period,
            scope.prefix() + "%")
        .stream()
        .map(this::head)
        .toList();
  }

  // ---------------------------------------------------------------- self-assessment

  @Override
  @Transactional
  public AttachmentView addEvidence(
      long acceptanceId, String itemCode, String fileName, byte[] content, RegionScope scope) {
    AcceptanceView a = head(acceptanceId);
    guard.require(scope, RegionCode.parse(a.regionCode()), null, "上传验收佐证材料");
    requireStatus(a, AcceptanceStatus.SELF, "自评已提交，不能再上传佐证材料");
    SheetItem item =
        a.sheet()
            .item(itemCode)
            .orElseThrow(
                () ->
                    invalid(
                        "STATION_ITEM_UNKNOWN", "评分表中没有第" + itemCode + "项", "no item " + itemCode));
    return attachments.store(
        AttachmentOwner.STATION_ITEM,
        acceptanceId + ":" + item.code(),
        a.regionCode(),
        fileName,
        content,
        scope.username());
  }

  @Override
  @Transactional
  public AcceptanceView submitSelfAssessment(
      long acceptanceId, List<ItemScore> scores, Map<String, String> notes, RegionScope scope) {
    AcceptanceView a = head(acceptanceId);
    guard.require(scope, RegionCode.parse(a.regionCode()), null, "提交服务站自评");
    if (scope.role() != Role.VILLAGE_LIAISON) {
      throw forbidden("STATION_SELF_ROLE", "自评由本村（社区）联络员提交", "self-assessment by " + scope.role());
    }
    requireStatus(a, AcceptanceStatus.SELF, "本季度自评已提交，不能重复提交");
    ScoreResult r = ScoreRules.evaluate(a.sheet(), scores, ScoreRules.Scorer.SELF);
    for (ItemScore s : scores) {
      String note = notes == null ? null : trim(notes.get(s.itemCode()), 500);
      jdbc.update(
          "update stations_entry set self_points = ?, self_tier = ?, self_note = ? where"
              + " acceptance_id = ? and item_code = ?",
          s.points(),
          s.tier(),
          note,
          acceptanceId,
          s.itemCode());
    }
    jdbc.update(
        "update stations_acceptance set status = 'SUBMITTED', self_score = ?, submitted_by = ?,"
            + " submitted_at = ? where id = ? and status = 'SELF'",
        r.finalScore(),
        scope.username(),
        Timestamp.from(clock.instant()),
        acceptanceId);
    engine.complete(a.processInstanceId(), "Task_SelfAssessment", scope);
    log.info(
        "acceptance {} self-assessed {} by {}", acceptanceId, r.finalScore(), scope.username());
    return get(acceptanceId, scope);
  }

  // ---------------------------------------------------------------- township scoring

  @Override
  @Transactional
  public AcceptanceView score(
      long acceptanceId, List<ItemScore> scores, String remarks, RegionScope scope) {
    AcceptanceView a = head(acceptanceId);
    guard.require(scope, RegionCode.parse(a.regionCode()), null, "服务站验收评分");
    if (scope.role() != Role.TOWNSHIP_HEAD || !scope.region().value().equals(a.townshipCode())) {
      throw forbidden("STATION_SCORE_ROLE", "村站验收由所在乡镇（街道）分管领导评分", "score by " + scope.role());
    }
    requireStatus(
        a,
        AcceptanceStatus.SUBMITTED,
        a.status() == AcceptanceStatus.SELF ? "村站尚未提交自评，暂不能评分" : "本站本季度已评分，不能重复评分");
    ScoreResult r = ScoreRules.evaluate(a.sheet(), scores, ScoreRules.Scorer.TOWNSHIP);
    for (ItemScore s : scores) {
      SheetItem item = a.sheet().item(s.itemCode()).orElseThrow();
      BigDecimal points =
          item.kind() == ItemKind.VETO
              ? null
              : item.kind() == ItemKind.BONUS && s.tier() == null ? null : s.points();
      String reason =
          item.kind() == ItemKind.VETO
              ? (s.veto() ? trim(s.reason(), 500) : null)
              : trim(s.reason(), 500);
      if (item.kind() == ItemKind.BONUS && s.tier() != null && points == null) {
        points =
            item.tiers().stream()
                .filter(t -> t.tier() == s.tier())
                .findFirst()
                .orElseThrow()
                .points();
      }
      jdbc.update(
          "update stations_entry set points = ?, tier = ?, reason = ? where acceptance_id = ? and"
              + " item_code = ?",
          points,
          s.tier(),
          reason,
          acceptanceId,
          s.itemCode());
    }
    jdbc.update(
        "update stations_acceptance set status = 'SCORED', base_score = ?, bonus = ?, vetoed = ?,"
            + " final_score = ?, passed = ?, remarks = ?, scored_by = ?, scored_at = ? where id ="
            + " ? and status = 'SUBMITTED'",
        r.base(),
        r.bonus(),
        r.vetoed(),
        r.finalScore(),
        r.passed(),
        trim(remarks, 500),
        scope.username(),
        Timestamp.from(clock.instant()),
        acceptanceId);
    engine.complete(a.processInstanceId(), "Task_TownshipScoring", scope);
    log.info(
        "acceptance {} scored {} (+{} bonus, veto {}) by {}",
        acceptanceId,
        r.base(),
        r.bonus(),
        r.vetoed(),
        scope.username());
    return get(acceptanceId, scope);
  }

  // ---------------------------------------------------------------- statement

  @Override
  @Transactional(readOnly = true)
  public List<StatementRow> previewStatement(
      String townshipCode, String period, RegionScope scope) {
    RegionCode township = township(townshipCode);
    guard.require(scope, township, null, "查看季度汇总表");
    return rows(township.value(), Quarter.parse(period).key());
  }

  @Override
  @Transactional
  public StatementView sendStatement(String townshipCode, String period, RegionScope scope) {
    RegionCode township = township(townshipCode);
    guard.require(scope, township, null, "报送季度汇总表");
    if (scope.role() != Role.TOWNSHIP_HEAD || !scope.region().equals(township)) {
      throw forbidden(
          "STATION_STATEMENT_ROLE", "季度汇总表由本乡镇（街道）分管领导报送", "statement by " + scope.role());
    }
    Quarter q = Quarter.parse(period);
    LocalDate today = today();
    Window w = window(township.value(), q);
    if (today.isBefore(w.opens())) {
      throw invalid(
          "STATION_QUARTER_NOT_ENDED",
          q.label() + "尚未到报送期（" + Formats.date(w.opens()) + "起方可报送）",
          "statement " + q.key() + " before " + w.opens());
    }
    Optional<StatementView> sent = statement(township.value(), q.key());
    if (sent.isPresent()) {
      throw BusinessRuleException.conflict(
          "STATION_STATEMENT_SENT",
          q.label()
              + "汇总表已于 "
              + Formats.date(Formats.chinaDate(sent.get().sentAt()))
              + " 报送，不能重复报送",
          "statement " + township + " " + q.key() + " already sent");
    }
    List<StatementRow> rows = rows(township.value(), q.key());
    List<Long> scored =
        jdbc.queryForList(
            "select id from stations_acceptance where township_code = ? and period = ? and status"
                + " = 'SCORED' order by id",
            Long.class,
            township.value(),
            q.key());
    if (scored.isEmpty()) {
      throw invalid(
          "STATION_STATEMENT_EMPTY", "本乡镇" + q.label() + "尚无已评分的村站，暂不能报送", "nothing scored");
    }
    for (Long id : scored) {
      String instance = head(id).processInstanceId();
      if (!engine.waitingAt(instance, "Catch_StatementSent")) {
        throw BusinessRuleException.conflict(
            "STATION_STILL_PROCESSING",
            head(id).stationName() + "的评分仍在处理中，请稍后再报送",
            "acceptance " + id + " not waiting for the statement");
      }
    }
    LocalDate due = w.due();
    Instant now = clock.instant();
    boolean late = today.isAfter(due);
    jdbc.update(
        "insert into stations_statement (township_code, period, due_on, sent_by, sent_at, late)"
            + " values (?,?,?,?,?,?)",
        township.value(),
        q.key(),
        due,
        scope.username(),
        Timestamp.from(now),
        late);
    long statementId =
        jdbc.queryForObject(
            "select id from stations_statement where township_code = ? and period = ?",
            Long.class,
            township.value(),
            q.key());
    for (StatementRow r : rows) {
      jdbc.update(
          "insert into stations_statement_row (statement_id, line_no, station_name, score, passed,"
              + " contact_name, phone, remarks) values (?,?,?,?,?,?,?,?)",
          statementId,
          r.lineNo(),
          r.stationName(),
          r.score(),
          r.passed(),
          r.contactName(),
          r.phone(),
          r.remarks());
    }
    Optional<SpotCheck> drawn = sample(township.county().value(), q.key());
    for (Long id : scored) {
      jdbc.update(
          "update stations_acceptance set status = 'STATED', statement_id = ? where id = ?",
          statementId,
          id);
      engine.correlate(id, "stations.statement-sent", Map.of());
      if (drawn.isPresent()) {
        // sent after the county drew its sample: not in it
        jdbc.update(
            "update stations_acceptance set sampled = false, status = 'FINAL' where id = ?", id);
        engine.correlate(id, "stations.sampled", Map.of("sampled", false));
      }
    }
    log.info(
        "statement {} of {} for {} sent by {} ({} stations, late {})",
        statementId,
        township,
        q.key(),
        scope.username(),
        rows.size(),
        late);
    return statement(township.value(), q.key()).orElseThrow();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StatementView> statement(String townshipCode, String period, RegionScope scope) {
    RegionCode township = township(townshipCode);
    guard.require(scope, township, null, "查看季度汇总表");
    return statement(township.value(), Quarter.parse(period).key());
  }

  @Override
  @Transactional(readOnly = true)
  public byte[] statementExcel(String townshipCode, String period, RegionScope scope) {
    StatementView s = requireSent(townshipCode, period, scope);
    byte[] book = files.excel(s);
    audited(s, scope, "xlsx");
    return book;
  }

  @Override
  @Transactional(readOnly = true)
  public byte[] statementPdf(String townshipCode, String period, RegionScope scope) {
    StatementView s = requireSent(townshipCode, period, scope);
    byte[] pdf = files.pdf(s);
    audited(s, scope, "pdf");
    return pdf;
  }

  /** An export of a statement is audited (no personal data of recipients in it). */
  private void audited(StatementView s, RegionScope scope, String format) {
    audit.record(
        new PersonRecordAccessed(
            AuditKind.EXPORT,
            clock.instant(),
            scope.username(),
            scope.role().name(),
            s.townshipCode(),
            "导出服务站验收季度汇总表（附件2）",
            "附件2-" + s.townshipCode() + "-" + s.period() + "." + format,
            s.rows().size() + " 个村站"));
  }

  private StatementView requireSent(String townshipCode, String period, RegionScope scope) {
    return statement(townshipCode, period, scope)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "STATION_STATEMENT_NONE",
                    "该季度汇总表尚未报送",
                    "no statement " + townshipCode + " " + period));
  }

  private Optional<StatementView> statement(String township, String period) {
    List<StatementView> found =
        jdbc.query(
            "select * from stations_statement where township_code = ? and period = ?",
            (rs, i) -> {
              long id = rs.getLong("id");
              return new StatementView(
                  id,
                  township,
                  regionName(township),
                  period,
                  rs.getDate("due_on").toLocalDate(),
                  rs.getString("sent_by"),
                  rs.getTimestamp("sent_at").toInstant(),
                  rs.getBoolean("late"),
                  jdbc.query(
                      "select * from stations_statement_row where statement_id = ? order by line_no",
                      (r, j) -> statementRow(r),
                      id));
            },
            township,
            period);
    return found.stream().findFirst();
  }

  private static StatementRow statementRow(ResultSet r) throws SQLException {
    return new StatementRow(
        r.getInt("line_no"),
        r.getString("station_name"),
        r.getBigDecimal("score"),
        (Boolean) r.getObject("passed", Boolean.class),
        r.getString("contact_name"),
        r.getString("phone"),
        r.getString("remarks"));
  }

  /** 附件2 rows: every village station of the township with its acceptance of the quarter. */
  private List<StatementRow> rows(String township, String period) {
    List<StatementRow> rows = new ArrayList<>();
    jdbc.query(
        "select s.name, s.contact_name, s.phone, a.status, a.final_score, a.passed, a.vetoed,"
            + " a.remarks from stations_station s left join stations_acceptance a on a.station_id ="
            + " s.id and a.period = ? where s.kind = 'VILLAGE' and s.region_code like ? order by"
            + " s.region_code, s.name",
        rs -> {
          String status = rs.getString("status");
          boolean done = status != null && !status.equals("SELF") && !status.equals("SUBMITTED");
          String remarks;
          if (status == null) {
            remarks = "本季度未开展验收";
          } else if (!done) {
            remarks = "未完成评分（" + AcceptanceStatus.valueOf(status).label() + "）";
          } else {
            String r = rs.getString("remarks");
            remarks =
                (rs.getBoolean("vetoed") ? "一票否决" : rs.getBoolean("passed") ? "达标" : "未达标")
                    + (r == null ? "" : "；" + r);
          }
          rows.add(
              new StatementRow(
                  rows.size() + 1,
                  rs.getString("name"),
                  done ? rs.getBigDecimal("final_score") : null,
                  done ? rs.getBoolean("passed") : null,
                  rs.getString("contact_name"),
                  rs.getString("phone"),
                  remarks));
        },
        period,
        township + "%");
    return rows;
  }

  record Window(LocalDate opens, LocalDate due) {}

  /** A township's sent statement of a quarter as the progress table shows it. */
  private record Sent(Instant at, boolean late) {}

  /** When the quarter's statement may be sent and when it is due (moved to a working day). */
  Window window(String regionCode, Quarter q) {
    Map<String, Object> w =
        jdbc.queryForMap(
            "select * from stations_statement_window where quarter = ? and ? like"
                + " concat(region_prefix, '%') order by length(region_prefix) desc limit 1",
            q.quarter(), regionCode);
    return window(w, regionCode, q);
  }

  /**
   * As the statement above, from the quarter's windows read once: the longest prefix of the code.
   */
  private static Map<String, Object> windowRow(List<Map<String, Object>> windows, String code) {
    return windows.stream()
        .filter(w -> code.startsWith((String) w.get("region_prefix")))
        .max(java.util.Comparator.comparingInt(w -> ((String) w.get("region_prefix")).length()))
        .orElseThrow(() -> new org.springframework.dao.EmptyResultDataAccessException(1));
  }

  private Window window(Map<String, Object> w, String regionCode, Quarter q) {
    LocalDate opens =
        LocalDate.of(
            q.year(),
            ((Number) w.get("opens_month")).intValue(),
            ((Number) w.get("opens_day")).intValue());
    LocalDate due =
        LocalDate.of(
            q.year(),
            ((Number) w.get("due_month")).intValue(),
            ((Number) w.get("due_day")).intValue());
    while (!calendar.isWorkingDay(regionCode, due)) {
      due = due.plusDays(1);
    }
    return new Window(opens, due);
  }

  // ---------------------------------------------------------------- spot check

  @Override
  @Transactional
  public SpotCheck drawSample(String countyCode, String period, RegionScope scope) {
    RegionCode county = RegionCode.parse(countyCode);
    requireCounty(scope, county, "抽查复核");
    Quarter q = Quarter.parse(period);
    Optional<SpotCheck> drawn = sample(county.value(), q.key());
    if (drawn.isPresent()) {
      return drawn.get();
    }
    List<Long> population =
        jdbc.queryForList(
            "select id from stations_acceptance where region_code like ? and period = ? and status"
                + " = 'STATED' order by id",
            Long.class,
            county.value() + "%",
            q.key());
    if (population.isEmpty()) {
      throw invalid(
          "STATION_SAMPLE_EMPTY", q.label() + "尚无乡镇报送的验收结果，暂不能抽查", "nothing stated in " + county);
    }
    long seed = Sampling.seed(county.value(), q.key());
    List<Long> sample = Sampling.draw(seed, population, sampleRate);
    jdbc.update(
        "insert into stations_spot_check (county_code, period, seed, sample_rate, population,"
            + " sample, drawn_by, drawn_at) values (?,?,?,?,?,?,?,?)",
        county.value(),
        q.key(),
        seed,
        sampleRate,
        population.size(),
        String.join(",", sample.stream().map(String::valueOf).toList()),
        scope.username(),
        Timestamp.from(clock.instant()));
    for (Long id : population) {
      boolean in = sample.contains(id);
      jdbc.update(
          "update stations_acceptance set sampled = ?, status = ? where id = ?",
          in,
          in ? "SAMPLED" : "FINAL",
          id);
      engine.correlate(id, "stations.sampled", Map.of("sampled", in));
    }
    log.info(
        "spot check of {} {}: {} of {} drawn by {}",
        county,
        q.key(),
        sample,
        population.size(),
        scope.username());
    return sample(county.value(), q.key()).orElseThrow();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<SpotCheck> sample(String countyCode, String period) {
    return jdbc
        .query(
            "select * from stations_spot_check where county_code = ? and period = ?",
            (rs, i) ->
                new SpotCheck(
                    rs.getString("county_code"),
                    rs.getString("period"),
                    rs.getLong("seed"),
                    rs.getInt("population"),
                    Arrays.stream(rs.getString("sample").split(","))
                        .filter(s -> !s.isBlank())
                        .map(Long::valueOf)
                        .toList(),
                    rs.getString("drawn_by"),
                    rs.getTimestamp("drawn_at").toInstant()),
            countyCode,
            period)
        .stream()
        .findFirst();
  }

  @Override
  @Transactional
  public AcceptanceView correct(
      long acceptanceId, String itemCode, BigDecimal points, String reason, RegionScope scope) {
    AcceptanceView a = head(acceptanceId);
    requireCounty(scope, RegionCode.parse(a.regionCode()), "抽查复核");
    requireStatus(a, AcceptanceStatus.SAMPLED, "只有被抽中且尚未完成复核的村站可以更正得分");
    if (reason == null || reason.isBlank()) {
      throw invalid("STATION_CORRECTION_REASON", "更正得分须写明理由", "correction without reason");
    }
    AcceptanceView full = withEntries(a);
    EntryView entry =
        full.entries().stream()
            .filter(e -> e.item().code().equals(itemCode))
            .findFirst()
            .orElseThrow(
                () ->
                    invalid(
                        "STATION_ITEM_UNKNOWN", "评分表中没有第" + itemCode + "项", "no item " + itemCode));
    if (entry.item().kind() != ItemKind.SCORED) {
      throw invalid(
          "STATION_CORRECTION_KIND", "抽查复核只更正计分项的得分", "correction of " + entry.item().kind());
    }
    List<ItemScore> scores = new ArrayList<>();
    for (EntryView e : full.entries()) {
      scores.add(
          e.item().code().equals(itemCode)
              ? new ItemScore(itemCode, points, null, false, "县级复核：" + reason.strip())
              : current(e));
    }
    ScoreResult r = ScoreRules.evaluate(a.sheet(), scores, ScoreRules.Scorer.TOWNSHIP);
    Instant now = clock.instant();
    jdbc.update(
        "insert into stations_correction (acceptance_id, item_code, old_points, new_points, reason,"
            + " corrected_by, corrected_at) values (?,?,?,?,?,?,?)",
        acceptanceId,
        itemCode,
        entry.points(),
        points,
        reason.strip(),
        scope.username(),
        Timestamp.from(now));
    jdbc.update(
        "update stations_entry set points = ?, reason = ? where acceptance_id = ? and item_code = ?",
        points,
        trim("县级复核：" + reason.strip(), 500),
        acceptanceId,
        itemCode);
    jdbc.update(
        "update stations_acceptance set base_score = ?, bonus = ?, vetoed = ?, final_score = ?,"
            + " passed = ? where id = ?",
        r.base(),
        r.bonus(),
        r.vetoed(),
        r.finalScore(),
        r.passed(),
        acceptanceId);
    log.info(
        "acceptance {} item {} corrected {} → {} by {}",
        acceptanceId,
        itemCode,
        entry.points(),
        points,
        scope.username());
    return get(acceptanceId, scope);
  }

  @Override
  @Transactional
  public AcceptanceView finishSpotCheck(long acceptanceId, RegionScope scope) {
    AcceptanceView a = head(acceptanceId);
    requireCounty(scope, RegionCode.parse(a.regionCode()), "抽查复核");
    requireStatus(a, AcceptanceStatus.SAMPLED, "本站不在抽查样本中或已完成复核");
    jdbc.update(
        "update stations_acceptance set checked_by = ?, checked_at = ? where id = ?",
        scope.username(),
        Timestamp.from(clock.instant()),
        acceptanceId);
    engine.complete(a.processInstanceId(), "Task_CountySpotCheck", scope);
    return get(acceptanceId, scope);
  }

  private static ItemScore current(EntryView e) {
    return switch (e.item().kind()) {
      case SCORED -> new ItemScore(e.item().code(), e.points(), null, false, e.reason());
      case BONUS -> new ItemScore(e.item().code(), e.points(), e.tier(), false, null);
      case VETO -> new ItemScore(e.item().code(), null, null, e.vetoed(), e.reason());
    };
  }

  /** Only the county acts in a spot check: a township cannot check its own scoring. */
  private void requireCounty(RegionScope scope, RegionCode target, String what) {
    if (scope.region().level() != RegionLevel.COUNTY || scope.role() != Role.COUNTY_CASEWORKER) {
      throw forbidden(
          "STATION_SPOT_CHECK_LEVEL",
          "抽查复核由县级退役军人事务部门开展，乡镇不能抽查复核本乡镇的评分",
          "spot check by " + scope.role() + " at " + scope.region());
    }
    guard.require(scope, target, null, what);
  }

  // ---------------------------------------------------------------- progress

  @Override
  @Transactional(readOnly = true)
  public Progress progress(int year, int quarter, RegionScope scope) {
    Quarter q = new Quarter(year, quarter);
    BigDecimal target = target("TOWNSHIP_QUARTER", quarter, scope.prefix(), q.end());
    List<String> townships =
        jdbc.queryForList(
            "select code from jurisdiction_region where length(code) = 9 and code like ? order by"
                + " code",
            String.class,
            scope.prefix().length() > 9 ? scope.prefix().substring(0, 9) : scope.prefix() + "%");
    if (scope.prefix().length() >= 9) {
      townships = List.of(scope.prefix().substring(0, 9));
    }
    LocalDate today = today();
    // per township, counted in one grouped statement each (not two statements per township)
    Map<String, Long> villagesIn = new HashMap<>();
    Map<String, Long> passedIn = new HashMap<>();
    List<Map<String, Object>> windows = List.of();
    Map<String, Sent> sent = new HashMap<>();
    if (!townships.isEmpty()) {
      String within = scope.prefix().length() > 9 ? scope.prefix().substring(0, 9) : scope.prefix();
      jdbc.query(
          "select left(region_code, 9) t, count(*) n from stations_station where kind = 'VILLAGE'"
              + " and region_code like ? group by left(region_code, 9)",
          rs -> {
            villagesIn.put(rs.getString(1), rs.getLong(2));
          },
          within + "%");
      List<Object> args = new ArrayList<>(townships);
      args.add(year + "Q1");
      args.add(q.key());
      jdbc.query(
          "select township_code, count(distinct station_id) from stations_acceptance where"
              + " township_code in ("
              + String.join(",", java.util.Collections.nCopies(townships.size(), "?"))
              + ") and passed and period between ? and ? and status in ('STATED', 'SAMPLED',"
              + " 'FINAL', 'SCORED') group by township_code",
          rs -> {
            passedIn.put(rs.getString(1), rs.getLong(2));
          },
          args.toArray());
      windows =
          jdbc.queryForList(
              "select * from stations_statement_window where quarter = ?", q.quarter());
      // the quarter's sent statements (one per township and period): when and whether late
      List<Object> sentArgs = new ArrayList<>(townships);
      sentArgs.add(q.key());
      jdbc.query(
          "select township_code, sent_at, late from stations_statement where township_code in ("
              + String.join(",", java.util.Collections.nCopies(townships.size(), "?"))
              + ") and period = ?",
          rs -> {
            sent.put(rs.getString(1), new Sent(rs.getTimestamp(2).toInstant(), rs.getBoolean(3)));
          },
          sentArgs.toArray());
    }
    List<Progress.TownshipProgress> rows = new ArrayList<>();
    for (String t : townships) {
      long villages = villagesIn.getOrDefault(t, 0L);
      long passed = passedIn.getOrDefault(t, 0L);
      BigDecimal share =
          villages == 0
              ? BigDecimal.ZERO
              : BigDecimal.valueOf(passed * 100)
                  .divide(BigDecimal.valueOf(villages), 1, RoundingMode.HALF_UP);
      Window w = window(windowRow(windows, t), t, q);
      Sent st = sent.get(t);
      String statementText;
      boolean bad;
      if (st != null) {
        bad = st.late();
        statementText = (bad ? "逾期报送 " : "已报送 ") + Formats.date(Formats.chinaDate(st.at()));
      } else if (today.isAfter(w.due())) {
        bad = true;
        statementText = "逾期未报送";
      } else {
        bad = false;
        statementText = "未报送";
      }
      rows.add(
          new Progress.TownshipProgress(
              t, regionName(t), villages, passed, share, target, statementText, bad, w.due()));
    }
    List<Progress.YearTarget> yearTargets =
        jdbc.query(
            "select * from stations_target where kind <> 'TOWNSHIP_QUARTER' and ? like"
                + " concat(region_prefix, '%') order by kind desc, period_no",
            (rs, i) ->
                new Progress.YearTarget(
                    rs.getInt("period_no"),
                    rs.getString("label"),
                    rs.getBigDecimal("percent"),
                    rs.getString("kind").equals("EXCELLENT_TOWNSHIP") ? "乡镇" : "村"),
            scope.prefix());
    long villages =
        jdbc.queryForObject(
            "select count(*) from stations_station where kind = 'VILLAGE' and region_code like ?",
            Long.class,
            scope.prefix() + "%");
    long excellent =
        jdbc.queryForObject(
            "select count(distinct station_id) from stations_acceptance where region_code like ?"
                + " and period like ? and passed and final_score >= ?",
            Long.class,
            scope.prefix() + "%",
            year + "Q%",
            excellentScore);
    return new Progress(year, quarter, target, rows, yearTargets, excellent, villages);
  }

  @Override
  @Transactional(readOnly = true)
  public List<LateStatement> lateStatements(String username) {
    Optional<org.casework.jurisdiction.StaffMember> officer = jurisdiction.staff(username);
    if (officer.isEmpty()) {
      return List.of();
    }
    RegionScope scope = RegionScope.of(officer.get());
    Quarter q = Quarter.of(today());
    List<LateStatement> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      for (Progress.TownshipProgress t : progress(q.year(), q.quarter(), scope).townships()) {
        if (t.lateOrMissing() && t.villages() > 0) {
          out.add(
              new LateStatement(
                  t.townshipCode(), t.townshipName(), q.label(), t.dueOn(), t.statement()));
        }
      }
      q = Quarter.of(q.start().minusDays(1));
    }
    return out;
  }

  private BigDecimal target(String kind, int periodNo, String region, LocalDate day) {
    return jdbc
        .queryForList(
            "select percent from stations_target where kind = ? and period_no = ? and ? like"
                + " concat(region_prefix, '%') and valid_from <= ? order by length(region_prefix)"
                + " desc, valid_from desc limit 1",
            BigDecimal.class, kind, periodNo, region, day)
        .stream()
        .findFirst()
        .orElse(BigDecimal.ZERO);
  }

  // ---------------------------------------------------------------- helpers

  private AcceptanceView head(long id) {
    List<AcceptanceView> found =
        jdbc.query(
            "select a.*, s.name from stations_acceptance a join stations_station s on s.id ="
                + " a.station_id where a.id = ?",
            (rs, i) ->
                new AcceptanceView(
                    rs.getLong("id"),
                    rs.getLong("station_id"),
                    rs.getString("name"),
                    rs.getString("region_code"),
                    rs.getString("township_code"),
                    rs.getString("period"),
                    sheets.sheet(rs.getLong("sheet_id")),
                    AcceptanceStatus.valueOf(rs.getString("status")),
                    rs.getBigDecimal("self_score"),
                    rs.getBigDecimal("base_score"),
                    rs.getBigDecimal("bonus"),
                    rs.getBoolean("vetoed"),
                    rs.getBigDecimal("final_score"),
                    (Boolean) rs.getObject("passed", Boolean.class),
                    rs.getString("remarks"),
                    (Boolean) rs.getObject("sampled", Boolean.class),
                    rs.getString("process_instance_id"),
                    List.of(),
                    List.of()),
            id);
    if (found.isEmpty()) {
      throw BusinessRuleException.notFound(
          "STATION_ACCEPTANCE_UNKNOWN", "未找到该验收记录", "no acceptance " + id);
    }
    return found.get(0);
  }

  private AcceptanceView withEntries(AcceptanceView a) {
    Map<String, EntryView> byCode = new HashMap<>();
    jdbc.query(
        "select * from stations_entry where acceptance_id = ?",
        rs -> {
          String code = rs.getString("item_code");
          SheetItem item = a.sheet().item(code).orElseThrow();
          byCode.put(
              code,
              new EntryView(
                  item,
                  rs.getBigDecimal("self_points"),
                  (Integer) rs.getObject("self_tier", Integer.class),
                  rs.getString("self_note"),
                  rs.getBigDecimal("points"),
                  (Integer) rs.getObject("tier", Integer.class),
                  rs.getString("reason"),
                  rs.getString("system_value"),
                  rs.getBigDecimal("system_points"),
                  attachments.of(AttachmentOwner.STATION_ITEM, a.id() + ":" + code)));
        },
        a.id());
    List<EntryView> entries =
        a.sheet().items().stream().map(i -> byCode.get(i.code())).filter(e -> e != null).toList();
    List<Correction> corrections =
        jdbc.query(
            "select * from stations_correction where acceptance_id = ? order by id",
            (rs, i) ->
                new Correction(
                    rs.getString("item_code"),
                    rs.getBigDecimal("old_points"),
                    rs.getBigDecimal("new_points"),
                    rs.getString("reason"),
                    rs.getString("corrected_by"),
                    rs.getTimestamp("corrected_at").toInstant()),
            a.id());
    return new AcceptanceView(
        a.id(),
        a.stationId(),
        a.stationName(),
        a.regionCode(),
        a.townshipCode(),
        a.period(),
        a.sheet(),
        a.status(),
        a.selfScore(),
        a.baseScore(),
        a.bonus(),
        a.vetoed(),
        a.finalScore(),
        a.passed(),
        a.remarks(),
        a.sampled(),
        a.processInstanceId(),
        entries,
        corrections);
  }

  private void requireStatus(AcceptanceView a, AcceptanceStatus expected, String message) {
    if (a.status() != expected) {
      throw BusinessRuleException.conflict(
          "STATION_ACCEPTANCE_STATUS",
          message,
          "acceptance " + a.id() + " is " + a.status() + ", not " + expected);
    }
  }

  private RegionCode township(String code) {
    RegionCode t = RegionCode.parse(code);
    if (t.level() != RegionLevel.TOWNSHIP) {
      throw invalid("STATION_TOWNSHIP", "请选择乡镇（街道）", "not a township: " + code);
    }
    return t;
  }

  private String regionName(String code) {
    return jurisdiction.findRegion(RegionCode.parse(code)).map(Region::name).orElse(code);
  }

  private LocalDate today() {
    return Formats.chinaDate(clock.instant());
  }

  private static String trim(String s, int max) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }

  private static BusinessRuleException invalid(String code, String message, String detail) {
    return BusinessRuleException.invalid(code, message, detail);
  }

  private static BusinessRuleException forbidden(String code, String message, String detail) {
    return BusinessRuleException.forbidden(code, message, detail);
  }
}
