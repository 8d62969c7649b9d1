package org.casework.reports.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.casefile.CaseType;
import org.casework.common.Formats;
import org.casework.legalaid.AidOutcome;
import org.casework.legalaid.MatterType;
import org.casework.petition.Channel;
import org.casework.reports.Report.AreaRow;
import org.casework.reports.Report.Count;
import org.casework.reports.Report.LegalAidSection;
import org.casework.reports.Report.PetitionSection;
import org.casework.reports.Report.ProgrammeRow;
import org.casework.reports.Report.TrendRow;
import org.casework.reports.ReportPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The report's read model: one set-based query per section over the programmes' tables (no query
 * per case or per region). Days are China days: a period runs from its first day 00:00 to the day
 * after its last, Asia/Shanghai.
 */
@Component
class ReportQueries {

  static final String REFUSED = "'REFUSED', 'DECLINED', 'AID_REFUSED', 'NOT_ACCEPTED'";
  static final String[] WEEKDAYS = {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"};

  private final JdbcTemplate jdbc;

  ReportQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static Timestamp start(ReportPeriod p) {
    return day(p.from());
  }

  static Timestamp end(ReportPeriod p) {
    return day(p.to().plusDays(1));
  }

  static Timestamp day(LocalDate d) {
    return Timestamp.from(d.atStartOfDay(Formats.CHINA).toInstant());
  }

  /** The case filter on casefile_case {@code c}; its two arguments go first. */
  private static String caseWhere(Area a, List<Object> args) {
    args.add(a.countyLike());
    if (a.belowCounty()) {
      args.add(a.placeLike());
      return "c.county_code LIKE ? AND COALESCE(c.village_code, c.township_code) LIKE ?";
    }
    return "c.county_code LIKE ?";
  }

  /** Cases, ledger money, clocks per programme. */
  List<ProgrammeRow> programmes(Area a, ReportPeriod p) {
    Timestamp s = start(p);
    Timestamp e = end(p);
    Map<CaseType, long[]> cases = new EnumMap<>(CaseType.class);
    List<Object> args = new ArrayList<>(List.of(s, e, s, e, s, e, e, e, s, e));
    String where = caseWhere(a, args);
    args.add(e);
    args.add(s);
    jdbc.query(
        "SELECT c.case_type,"
            + " SUM(c.filed_at >= ? AND c.filed_at < ?) AS received,"
            + " SUM(c.closed_at >= ? AND c.closed_at < ?) AS closed,"
            + " SUM(c.closed_at >= ? AND c.closed_at < ? AND c.status IN ("
            + REFUSED
            + ")) AS refused,"
            + " SUM(c.filed_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?)) AS open_at_end,"
            + " COUNT(DISTINCT CASE WHEN c.filed_at >= ? AND c.filed_at < ? THEN c.applicant_person_id END) AS persons"
            + " FROM casefile_case c WHERE "
            + where
            + " AND c.filed_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?)"
            + " GROUP BY c.case_type",
        rs -> {
          cases.put(
              CaseType.valueOf(rs.getString("case_type")),
              new long[] {
                rs.getLong("received"),
                rs.getLong("closed"),
                rs.getLong("refused"),
                rs.getLong("open_at_end"),
                rs.getLong("persons")
              });
        },
        args.toArray());
    // money: net of reversals, booked in the period (EMERGENCY is hardship's 急难先行支付)
    Map<String, Object[]> money = new LinkedHashMap<>();
    jdbc.query(
        "SELECT CASE WHEN programme = 'EMERGENCY' THEN 'HARDSHIP' ELSE programme END AS prog,"
            + " SUM(entry_type = 'PAYMENT') - SUM(entry_type = 'REVERSAL') AS standing,"
            + " COUNT(DISTINCT CASE WHEN entry_type = 'PAYMENT' THEN beneficiary_person_id END) AS persons,"
            + " SUM(amount) AS net"
            + " FROM ledger_disbursement WHERE region_code LIKE ? AND created_at >= ? AND created_at < ?"
            + " GROUP BY prog",
        rs -> {
          money.put(
              rs.getString("prog"),
              new Object[] {
                rs.getLong("standing"), rs.getLong("persons"), rs.getBigDecimal("net")
              });
        },
        a.city() ? a.code() + "%" : a.placeLike(),
        s,
        e);
    Map<String, long[]> clocks = clocks(a, p);
    BigDecimal recovered = recovered(a, p);
    List<Object> pargs = new ArrayList<>(List.of(s, e));
    String pwhere = caseWhere(a, pargs);
    pargs.add(s);
    pargs.add(e);
    Long petitionTimes =
        jdbc.queryForObject(
            "SELECT COALESCE(SUM(CASE WHEN pt.registered_at >= ? AND pt.registered_at < ? THEN pt.group_size END), 0)"
                + " FROM casefile_case c STRAIGHT_JOIN petition pt ON pt.case_id = c.id WHERE "
                + pwhere
                + " AND c.case_type = 'PETITION' AND pt.registered_at >= ? AND pt.registered_at < ?",
            Long.class,
            pargs.toArray());
    List<ProgrammeRow> rows = new ArrayList<>();
    for (CaseType type : CaseType.values()) {
      long[] c = cases.getOrDefault(type, new long[5]);
      Object[] m = money.get(type.name());
      long[] clock = clocks.getOrDefault(type.name(), new long[3]);
      boolean paying = type == CaseType.HARDSHIP || type == CaseType.CONDOLENCE;
      long personTimes;
      long persons;
      if (paying) {
        personTimes = m == null ? 0 : (Long) m[0];
        persons = m == null ? 0 : (Long) m[1];
      } else if (type == CaseType.PETITION) {
        personTimes = petitionTimes == null ? 0 : petitionTimes;
        persons = c[4];
      } else {
        personTimes = c[0];
        persons = c[4];
      }
      rows.add(
          new ProgrammeRow(
              type.name(),
              type.label(),
              c[0],
              c[1],
              c[2],
              c[3],
              personTimes,
              persons,
              m == null ? money(null) : money((BigDecimal) m[2]),
              type == CaseType.LEGAL_AID ? recovered : null,
              clock[0],
              clock[1]));
    }
    return rows;
  }

  /** Whole-case clocks stopped in the period: how many, on time, extended; per case type. */
  Map<String, long[]> clocks(Area a, ReportPeriod p) {
    Map<String, long[]> out = new LinkedHashMap<>();
    List<Object> args = new ArrayList<>();
    args.add(a.countyLike());
    String where = "county_code LIKE ?";
    if (a.belowCounty()) {
      where += " AND region_code LIKE ?";
      args.add(a.placeLike());
    }
    args.add(start(p));
    args.add(end(p));
    jdbc.query(
        "SELECT case_type, COUNT(*) AS stopped, SUM(stopped_at <= due_at) AS on_time,"
            + " SUM(extensions > 0) AS extended FROM sla_clock"
            + " WHERE "
            + where
            + " AND clock_key = 'CASE' AND state = 'STOPPED' AND stopped_at >= ? AND stopped_at < ?"
            + " GROUP BY case_type",
        rs -> {
          out.put(
              rs.getString("case_type"),
              new long[] {rs.getLong("stopped"), rs.getLong("on_time"), rs.getLong("extended")});
        },
        args.toArray());
    return out;
  }

  private BigDecimal recovered(Area a, ReportPeriod p) {
    List<Object> args = new ArrayList<>();
    String where = caseWhere(a, args);
    args.add(start(p));
    args.add(end(p));
    return money(
        jdbc.queryForObject(
            "SELECT SUM(la.money_recovered) FROM casefile_case c STRAIGHT_JOIN legalaid_application la ON la.case_id = c.id"
                + " WHERE "
                + where
                + " AND c.case_type = 'LEGAL_AID' AND la.closed_at >= ? AND la.closed_at < ?",
            BigDecimal.class,
            args.toArray()));
  }

  /** Consultations of the period: by topic and by weekday (Sunday = 0), and how many. */
  record Consultations(List<Count> topics, long[] byWeekday, long total) {

    List<Count> weekdays() {
      List<Count> out = new ArrayList<>();
      for (int d : new int[] {1, 2, 3, 4, 5, 6, 0}) {
        out.add(new Count(WEEKDAYS[d], byWeekday[d], null));
      }
      return out;
    }
  }

  Consultations consultations(Area a, ReportPeriod p) {
    Timestamp s = start(p);
    Timestamp e = end(p);
    List<Object> cargs = new ArrayList<>();
    cargs.add(a.countyLike());
    String cwhere = "county_code LIKE ?";
    if (a.belowCounty()) {
      cwhere += " AND region_code LIKE ?";
      cargs.add(a.placeLike());
    }
    cargs.add(s);
    cargs.add(e);
    List<Count> topics = new ArrayList<>();
    long[] consultations = {0};
    jdbc.query(
        "SELECT topic, COUNT(*) AS n FROM legalaid_consultation WHERE "
            + cwhere
            + " AND logged_at >= ? AND logged_at < ? GROUP BY topic ORDER BY n DESC, topic",
        rs -> {
          long n = rs.getLong("n");
          consultations[0] += n;
          topics.add(new Count(matterLabel(rs.getString("topic")), n, null));
        },
        cargs.toArray());
    long[] byDay = new long[7];
    // weekday of the China day, without the session's time zone: 1970-01-01 was a Thursday
    jdbc.query(
        "SELECT MOD(FLOOR((UNIX_TIMESTAMP(logged_at) + 28800) / 86400) + 4, 7) AS wd, COUNT(*) AS n"
            + " FROM legalaid_consultation WHERE "
            + cwhere
            + " AND logged_at >= ? AND logged_at < ? GROUP BY wd",
        rs -> {
          byDay[rs.getInt("wd")] += rs.getLong("n");
        },
        cargs.toArray());
    return new Consultations(topics, byDay, consultations[0]);
  }

  LegalAidSection legalAid(Area a, ReportPeriod p, long received, Consultations consulted) {
    Timestamp s = start(p);
    Timestamp e = end(p);
    List<Count> outcomes = new ArrayList<>();
    long[] closed = {0};
    BigDecimal[] recovered = {BigDecimal.ZERO};
    List<Object> args = new ArrayList<>();
    String where = caseWhere(a, args);
    args.add(s);
    args.add(e);
    jdbc.query(
        "SELECT la.outcome, COUNT(*) AS n, SUM(la.money_recovered) AS money"
            + " FROM casefile_case c STRAIGHT_JOIN legalaid_application la ON la.case_id = c.id WHERE "
            + where
            + " AND c.case_type = 'LEGAL_AID' AND la.closed_at >= ? AND la.closed_at < ? GROUP BY la.outcome ORDER BY la.outcome",
        rs -> {
          String o = rs.getString("outcome");
          long n = rs.getLong("n");
          BigDecimal m = money(rs.getBigDecimal("money"));
          closed[0] += n;
          recovered[0] = recovered[0].add(m);
          outcomes.add(new Count(o == null ? "未记录结果（终止等）" : outcomeLabel(o), n, m));
        },
        args.toArray());
    List<Count> matters = new ArrayList<>();
    List<Object> margs = new ArrayList<>();
    String mwhere = caseWhere(a, margs);
    margs.add(s);
    margs.add(e);
    jdbc.query(
        "SELECT la.matter_type, COUNT(*) AS n FROM casefile_case c STRAIGHT_JOIN legalaid_application la ON la.case_id = c.id"
            + " WHERE "
            + mwhere
            + " AND c.case_type = 'LEGAL_AID' AND c.filed_at >= ? AND c.filed_at < ? GROUP BY la.matter_type ORDER BY n DESC, la.matter_type",
        rs -> {
          matters.add(new Count(matterLabel(rs.getString("matter_type")), rs.getLong("n"), null));
        },
        margs.toArray());
    return new LegalAidSection(
        received,
        closed[0],
        recovered[0],
        consulted.total(),
        outcomes,
        matters,
        consulted.topics(),
        consulted.weekdays());
  }

  PetitionSection petitions(Area a, ReportPeriod p, long[] clock) {
    Timestamp s = start(p);
    Timestamp e = end(p);
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      args.add(s);
      args.add(e);
    }
    for (int i = 0; i < 9; i++) {
      args.add(e);
    }
    String where = caseWhere(a, args);
    args.add(e);
    args.add(s);
    Map<String, Object> r =
        jdbc.queryForMap(
            "SELECT"
                + " SUM(pt.registered_at >= ? AND pt.registered_at < ?) AS received,"
                + " COALESCE(SUM(CASE WHEN pt.registered_at >= ? AND pt.registered_at < ? THEN pt.group_size END), 0) AS person_times,"
                + " SUM(pt.decided_at >= ? AND pt.decided_at < ? AND pt.decision = 'ACCEPT') AS accepted,"
                + " SUM(pt.decided_at >= ? AND pt.decided_at < ? AND pt.decision = 'TRANSFER') AS transferred,"
                + " SUM(pt.decided_at >= ? AND pt.decided_at < ? AND pt.decision = 'NOT_ACCEPT') AS not_accepted,"
                + " SUM(c.closed_at >= ? AND c.closed_at < ?) AS closed,"
                + " SUM(pt.registered_at >= ? AND pt.registered_at < ? AND pt.extension_days IS NOT NULL) AS extended,"
                + " SUM(pt.review_requested_at >= ? AND pt.review_requested_at < ?) AS reviewed,"
                + " SUM(pt.rereview_requested_at >= ? AND pt.rereview_requested_at < ?) AS rereviewed,"
                + " SUM(COALESCE(pt.review_at >= ? AND pt.review_at < ? AND pt.review_outcome = 'UPHELD', 0)"
                + "   + COALESCE(pt.rereview_at >= ? AND pt.rereview_at < ? AND pt.rereview_outcome = 'UPHELD', 0)) AS upheld,"
                + " SUM(c.closed_at IS NULL OR c.closed_at >= ?) AS backlog,"
                + " SUM((c.closed_at IS NULL OR c.closed_at >= ?) AND TIMESTAMPDIFF(DAY, pt.registered_at, ?) <= 30) AS age30,"
                + " SUM((c.closed_at IS NULL OR c.closed_at >= ?) AND TIMESTAMPDIFF(DAY, pt.registered_at, ?) BETWEEN 31 AND 60) AS age60,"
                + " SUM((c.closed_at IS NULL OR c.closed_at >= ?) AND TIMESTAMPDIFF(DAY, pt.registered_at, ?) BETWEEN 61 AND 90) AS age90,"
                + " SUM((c.closed_at IS NULL OR c.closed_at >= ?) AND TIMESTAMPDIFF(DAY, pt.registered_at, ?) > 90) AS older"
                + " FROM casefile_case c STRAIGHT_JOIN petition pt ON pt.case_id = c.id WHERE "
                + where
                + " AND c.case_type = 'PETITION' AND pt.registered_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?"
                + "   OR pt.review_at >= ? OR pt.rereview_at >= ? OR pt.decided_at >= ?"
                + "   OR pt.review_requested_at >= ? OR pt.rereview_requested_at >= ?)",
            withTail(args, s, s, s, s, s));
    List<Count> channels = new ArrayList<>();
    List<Object> cargs = new ArrayList<>();
    String cwhere = caseWhere(a, cargs);
    cargs.add(s);
    cargs.add(e);
    Map<String, Long> byChannel = new LinkedHashMap<>();
    jdbc.query(
        "SELECT pt.channel, COUNT(*) AS n FROM casefile_case c STRAIGHT_JOIN petition pt ON pt.case_id = c.id WHERE "
            + cwhere
            + " AND c.case_type = 'PETITION' AND pt.registered_at >= ? AND pt.registered_at < ? GROUP BY pt.channel",
        rs -> {
          byChannel.put(rs.getString("channel"), rs.getLong("n"));
        },
        cargs.toArray());
    for (Channel ch : Channel.values()) {
      channels.add(new Count(ch.label(), byChannel.getOrDefault(ch.name(), 0L), null));
    }
    // 复查 and 复核 opinions written in the period, by their coded outcome (V291)
    List<Object> oargs = new ArrayList<>();
    String owhere = caseWhere(a, oargs);
    oargs.add(s);
    oargs.add(e);
    oargs.add(s);
    oargs.add(e);
    Map<String, Long> byOutcome = new LinkedHashMap<>();
    jdbc.query(
        "SELECT CASE WHEN pt.review_at >= ? AND pt.review_at < ? THEN 1 ELSE 0 END AS r1,"
            + " CASE WHEN pt.rereview_at >= ? AND pt.rereview_at < ? THEN 1 ELSE 0 END AS r2,"
            + " pt.review_outcome, pt.rereview_outcome"
            + " FROM casefile_case c STRAIGHT_JOIN petition pt ON pt.case_id = c.id WHERE "
            + owhere
            + " AND c.case_type = 'PETITION' AND ((pt.review_at >= ? AND pt.review_at < ?)"
            + " OR (pt.rereview_at >= ? AND pt.rereview_at < ?))",
        rs -> {
          if (rs.getInt("r1") == 1) {
            byOutcome.merge(String.valueOf(rs.getString("review_outcome")), 1L, Long::sum);
          }
          if (rs.getInt("r2") == 1) {
            byOutcome.merge(String.valueOf(rs.getString("rereview_outcome")), 1L, Long::sum);
          }
        },
        withTail(List.of(s, e, s, e), oargs.toArray()));
    List<Count> outcomes = new ArrayList<>();
    for (String[] code : reviewOutcomeCodes()) {
      outcomes.add(new Count(code[1], byOutcome.getOrDefault(code[0], 0L), null));
    }
    if (byOutcome.containsKey("null")) {
      outcomes.add(new Count("未记录结论", byOutcome.get("null"), null));
    }
    List<Count> ages =
        List.of(
            new Count("30日以内", n(r, "age30"), null),
            new Count("31–60日", n(r, "age60"), null),
            new Count("61–90日", n(r, "age90"), null),
            new Count("90日以上", n(r, "older"), null));
    return new PetitionSection(
        n(r, "received"),
        n(r, "person_times"),
        channels,
        n(r, "accepted"),
        n(r, "transferred"),
        n(r, "not_accepted"),
        n(r, "closed"),
        clock[0],
        clock[1],
        n(r, "extended"),
        n(r, "reviewed"),
        n(r, "rereviewed"),
        n(r, "upheld"),
        outcomes,
        n(r, "backlog"),
        ages);
  }

