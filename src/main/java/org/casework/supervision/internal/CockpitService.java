package org.casework.supervision.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.casework.clocks.AlertLevel;
import org.casework.clocks.BusinessCalendar;
import org.casework.clocks.ClockState;
import org.casework.clocks.PeriodUnit;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.common.Masking;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffMember;
import org.casework.supervision.Cockpit;
import org.casework.supervision.CockpitCount;
import org.casework.supervision.CockpitPage;
import org.casework.supervision.CockpitQuery;
import org.casework.supervision.CockpitRow;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cockpit queries on sla_clock alone (it carries county, township, officer, stage and type), so
 * they run on the indexes ix_sla_clock_region_due / ix_sla_clock_region_alert without joins. The
 * scope (county_code = …, and township_code = … for a township supervisor) is the first predicate
 * of every statement, built from the supervisor's staff record, never from the request.
 */
@Service
@Transactional(readOnly = true)
class CockpitService implements Cockpit {

  static final int EXPORT_LIMIT = 10_000;
  private static final Map<String, String> SORTS =
      Map.of(
          "due", "due_at",
          "case", "case_number",
          "township", "township_code",
          "officer", "officer",
          "stage", "stage_label",
          "started", "started_at");

  private final JdbcTemplate jdbc;
  private final Jurisdiction jurisdiction;
  private final BusinessCalendar calendar;
  private final MessageSource messages;
  private final Clock clock;

  /**
   * Region and staff display names change rarely; the cockpit asks for the same twenty townships
   * and a few officers on every request, so they are kept for a few minutes.
   */
  private final Map<String, Named> names = new java.util.concurrent.ConcurrentHashMap<>();

  private static final java.time.Duration NAME_TTL = java.time.Duration.ofMinutes(5);

  private record Named(String name, Instant loadedAt) {}

  CockpitService(
      JdbcTemplate jdbc,
      Jurisdiction jurisdiction,
      BusinessCalendar calendar,
      MessageSource messages,
      Clock clock) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.calendar = calendar;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public CockpitPage rows(String supervisor, CockpitQuery q) {
    Scope scope = scope(supervisor);
    Where where = where(scope, q);
    Long total =
        jdbc.queryForObject(
            "select count(*) from sla_clock where " + where.sql, Long.class, where.args.toArray());
    List<CockpitRow> rows = select(scope, q, where, q.size(), q.page() * q.size());
    long t = total == null ? 0 : total;
    return new CockpitPage(
        supervisor, scope.code, scope.name, q, t, (int) ((t + q.size() - 1) / q.size()), rows);
  }

  @Override
  public List<CockpitCount> byTownship(String supervisor, CockpitQuery q) {
    Scope scope = scope(supervisor);
    return counts(scope, q, "township_code", code -> townshipName(code));
  }

  @Override
  public List<CockpitCount> byOfficer(String supervisor, CockpitQuery q) {
    Scope scope = scope(supervisor);
    return counts(
        scope,
        q,
        "coalesce(officer, '')",
        u ->
            u.isEmpty()
                ? "（未指定）"
                : cached(
                    "staff:" + u,
                    () ->
                        jurisdiction.staff(u).map(s -> s.displayName() + "（" + u + "）").orElse(u)));
  }

  @Override
  public List<CockpitCount> byTypeAndStage(String supervisor, CockpitQuery q) {
    Scope scope = scope(supervisor);
    return counts(
        scope,
        q,
        "concat(case_type, '/', stage_label)",
        key -> {
          String[] p = key.split("/", 2);
          return typeLabel(p[0]) + " · " + p[1];
        });
  }