  /** The coded 复查/复核 outcomes (V291), code and label, in their order. */
  List<String[]> reviewOutcomeCodes() {
    return jdbc.query(
        "SELECT code, label FROM petition_review_outcome ORDER BY sort_order",
        (rs, i) -> new String[] {rs.getString("code"), rs.getString("label")});
  }

  private static Object[] withTail(List<Object> args, Object... tail) {
    List<Object> all = new ArrayList<>(args);
    all.addAll(List.of(tail));
    return all.toArray();
  }

  /** Months of the period (at most 60), as yyyy-MM. */
  static List<YearMonth> months(ReportPeriod p) {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m = YearMonth.from(p.from());
        !m.isAfter(YearMonth.from(p.to())) && out.size() < 60;
        m = m.plusMonths(1)) {
      out.add(m);
    }
    return out;
  }

  /** Cases received per programme and month: one query, a column per month. */
  List<TrendRow> trend(Area a, ReportPeriod p) {
    List<YearMonth> months = months(p);
    StringBuilder cols = new StringBuilder();
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      LocalDate first = months.get(i).atDay(1);
      LocalDate from = first.isBefore(p.from()) ? p.from() : first;
      LocalDate next = months.get(i).plusMonths(1).atDay(1);
      LocalDate to = next.isAfter(p.to().plusDays(1)) ? p.to().plusDays(1) : next;
      cols.append(", SUM(c.filed_at >= ? AND c.filed_at < ?) AS m").append(i);
      args.add(day(from));
      args.add(day(to));
    }
    String where = caseWhere(a, args);
    args.add(start(p));
    args.add(end(p));
    Map<String, List<Long>> byType = new LinkedHashMap<>();
    jdbc.query(
        "SELECT c.case_type"
            + cols
            + " FROM casefile_case c WHERE "
            + where
            + " AND c.filed_at >= ? AND c.filed_at < ? GROUP BY c.case_type",
        rs -> {
          List<Long> counts = new ArrayList<>();
          for (int i = 0; i < months.size(); i++) {
            counts.add(rs.getLong("m" + i));
          }
          byType.put(rs.getString("case_type"), counts);
        },
        args.toArray());
    List<TrendRow> rows = new ArrayList<>();
    for (CaseType type : CaseType.values()) {
      List<Long> zeros = new ArrayList<>();
      months.forEach(m -> zeros.add(0L));
      rows.add(new TrendRow(type.label(), byType.getOrDefault(type.name(), zeros)));
    }
    return rows;
  }

  /** Cases received per programme and money paid, per area one level down. */
  List<AreaRow> areas(Area a, ReportPeriod p) {
    int digits = a.childDigits();
    Map<String, String> names = childNames(a);
    String areaExpr =
        switch (digits) {
          case 6 -> "c.county_code";
          case 9 -> "c.township_code";
          default -> "c.village_code";
        };
    Map<String, long[]> counts = new LinkedHashMap<>();
    List<Object> args = new ArrayList<>();
    String where = caseWhere(a, args);
    args.add(start(p));
    args.add(end(p));
    jdbc.query(
        "SELECT "
            + areaExpr
            + " AS area, c.case_type, COUNT(*) AS n FROM casefile_case c WHERE "
            + where
            + " AND c.filed_at >= ? AND c.filed_at < ? GROUP BY area, c.case_type",
        rs -> {
          String area = rs.getString("area");
          if (area == null) {
            return;
          }
          counts
                  .computeIfAbsent(area, k -> new long[CaseType.values().length])[
                  CaseType.valueOf(rs.getString("case_type")).ordinal()] +=
              rs.getLong("n");
        },
        args.toArray());
    Map<String, BigDecimal> paid = new LinkedHashMap<>();
    jdbc.query(
        "SELECT LEFT(region_code, ?) AS area, SUM(amount) AS net FROM ledger_disbursement"
            + " WHERE region_code LIKE ? AND created_at >= ? AND created_at < ? GROUP BY area",
        rs -> {
          paid.put(rs.getString("area"), rs.getBigDecimal("net"));
        },
        digits,
        a.code() + "%",
        start(p),
        end(p));
    List<AreaRow> rows = new ArrayList<>();
    for (var n : names.entrySet()) {
      long[] c = counts.getOrDefault(n.getKey(), new long[CaseType.values().length]);
      rows.add(
          new AreaRow(
              n.getKey(),
              n.getValue(),
              c[CaseType.HARDSHIP.ordinal()],
              c[CaseType.CONDOLENCE.ordinal()],
              c[CaseType.LEGAL_AID.ordinal()],
              c[CaseType.PETITION.ordinal()],
              money(paid.get(n.getKey()))));
    }
    return rows;
  }

  /** The areas one level down, code → name, in code order. */
  Map<String, String> childNames(Area a) {
    Map<String, String> names = new LinkedHashMap<>();
    jdbc.query(
        "SELECT code, name FROM jurisdiction_region WHERE code LIKE ? AND LENGTH(code) = ? ORDER BY code",
        rs -> {
          names.put(rs.getString("code"), rs.getString("name"));
        },
        a.code() + "%",
        a.childDigits());
    return names;
  }

  /** Ratings of the period: [satisfied, basically, dissatisfied]; and per township [ok, all]. */
  long[] ratings(Area a, ReportPeriod p, Map<String, long[]> byTownship) {
    long[] out = new long[3];
    List<Object> args = new ArrayList<>();
    args.add(a.countyLike());
    String where = "county_code LIKE ?";
    if (a.belowCounty()) {
      where += " AND COALESCE(village_code, township_code) LIKE ?";
      args.add(a.placeLike());
    }
    args.add(start(p));
    args.add(end(p));
    jdbc.query(
        "SELECT township_code, rating, COUNT(*) AS n FROM satisfaction_rating WHERE "
            + where
            + " AND collected_at >= ? AND collected_at < ? GROUP BY township_code, rating",
        rs -> {
          String rating = rs.getString("rating");
          long n = rs.getLong("n");
          int i =
              switch (rating) {
                case "SATISFIED" -> 0;
                case "BASICALLY_SATISFIED" -> 1;
                default -> 2;
              };
          out[i] += n;
          long[] t = byTownship.computeIfAbsent(rs.getString("township_code"), k -> new long[2]);
          t[1] += n;
          if (i < 2) {
            t[0] += n;
          }
        },
        args.toArray());
    return out;
  }

  /** Whether a table exists (the service menu of another module, once installed). */
  boolean tableExists(String table) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?",
            Integer.class,
            table);
    return n != null && n > 0;
  }

  private static long n(Map<String, Object> row, String key) {
    Object v = row.get(key);
    return v == null ? 0 : ((Number) v).longValue();
  }

  static BigDecimal money(BigDecimal v) {
    return (v == null ? BigDecimal.ZERO : v).setScale(2);
  }

  static String outcomeLabel(String o) {
    try {
      return AidOutcome.valueOf(o).label();
    } catch (RuntimeException unknown) {
      return o;
    }
  }

  static String matterLabel(String m) {
    try {
      return MatterType.valueOf(m).label();
    } catch (RuntimeException unknown) {
      return m;
    }
  }
}