  @Override
  public byte[] excel(String supervisor, CockpitQuery q) {
    Scope scope = scope(supervisor);
    List<CockpitRow> rows = select(scope, q, where(scope, q), EXPORT_LIMIT, 0);
    try (SXSSFWorkbook book = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("督办看板");
      String[] head = {
        "案件编号", "期限", "案件类型", "乡镇（街道）", "环节", "经办人", "计时状态", "预警", "起算时间", "办理期限", "剩余天数", "延期次数",
        "暂停天数"
      };
      Row h = sheet.createRow(0);
      for (int i = 0; i < head.length; i++) {
        h.createCell(i).setCellValue(head[i]);
      }
      int r = 1;
      for (CockpitRow row : rows) {
        Row x = sheet.createRow(r++);
        x.createCell(0).setCellValue(row.caseNumber());
        x.createCell(1).setCellValue("CASE".equals(row.kind()) ? "全案" : "环节");
        x.createCell(2).setCellValue(row.caseTypeLabel());
        x.createCell(3).setCellValue(Masking.scrub(row.townshipName()));
        x.createCell(4).setCellValue(Masking.scrub(row.stageLabel()));
        x.createCell(5).setCellValue(row.officer() == null ? "" : Masking.scrub(row.officer()));
        x.createCell(6).setCellValue(row.state().label());
        x.createCell(7).setCellValue(row.breached() ? "已超期" : row.alertLevel().label());
        x.createCell(8).setCellValue(Formats.dateTime(row.startedAt()));
        x.createCell(9).setCellValue(Formats.dateTime(row.dueAt()));
        x.createCell(10).setCellValue(row.remainingDays());
        x.createCell(11).setCellValue(row.extensions());
        x.createCell(12).setCellValue(row.pausedDays());
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- scope and SQL -----------------------------------------------------------------------------

  record Scope(String county, String township, String code, String name) {}

  private Scope scope(String supervisor) {
    StaffMember staff =
        supervisor == null
            ? null
            : jurisdiction
                .staff(supervisor.trim())
                .filter(s -> s.enabled() && s.role() == Role.SUPERVISOR)
                .orElse(null);
    if (staff == null) {
      throw BusinessRuleException.forbidden(
          "SLA_NOT_A_SUPERVISOR", "只有督办人员可以查看督办看板，请以督办账号进入", "cockpit asked for by non-supervisor");
    }
    String code = staff.region().value();
    String name = jurisdiction.findRegion(staff.region()).map(Region::name).orElse(code);
    return new Scope(
        code.substring(0, 6), code.length() >= 9 ? code.substring(0, 9) : null, code, name);
  }

  private record Where(String sql, List<Object> args) {}

  private Where where(Scope scope, CockpitQuery q) {
    StringBuilder sql = new StringBuilder("county_code = ?");
    List<Object> args = new ArrayList<>(List.of(scope.county()));
    if (scope.township() != null) {
      sql.append(" and township_code = ?");
      args.add(scope.township());
    }
    Instant now = clock.instant();
    switch (q.view()) {
      case PAUSED -> sql.append(" and state = 'PAUSED'");
      case BREACHED -> {
        sql.append(" and state = 'RUNNING' and due_at < ?");
        args.add(Timestamp.from(now));
      }
      case DUE_SOON -> {
        sql.append(" and state = 'RUNNING' and due_at >= ? and due_at <= ?");
        args.add(Timestamp.from(now));
        args.add(Timestamp.from(dueSoonLimit(scope, q.dueWithin())));
      }
      case EXTENDED -> sql.append(" and state in ('RUNNING', 'PAUSED') and extensions > 0");
      default -> sql.append(" and state in ('RUNNING', 'PAUSED')");
    }
    if ("CASE".equals(q.kind())) {
      sql.append(" and clock_key = 'CASE'");
    } else if ("STAGE".equals(q.kind())) {
      sql.append(" and clock_key <> 'CASE'");
    }
    if (q.caseType() != null) {
      sql.append(" and case_type = ?");
      args.add(q.caseType());
    }
    if (q.stage() != null) {
      sql.append(" and stage = ?");
      args.add(q.stage());
    }
    if (q.township() != null) {
      sql.append(" and township_code = ?");
      args.add(q.township());
    }
    if (q.officer() != null) {
      sql.append(" and officer = ?");
      args.add(q.officer());
    }
    return new Where(sql.toString(), args);
  }

  private Instant dueSoonLimit(Scope scope, int workingDays) {
    LocalDate today = Formats.chinaDate(clock.instant());
    LocalDate last =
        workingDays == 0 ? today : calendar.addWorkingDays(scope.county(), today, workingDays);
    return BusinessCalendar.endOfDay(last);
  }

  private List<CockpitRow> select(Scope scope, CockpitQuery q, Where where, int limit, int offset) {
    String order = SORTS.getOrDefault(q.sort(), "due_at") + " " + q.dir() + ", id " + q.dir();
    List<Object> args = new ArrayList<>(where.args());
    args.add(limit);
    args.add(offset);
    Instant now = clock.instant();
    LocalDate today = Formats.chinaDate(now);
    Map<String, String> names = new HashMap<>();
    return jdbc.query(
        "select case_number, clock_key, case_type, township_code, stage, stage_label, officer,"
            + " state, alert_level, started_at, due_at, period_unit, extensions, paused_days"
            + " from sla_clock where "
            + where.sql()
            + " order by "
            + order
            + " limit ? offset ?",
        (rs, i) -> row(rs, now, today, names),
        args.toArray());
  }

  private CockpitRow row(ResultSet rs, Instant now, LocalDate today, Map<String, String> names)
      throws SQLException {
    Instant due = rs.getTimestamp("due_at").toInstant();
    String township = rs.getString("township_code");
    PeriodUnit unit = PeriodUnit.valueOf(rs.getString("period_unit"));
    ClockState state = ClockState.valueOf(rs.getString("state"));
    LocalDate dueDay = Formats.chinaDate(due);
    int remaining =
        dueDay.isBefore(today)
            ? -calendar.countedDays(township, dueDay, today, unit)
            : calendar.countedDays(township, today, dueDay, unit);
    String type = rs.getString("case_type");
    return new CockpitRow(
        rs.getString("case_number"),
        "CASE".equals(rs.getString("clock_key")) ? "CASE" : "STAGE",
        type,
        typeLabel(type),
        township,
        names.computeIfAbsent(township, this::townshipName),
        rs.getString("stage"),
        rs.getString("stage_label"),
        rs.getString("officer"),
        state,
        AlertLevel.valueOf(rs.getString("alert_level")),
        state == ClockState.RUNNING && due.isBefore(now),
        rs.getTimestamp("started_at").toInstant(),
        due,
        remaining,
        unit,
        rs.getInt("extensions"),
        rs.getInt("paused_days"),
        link(rs.getString("case_number")));
  }

  /** The case page, or for a contact task (no case) the coverage page of its township. */
  private static String link(String reference) {
    return reference != null && reference.startsWith("CONTACT-")
        ? "/contact/coverage"
        : "/cases/" + reference;
  }

  private List<CockpitCount> counts(
      Scope scope,
      CockpitQuery q,
      String groupBy,
      java.util.function.Function<String, String> label) {
    CockpitQuery all =
        new CockpitQuery(
            CockpitQuery.View.ALL,
            q.kind(),
            q.caseType(),
            q.stage(),
            q.township(),
            q.officer(),
            q.dueWithin(),
            null,
            null,
            null,
            null);
    Where where = where(scope, all);
    Instant now = clock.instant();
    List<Object> args = new ArrayList<>();
    args.add(Timestamp.from(now));
    args.add(Timestamp.from(dueSoonLimit(scope, q.dueWithin())));
    args.add(Timestamp.from(now));
    args.addAll(where.args());
    return jdbc.query(
        "select "
            + groupBy
            + " as k, count(*) open,"
            + " sum(state = 'RUNNING' and due_at >= ? and due_at <= ?) due_soon,"
            + " sum(state = 'RUNNING' and due_at < ?) breached,"
            + " sum(state = 'PAUSED') paused, sum(extensions > 0) extended"
            + " from sla_clock where "
            + where.sql()
            + " group by k order by breached desc, open desc, k",
        (rs, i) ->
            new CockpitCount(
                rs.getString("k"),
                label.apply(rs.getString("k")),
                rs.getLong("open"),
                rs.getLong("due_soon"),
                rs.getLong("breached"),
                rs.getLong("paused"),
                rs.getLong("extended")),
        args.toArray());
  }

  private String townshipName(String code) {
    return cached("region:" + code, () -> loadTownshipName(code));
  }

  private String cached(String key, java.util.function.Supplier<String> load) {
    Instant now = clock.instant();
    Named hit = names.get(key);
    if (hit != null && hit.loadedAt().plus(NAME_TTL).isAfter(now)) {
      return hit.name();
    }
    String name = load.get();
    names.put(key, new Named(name, now));
    return name;
  }

  private String loadTownshipName(String code) {
    try {
      return jurisdiction.findRegion(new RegionCode(code)).map(Region::name).orElse(code);
    } catch (BusinessRuleException malformed) {
      return code;
    }
  }

  private String typeLabel(String type) {
    return messages.getMessage("sla.caseType." + type, null, type, Locale.SIMPLIFIED_CHINESE);
  }
}
