package org.casework.reports.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.casework.casefile.CaseType;
import org.casework.petition.Channel;
import org.casework.reports.Report.AreaRow;
import org.casework.reports.Report.Count;
import org.casework.reports.Report.LegalAidSection;
import org.casework.reports.Report.PetitionSection;
import org.casework.reports.Report.ProgrammeRow;
import org.casework.reports.Report.TrendRow;
import org.casework.reports.ReportPeriod;
import org.casework.reports.internal.ReportQueries.Consultations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pre-aggregated read model of a county or city report (V290): per county, China day and
 * programme (township where the county report breaks down), consultation topics and ratings per
 * day, and each day's distinct persons as an encoded id set. The source tables' triggers mark
 * (county, day) dirty; {@link #rebuildDirty} rebuilds those days from the sources (the same
 * definitions as {@link ReportQueries}) before a report reads and every minute. A period's figures
 * are then sums over its days; 人数 is the size of the union of the days' person sets.
 */
@Component
class ReportSummaries {

  private static final Logger log = LoggerFactory.getLogger(ReportSummaries.class);

  /** The China day number of an instant column (UTC+8, no daylight saving), as in the triggers. */
  private static final String DAY = "FLOOR((UNIX_TIMESTAMP(%s) + 28800) / 86400)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  ReportSummaries(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
    this.jdbc = jdbc;
    // a rebuild commits on its own, also when a report is read inside a caller's transaction
    this.tx = new TransactionTemplate(txManager);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  // ---------------------------------------------------------------- rebuild

  /** Rebuilds every dirty day (the scheduled catch-up; a report rebuilds its own counties). */
  @Scheduled(
      fixedDelayString = "${casework.reports.rebuild-interval:PT1M}",
      initialDelayString = "${casework.reports.rebuild-initial-delay:PT30S}")
  void scheduledRebuild() {
    try {
      int days = rebuildDirty("%");
      if (days > 0) {
        log.info("report summaries: {} dirty county days rebuilt", days);
      }
    } catch (RuntimeException e) {
      log.warn("report summaries not rebuilt: {}", e.toString());
    }
  }

  /** Rebuilds the dirty days of the counties matching {@code countyLike}; how many days. */
  int rebuildDirty(String countyLike) {
    Map<String, List<LocalDate>> dirty = new TreeMap<>();
    jdbc.query(
        "SELECT county_code, day FROM report_dirty WHERE county_code LIKE ? ORDER BY county_code, day",
        rs -> {
          dirty
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(rs.getDate(2).toLocalDate());
        },
        countyLike);
    int done = 0;
    for (var county : dirty.entrySet()) {
      // contiguous runs of days: one rebuild per run (a back-fill is a year in one go)
      List<LocalDate> days = county.getValue();
      int i = 0;
      while (i < days.size()) {
        int j = i;
        while (j + 1 < days.size() && days.get(j + 1).equals(days.get(j).plusDays(1))) {
          j++;
        }
        LocalDate from = days.get(i);
        LocalDate to = days.get(j);
        Integer n = rebuildSerialised(county.getKey(), from, to);
        done += n == null ? 0 : n;
        i = j + 1;
      }
    }
    return done;
  }

  /**
   * How often a rebuild that lost a deadlock is tried again before the minute job is left to it.
   */
  private static final int REBUILD_ATTEMPTS = 3;

  /**
   * Rebuilds the county's days in a transaction of its own that first locks the county's row of
   * {@code report_rebuild_lock} (V321), so rebuilds of one county (the minute job, a report being
   * read, a second node) run one after the other. A deadlock with anything else is retried.
   */
  private Integer rebuildSerialised(String county, LocalDate from, LocalDate to) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(
            st -> {
              // an exclusive lock on the county's row, made on first use, held to the commit
              jdbc.update(
                  "INSERT INTO report_rebuild_lock (county_code) VALUES (?)"
                      + " ON DUPLICATE KEY UPDATE county_code = county_code",
                  county);
              return rebuild(county, from, to);
            });
      } catch (org.springframework.dao.PessimisticLockingFailureException busy) {
        if (attempt >= REBUILD_ATTEMPTS) {
          throw busy;
        }
        // the rollback restored the dirty marks: once more
        log.info("report summaries {} {}..{}: {}, retried", county, from, to, busy.toString());
      }
    }
  }

  /**
   * Rebuilds the county's days {@code from..to} (both included) in one transaction: the dirty marks
   * are deleted first (a writer committing meanwhile marks its day again), then the days' figures
   * are replaced by what the sources say now.
   */
  private int rebuild(String county, LocalDate from, LocalDate to) {
    int marks =
        jdbc.update(
            "DELETE FROM report_dirty WHERE county_code = ? AND day BETWEEN ? AND ?",
            county,
            Date.valueOf(from),
            Date.valueOf(to));
    if (marks == 0) {
      return 0; // rebuilt by another node or thread meanwhile
    }
    Object[] range = {county, Date.valueOf(from), Date.valueOf(to)};
    jdbc.update("DELETE FROM report_daily WHERE county_code = ? AND day BETWEEN ? AND ?", range);
    jdbc.update(
        "DELETE FROM report_daily_count WHERE county_code = ? AND day BETWEEN ? AND ?", range);
    jdbc.update(
        "DELETE FROM report_daily_persons WHERE county_code = ? AND day BETWEEN ? AND ?", range);
    jdbc.update(
        "DELETE FROM report_petition_backlog WHERE county_code = ? AND day BETWEEN ? AND ?", range);
    Timestamp s = ReportQueries.day(from);
    Timestamp e = ReportQueries.day(to.plusDays(1));
    Map<String, long[]> daily = new HashMap<>(); // day|programme|township → figures
    Map<String, BigDecimal[]> money = new HashMap<>(); // same key → paid, recovered
    Map<String, List<Long>> persons = new HashMap<>(); // day|programme|kind → ids
    // cases received: per type and township, with the applicants
    jdbc.query(
        "SELECT case_type, township_code, "
            + day("filed_at")
            + " AS d, applicant_person_id FROM casefile_case"
            + " WHERE county_code = ? AND filed_at >= ? AND filed_at < ?",
        rs -> {
          long d = rs.getLong("d");
          String type = rs.getString("case_type");
          figures(daily, d, type, nz(rs.getString("township_code")))[0]++;
          persons
              .computeIfAbsent(d + "|" + type + "|CASE", k -> new ArrayList<>())
              .add(rs.getLong("applicant_person_id"));
        },
        county,
        s,
        e);
    jdbc.query(
        "SELECT case_type, "
            + day("closed_at")
            + " AS d, COUNT(*) AS n, SUM(status IN ("
            + ReportQueries.REFUSED
            + ")) AS refused FROM casefile_case"
            + " WHERE county_code = ? AND closed_at >= ? AND closed_at < ? GROUP BY case_type, d",
        rs -> {
          long[] f = figures(daily, rs.getLong("d"), rs.getString("case_type"), "");
          f[1] += rs.getLong("n");
          f[2] += rs.getLong("refused");
        },
        county,
        s,
        e);
    jdbc.query(
        "SELECT case_type, "
            + day("stopped_at")
            + " AS d, COUNT(*) AS n, SUM(stopped_at <= due_at) AS on_time, SUM(extensions > 0) AS ext"
            + " FROM sla_clock WHERE county_code = ? AND clock_key = 'CASE' AND state = 'STOPPED'"
            + " AND stopped_at >= ? AND stopped_at < ? GROUP BY case_type, d",
        rs -> {
          long[] f = figures(daily, rs.getLong("d"), rs.getString("case_type"), "");
          f[3] += rs.getLong("n");
          f[4] += rs.getLong("on_time");
          f[5] += rs.getLong("ext");
        },
        county,
        s,
        e);
    // ledger: payments standing (EMERGENCY is hardship's 急难先行支付), money, beneficiaries paid
    jdbc.query(
        "SELECT programme, LEFT(region_code, 9) AS township, entry_type, "
            + day("created_at")
            + " AS d, amount, beneficiary_person_id FROM ledger_disbursement"
            + " WHERE region_code LIKE ? AND created_at >= ? AND created_at < ?",
        rs -> {
          long d = rs.getLong("d");
          String prog = rs.getString("programme");
          prog = "EMERGENCY".equals(prog) ? "HARDSHIP" : prog;
          String township = nz(rs.getString("township"));
          long[] f = figures(daily, d, prog, township);
          boolean payment = "PAYMENT".equals(rs.getString("entry_type"));
          f[payment ? 6 : 7]++;
          BigDecimal[] m = money.computeIfAbsent(key(d, prog, township), k -> zeros());
          m[0] = m[0].add(rs.getBigDecimal("amount"));
          if (payment) {
            persons
                .computeIfAbsent(d + "|" + prog + "|PAY", k -> new ArrayList<>())
                .add(rs.getLong("beneficiary_person_id"));
          }
        },
        county + "%",
        s,
        e);
    jdbc.query(
        "SELECT "
            + day("pt.registered_at")
            + " AS d, SUM(pt.group_size) AS n FROM casefile_case c STRAIGHT_JOIN petition pt"
            + " ON pt.case_id = c.id WHERE c.county_code = ? AND c.case_type = 'PETITION'"
            + " AND pt.registered_at >= ? AND pt.registered_at < ? GROUP BY d",
        rs -> {
          figures(daily, rs.getLong("d"), "PETITION", "")[8] += rs.getLong("n");
        },
        county,
        s,
        e);
    jdbc.query(
        "SELECT "
            + day("la.closed_at")
            + " AS d, SUM(la.money_recovered) AS m FROM casefile_case c STRAIGHT_JOIN"
            + " legalaid_application la ON la.case_id = c.id WHERE c.county_code = ?"
            + " AND c.case_type = 'LEGAL_AID' AND la.closed_at >= ? AND la.closed_at < ? GROUP BY d",
        rs -> {
          long d = rs.getLong("d");
          figures(daily, d, "LEGAL_AID", "");
          BigDecimal[] m = money.computeIfAbsent(key(d, "LEGAL_AID", ""), k -> zeros());
          BigDecimal r = rs.getBigDecimal("m");
          m[1] = m[1].add(r == null ? BigDecimal.ZERO : r);
        },
        county,
        s,
        e);
    List<Object[]> rows = new ArrayList<>();
    for (var entry : daily.entrySet()) {
      String[] k = entry.getKey().split("\\|", -1);
      long[] f = entry.getValue();
      BigDecimal[] m = money.getOrDefault(entry.getKey(), zeros());
      rows.add(
          new Object[] {
            county,
            Date.valueOf(LocalDate.ofEpochDay(Long.parseLong(k[0]))),
            k[1],
            k[2],
            f[0],
            f[1],
            f[2],
            f[3],
            f[4],
            f[5],
            f[6],
            f[7],
            m[0],
            f[8],
            m[1]
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO report_daily (county_code, day, programme, township_code, received, closed,"
            + " refused, clocks_stopped, clocks_on_time, clocks_extended, payments, reversals, paid,"
            + " person_times, recovered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    // counts by code: consultation topics; ratings by township
    List<Object[]> counts = new ArrayList<>();
    Map<Long, Long> perDay = new TreeMap<>();
    jdbc.query(
        "SELECT "
            + day("logged_at")
            + " AS d, topic, COUNT(*) AS n FROM legalaid_consultation"
            + " WHERE county_code = ? AND logged_at >= ? AND logged_at < ? GROUP BY d, topic",
        rs -> {
          long d = rs.getLong("d");
          long n = rs.getLong("n");
          counts.add(count(county, d, "TOPIC", rs.getString("topic"), "", n, null));
          perDay.merge(d, n, Long::sum);
        },
        county,
        s,
        e);
    // the consultations of each day under its weekday (Sunday = 0): what the monthly roll-up keeps
    // of the day
    perDay.forEach(
        (d, n) ->
            counts.add(
                count(
                    county,
                    d,
                    "TOPIC_WD",
                    String.valueOf(LocalDate.ofEpochDay(d).getDayOfWeek().getValue() % 7),
                    "",
                    n,
                    null)));
    jdbc.query(
        "SELECT "
            + day("collected_at")
            + " AS d, township_code, rating, COUNT(*) AS n FROM satisfaction_rating"
            + " WHERE county_code = ? AND collected_at >= ? AND collected_at < ?"
            + " GROUP BY d, township_code, rating",
        rs -> {
          counts.add(
              count(
                  county,
                  rs.getLong("d"),
                  "RATING",
                  rs.getString("rating"),
                  nz(rs.getString("township_code")),
                  rs.getLong("n"),
                  null));
        },
        county,
        s,
        e);
    petitionsAndLegalAid(county, s, e, counts);
    jdbc.batchUpdate(
        "INSERT INTO report_daily_count (county_code, day, metric, dim, township_code, n, amount)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        counts);
    List<Object[]> sets = new ArrayList<>();
    for (var entry : persons.entrySet()) {
      String[] k = entry.getKey().split("\\|", -1);
      long[] ids = entry.getValue().stream().mapToLong(Long::longValue).toArray();
      long[] unique = sortedUnique(ids);
      sets.add(
          new Object[] {
            county, epochDay(Long.parseLong(k[0])), k[1], k[2], unique.length, encode(unique)
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO report_daily_persons (county_code, day, programme, kind, persons, ids)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        sets);
    rollUpMonths(county, from, to);
    return marks;
  }

  private static Object[] count(
      String county, long day, String metric, String dim, String township, long n, BigDecimal m) {
    return new Object[] {
      county, epochDay(day), metric, dim, township, n, m == null ? BigDecimal.ZERO : m
    };
  }

  /**
   * The petition section and legal aid's outcomes and matters of the county's days {@code [s, e)},
   * as daily counts, and the petitions registered on those days as backlog rows: one read of each
   * programme's rows that have any of their days in the range (joined by case, as the plain
   * queries).
   */
  private void petitionsAndLegalAid(String county, Timestamp s, Timestamp e, List<Object[]> out) {
    Map<String, long[]> n = new TreeMap<>(); // day|metric|dim → count
    Map<String, BigDecimal> money = new HashMap<>();
    Map<String, long[]> backlog = new TreeMap<>(); // day|closedDay|midnight → count
    long first = Math.floorDiv(s.getTime() + 28_800_000L, 86_400_000L);
    long last = Math.floorDiv(e.getTime() + 28_800_000L, 86_400_000L); // exclusive
    jdbc.query(
        "SELECT "
            + day("pt.registered_at")
            + " AS reg, (UNIX_TIMESTAMP(pt.registered_at) + 28800) MOD 86400 = 0 AS midnight,"
            + " pt.channel, pt.extension_days IS NOT NULL AS ext, pt.decision, "
            + day("pt.decided_at")
            + " AS decided, "
            + day("pt.review_requested_at")
            + " AS review_req, "
            + day("pt.rereview_requested_at")
            + " AS rereview_req, "
            + day("pt.review_at")
            + " AS review, pt.review_outcome, "
            + day("pt.rereview_at")
            + " AS rereview, pt.rereview_outcome, "
            + day("c.closed_at")
            + " AS closed FROM casefile_case c STRAIGHT_JOIN petition pt ON pt.case_id = c.id"
            + " WHERE c.county_code = ? AND c.case_type = 'PETITION' AND ("
            + inRange("pt.registered_at")
            + " OR "
            + inRange("pt.decided_at")
            + " OR "
            + inRange("pt.review_requested_at")
            + " OR "
            + inRange("pt.rereview_requested_at")
            + " OR "
            + inRange("pt.review_at")
            + " OR "
            + inRange("pt.rereview_at")
            + " OR "
            + inRange("c.closed_at")
            + ")",
        rs -> {
          Long reg = dayOrNull(rs, "reg");
          Long closed = dayOrNull(rs, "closed");
          if (within(reg, first, last)) {
            bump(n, reg, "PET_CHANNEL", rs.getString("channel"));
            if (rs.getBoolean("ext")) {
              bump(n, reg, "PET_EXTENDED", "");
            }
            String k =
                reg
                    + "|"
                    + (closed == null ? OPEN_DAY : closed)
                    + "|"
                    + (rs.getBoolean("midnight") ? 1 : 0);
            backlog.computeIfAbsent(k, x -> new long[1])[0]++;
          }
          Long decided = dayOrNull(rs, "decided");
          if (within(decided, first, last) && rs.getString("decision") != null) {
            bump(n, decided, "PET_DECISION", rs.getString("decision"));
          }
          if (within(closed, first, last)) {
            bump(n, closed, "PET_CLOSED", "");
          }
          Long reviewReq = dayOrNull(rs, "review_req");
          if (within(reviewReq, first, last)) {
            bump(n, reviewReq, "PET_REVIEW", "");
          }
          Long rereviewReq = dayOrNull(rs, "rereview_req");
          if (within(rereviewReq, first, last)) {
            bump(n, rereviewReq, "PET_REREVIEW", "");
          }
          Long review = dayOrNull(rs, "review");
          if (within(review, first, last)) {
            bump(n, review, "PET_OPINION", nz(rs.getString("review_outcome")));
          }
          Long rereview = dayOrNull(rs, "rereview");
          if (within(rereview, first, last)) {
            bump(n, rereview, "PET_OPINION", nz(rs.getString("rereview_outcome")));
          }
        },
        rangeArgs(county, s, e, 7));
    // legal aid in two reads, each bounded by its range through an index (ix_case_report,
    // ix_legalaid_report): as one read with "filed in range OR closed in range" it read every
    // legal-aid case the county ever had on each rebuild (1.2 s a minute at 1,000,000 cases, while
    // holding the dirty marks that case writers wait for)
    jdbc.query(
        "SELECT "
            + day("c.filed_at")
            + " AS filed, la.matter_type FROM casefile_case c STRAIGHT_JOIN legalaid_application la"
            + " ON la.case_id = c.id WHERE c.county_code = ? AND c.case_type = 'LEGAL_AID' AND "
            + inRange("c.filed_at"),
        rs -> {
          Long filed = dayOrNull(rs, "filed");
          if (within(filed, first, last)) {
            bump(n, filed, "LA_MATTER", rs.getString("matter_type"));
          }
        },
        rangeArgs(county, s, e, 1));
    jdbc.query(
        "SELECT "
            + day("la.closed_at")
            + " AS closed, la.outcome, la.money_recovered FROM legalaid_application la"
            + " STRAIGHT_JOIN casefile_case c ON c.id = la.case_id WHERE "
            + inRange("la.closed_at")
            + " AND c.county_code = ? AND c.case_type = 'LEGAL_AID'",
        rs -> {
          Long closed = dayOrNull(rs, "closed");
          if (within(closed, first, last)) {
            String k = bump(n, closed, "LA_OUTCOME", nz(rs.getString("outcome")));
            BigDecimal m = rs.getBigDecimal("money_recovered");
            if (m != null) {
              money.merge(k, m, BigDecimal::add);
            }
          }
        },
        s,
        e,
        county);
    for (var entry : n.entrySet()) {
      String[] k = entry.getKey().split("\\|", -1);
      out.add(
          count(
              county,
              Long.parseLong(k[0]),
              k[1],
              k[2],
              "",
              entry.getValue()[0],
              money.get(entry.getKey())));
    }
    List<Object[]> rows = new ArrayList<>();
    for (var entry : backlog.entrySet()) {
      String[] k = entry.getKey().split("\\|", -1);
      rows.add(
          new Object[] {
            county,
            epochDay(Long.parseLong(k[0])),
            epochDay(Long.parseLong(k[1])),
            Integer.parseInt(k[2]),
            entry.getValue()[0]
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO report_petition_backlog (county_code, day, closed_day, midnight, n)"
            + " VALUES (?, ?, ?, ?, ?)",
        rows);
  }

  /** The closed day of a petition still open (backlog rows). */
  private static final long OPEN_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

  private static String inRange(String column) {
    return "(" + column + " >= ? AND " + column + " < ?)";
  }

  private static Object[] rangeArgs(String county, Timestamp s, Timestamp e, int ranges) {
    Object[] args = new Object[1 + 2 * ranges];
    args[0] = county;
    for (int i = 0; i < ranges; i++) {
      args[1 + 2 * i] = s;
      args[2 + 2 * i] = e;
    }
    return args;
  }

  private static Long dayOrNull(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    long d = rs.getLong(column);
    return rs.wasNull() ? null : d;
  }

  private static boolean within(Long day, long first, long last) {
    return day != null && day >= first && day < last;
  }

  private static String bump(Map<String, long[]> n, long day, String metric, String dim) {
    String k = day + "|" + metric + "|" + dim;
    n.computeIfAbsent(k, x -> new long[1])[0]++;
    return k;
  }

  /**
   * Rolls the county's months touching {@code from..to} up from its days (in the rebuild's
   * transaction; the days are read with a shared lock so a concurrent rebuild of other days of the
   * same month is seen once it commits).
   */
  private void rollUpMonths(String county, LocalDate from, LocalDate to) {
    Date m0 = Date.valueOf(from.withDayOfMonth(1));
    Date m1 = Date.valueOf(to.withDayOfMonth(1).plusMonths(1));
    Object[] range = {county, m0, m1};
    jdbc.update("DELETE FROM report_monthly WHERE county_code = ? AND day >= ? AND day < ?", range);
    jdbc.update(
        "DELETE FROM report_monthly_count WHERE county_code = ? AND day >= ? AND day < ?", range);
    jdbc.update(
        "DELETE FROM report_monthly_persons WHERE county_code = ? AND day >= ? AND day < ?", range);
    String month = "DATE_FORMAT(day, '%Y-%m-01')";
    jdbc.update(
        "INSERT INTO report_monthly (county_code, day, programme, township_code, received, closed,"
            + " refused, clocks_stopped, clocks_on_time, clocks_extended, payments, reversals, paid,"
            + " person_times, recovered) SELECT county_code, "
            + month
            + ", programme, township_code, SUM(received), SUM(closed), SUM(refused),"
            + " SUM(clocks_stopped), SUM(clocks_on_time), SUM(clocks_extended), SUM(payments),"
            + " SUM(reversals), SUM(paid), SUM(person_times), SUM(recovered) FROM report_daily"
            + " WHERE county_code = ? AND day >= ? AND day < ?"
            + " GROUP BY county_code, "
            + month
            + ", programme, township_code",
        range);
    jdbc.update(
        "INSERT INTO report_monthly_count (county_code, day, metric, dim, township_code, n, amount)"
            + " SELECT county_code, "
            + month
            + ", metric, dim, township_code, SUM(n), SUM(amount) FROM report_daily_count"
            + " WHERE county_code = ? AND day >= ? AND day < ?"
            + " GROUP BY county_code, "
            + month
            + ", metric, dim, township_code",
        range);
    Map<String, LongList> sets = new TreeMap<>();
    jdbc.query(
        "SELECT "
            + month
            + " AS m, programme, kind, ids FROM report_daily_persons"
            + " WHERE county_code = ? AND day >= ? AND day < ? LOCK IN SHARE MODE",
        rs -> {
          decode(
              rs.getBytes("ids"),
              sets.computeIfAbsent(
                  rs.getString("m") + "|" + rs.getString("programme") + "|" + rs.getString("kind"),
                  k -> new LongList()));
        },
        range);
    List<Object[]> rows = new ArrayList<>();
    for (var entry : sets.entrySet()) {
      String[] k = entry.getKey().split("\\|", -1);
      LongList ids = entry.getValue();
      long[] unique = sortedUnique(Arrays.copyOf(ids.a, ids.n));
      rows.add(
          new Object[] {county, Date.valueOf(k[0]), k[1], k[2], unique.length, encode(unique)});
    }
    jdbc.batchUpdate(
        "INSERT INTO report_monthly_persons (county_code, day, programme, kind, persons, ids)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        rows);
  }

  private static String day(String column) {
    return DAY.formatted(column);
  }

  private static Date epochDay(long d) {
    return Date.valueOf(LocalDate.ofEpochDay(d));
  }

  private static String key(long day, String programme, String township) {
    return day + "|" + programme + "|" + township;
  }

  private static long[] figures(Map<String, long[]> daily, long d, String prog, String township) {
    return daily.computeIfAbsent(key(d, prog, township), k -> new long[9]);
  }

  private static BigDecimal[] zeros() {
    return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  // ---------------------------------------------------------------- person sets

  static long[] sortedUnique(long[] ids) {
    long[] a = ids.clone();
    Arrays.sort(a);
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (n == 0 || a[i] != a[n - 1]) {
        a[n++] = a[i];
      }
    }
    return Arrays.copyOf(a, n);
  }

  /** Sorted distinct ids as deltas, unsigned LEB128 varints (1–3 bytes a person typically). */
  static byte[] encode(long[] sortedUnique) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sortedUnique.length * 3);
    long prev = 0;
    for (long id : sortedUnique) {
      long v = id - prev;
      prev = id;
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }
    return out.toByteArray();
  }

  /** Appends the decoded ids to {@code into}. */
  static void decode(byte[] bytes, LongList into) {
    long prev = 0;
    int i = 0;
    while (i < bytes.length) {
      long v = 0;
      int shift = 0;
      byte b;
      do {
        b = bytes[i++];
        v |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while (b < 0);
      prev += v;
      into.add(prev);
    }
  }

  /** A growable list of longs (no boxing for a city's million persons). */
  static final class LongList {
    long[] a = new long[1024];
    int n;

    void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    long distinct() {
      return sortedUnique(Arrays.copyOf(a, n)).length;
    }
  }

  // ---------------------------------------------------------------- reads

  /**
   * A period as whole months (read from the monthly tables) and the odd days at either end (read
   * from the daily ones): [mFrom, mTo) months, [d1From, d1To) and [d2From, d2To) days.
   */
  record Parts(Date mFrom, Date mTo, Date d1From, Date d1To, Date d2From, Date d2To) {

    static Parts of(LocalDate from, LocalDate after) {
      LocalDate full0 = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
      LocalDate full1 = after.withDayOfMonth(1);
      if (!full0.isBefore(full1)) {
        Date f = Date.valueOf(from);
        return new Parts(f, f, f, Date.valueOf(after), f, f);
      }
      return new Parts(
          Date.valueOf(full0),
          Date.valueOf(full1),
          Date.valueOf(from),
          Date.valueOf(full0),
          Date.valueOf(full1),
          Date.valueOf(after));
    }

    Object[] args(String countyLike) {
      return new Object[] {countyLike, mFrom, mTo, countyLike, d1From, d1To, d2From, d2To};
    }
  }

  /**
   * The rows of a daily table and its monthly twin that make up the period (columns {@code cols}).
   */
  private static String source(String table, String cols) {
    return "(SELECT "
        + cols
        + " FROM report_monthly"
        + table
        + " WHERE county_code LIKE ? AND day >= ? AND day < ? UNION ALL SELECT "
        + cols
        + " FROM report_daily"
        + table
        + " WHERE county_code LIKE ? AND (day >= ? AND day < ? OR day >= ? AND day < ?)) x";
  }

  private static final String DAILY_COLS =
      "county_code, township_code, programme, day, received, closed, refused, clocks_stopped,"
          + " clocks_on_time, clocks_extended, payments, reversals, paid, person_times, recovered";

  /**
   * Reads everything a county's or the city's report takes from the summaries for the period: five
   * queries (sums by area, programme and month; 期末在办; the person sets; the counts by code; the
   * petition backlog) over the whole months' rows and the odd days'.
   */
  Read read(Area a, ReportPeriod p, Map<String, String> childNames) {
    return new Read(a, p, childNames);
  }

  final class Read {

    private final Area area;
    private final ReportPeriod period;
    private final Map<String, String> names;
    private final List<YearMonth> months;
    private final Map<String, long[]> sums = new HashMap<>(); // programme → figures
    private final Map<String, BigDecimal[]> money = new HashMap<>(); // programme → paid, recovered
    private final Map<String, long[]> trend = new HashMap<>(); // programme → per month
    private final Map<String, long[]> areaCounts = new HashMap<>();
    private final Map<String, BigDecimal> areaPaid = new HashMap<>();
    private final Map<String, Long> open = new HashMap<>();
    private final Map<String, LongList> people = new HashMap<>();
    private final List<Object[]> counts = new ArrayList<>(); // metric, dim, township, n, amount
    private final long[] backlog = new long[5]; // all, ≤30, 31–60, 61–90, >90

    private Read(Area a, ReportPeriod p, Map<String, String> names) {
      this.area = a;
      this.period = p;
      this.names = names;
      this.months = ReportQueries.months(p);
      LocalDate after = p.to().plusDays(1);
      Object[] args = Parts.of(p.from(), after).args(a.countyLike());
      String areaColumn = a.city() ? "county_code" : "township_code";
      jdbc.query(
          "SELECT "
              + areaColumn
              + " AS area, programme, YEAR(day) AS y, MONTH(day) AS m, SUM(received) AS received,"
              + " SUM(closed) AS closed, SUM(refused) AS refused, SUM(clocks_stopped) AS stopped,"
              + " SUM(clocks_on_time) AS on_time, SUM(clocks_extended) AS extended,"
              + " SUM(payments) - SUM(reversals) AS standing, SUM(person_times) AS person_times,"
              + " SUM(paid) AS paid, SUM(recovered) AS recovered FROM "
              + source("", DAILY_COLS)
              + " GROUP BY area, programme, y, m",
          rs -> {
            String prog = rs.getString("programme");
            long received = rs.getLong("received");
            long[] f = sums.computeIfAbsent(prog, k -> new long[8]);
            f[0] += received;
            f[1] += rs.getLong("closed");
            f[2] += rs.getLong("refused");
            f[3] += rs.getLong("stopped");
            f[4] += rs.getLong("on_time");
            f[5] += rs.getLong("extended");
            f[6] += rs.getLong("standing");
            f[7] += rs.getLong("person_times");
            BigDecimal[] m = money.computeIfAbsent(prog, k -> zeros());
            m[0] = m[0].add(rs.getBigDecimal("paid"));
            m[1] = m[1].add(rs.getBigDecimal("recovered"));
            int i = months.indexOf(YearMonth.of(rs.getInt("y"), rs.getInt("m")));
            if (i >= 0) {
              trend.computeIfAbsent(prog, k -> new long[months.size()])[i] += received;
            }
            String place = rs.getString("area");
            areaPaid.merge(place, rs.getBigDecimal("paid"), BigDecimal::add);
            try {
              areaCounts
                      .computeIfAbsent(place, k -> new long[CaseType.values().length])[
                      CaseType.valueOf(prog).ordinal()] +=
                  received;
            } catch (IllegalArgumentException otherProgramme) {
              // ledger programmes that are not case types count for the money only
            }
          },
          args);
      // open at the period's end: filed before it minus closed before it (a case closes after
      // filing), over all the months and days before the period's end
      jdbc.query(
          "SELECT programme, SUM(received) - SUM(closed) AS open_at_end FROM "
              + source("", "programme, received, closed")
              + " GROUP BY programme",
          rs -> {
            open.put(rs.getString("programme"), rs.getLong("open_at_end"));
          },
          Parts.of(LocalDate.of(1900, 1, 1), after).args(a.countyLike()));
      jdbc.query(
          "SELECT programme, kind, ids FROM " + source("_persons", "programme, kind, ids"),
          rs -> {
            decode(
                rs.getBytes("ids"),
                people.computeIfAbsent(
                    rs.getString("programme") + "|" + rs.getString("kind"), k -> new LongList()));
          },
          args);
      // ordered by code in the database's collation, as the plain queries' ORDER BY
      jdbc.query(
          "SELECT metric, dim, township_code, SUM(n) AS n, SUM(amount) AS amount FROM "
              + source("_count", "metric, dim, township_code, n, amount")
              + " GROUP BY metric, dim, township_code ORDER BY metric, dim, township_code",
          rs -> {
            counts.add(
                new Object[] {
                  rs.getString("metric"),
                  rs.getString("dim"),
                  rs.getString("township_code"),
                  rs.getLong("n"),
                  rs.getBigDecimal("amount")
                });
          },
          args);
      // 信访积案 at the period's end: registered before it, not closed by then, by age in days
      Date end = Date.valueOf(after);
      jdbc.query(
          "SELECT SUM(n) AS n_all,"
              + " SUM(CASE WHEN DATEDIFF(?, day) - 1 + midnight <= 30 THEN n ELSE 0 END) AS a30,"
              + " SUM(CASE WHEN DATEDIFF(?, day) - 1 + midnight BETWEEN 31 AND 60 THEN n ELSE 0 END)"
              + " AS a60,"
              + " SUM(CASE WHEN DATEDIFF(?, day) - 1 + midnight BETWEEN 61 AND 90 THEN n ELSE 0 END)"
              + " AS a90,"
              + " SUM(CASE WHEN DATEDIFF(?, day) - 1 + midnight > 90 THEN n ELSE 0 END) AS older"
              + " FROM report_petition_backlog WHERE county_code LIKE ? AND day < ? AND closed_day >= ?",
          rs -> {
            backlog[0] = rs.getLong("n_all");
            backlog[1] = rs.getLong("a30");
            backlog[2] = rs.getLong("a60");
            backlog[3] = rs.getLong("a90");
            backlog[4] = rs.getLong("older");
          },
          end,
          end,
          end,
          end,
          a.countyLike(),
          end,
          end);
    }

    private long count(String metric, String dim) {
      long n = 0;
      for (Object[] c : counts) {
        if (c[0].equals(metric) && (dim == null || c[1].equals(dim))) {
          n += (Long) c[3];
        }
      }
      return n;
    }

    /** A code's count and amount, summed over townships. */
    private record CodeCount(String code, long n, BigDecimal amount) {}

    /**
     * The counts of a metric by code, summed over townships, in the database's code order; {@code
     * mostFirst}: then by count, most first (a stable sort: ties stay in code order, as the plain
     * queries' {@code ORDER BY n DESC, code}).
     */
    private List<CodeCount> byCode(String metric, boolean mostFirst) {
      Map<String, CodeCount> out = new LinkedHashMap<>();
      for (Object[] c : counts) {
        if (c[0].equals(metric)) {
          out.merge(
              (String) c[1],
              new CodeCount((String) c[1], (Long) c[3], (BigDecimal) c[4]),
              (x, y) -> new CodeCount(x.code(), x.n() + y.n(), x.amount().add(y.amount())));
        }
      }
      List<CodeCount> list = new ArrayList<>(out.values());
      if (mostFirst) {
        list.sort(Comparator.comparingLong(CodeCount::n).reversed());
      }
      return list;
    }

    List<ProgrammeRow> programmes() {
      List<ProgrammeRow> rows = new ArrayList<>();
      for (CaseType type : CaseType.values()) {
        long[] f = sums.getOrDefault(type.name(), new long[8]);
        BigDecimal[] m = money.get(type.name());
        boolean paying = type == CaseType.HARDSHIP || type == CaseType.CONDOLENCE;
        long casePersons = distinct(people.get(type.name() + "|CASE"));
        long personTimes;
        long persons;
        if (paying) {
          personTimes = f[6];
          persons = distinct(people.get(type.name() + "|PAY"));
        } else if (type == CaseType.PETITION) {
          personTimes = f[7];
          persons = casePersons;
        } else {
          personTimes = f[0];
          persons = casePersons;
        }
        rows.add(
            new ProgrammeRow(
                type.name(),
                type.label(),
                f[0],
                f[1],
                f[2],
                open.getOrDefault(type.name(), 0L),
                personTimes,
                persons,
                ReportQueries.money(m == null ? null : m[0]),
                type == CaseType.LEGAL_AID ? ReportQueries.money(m == null ? null : m[1]) : null,
                f[3],
                f[4]));
      }
      return rows;
    }

    /** Whole-case clocks stopped in the period per case type: stopped, on time, extended. */
    Map<String, long[]> clocks() {
      Map<String, long[]> out = new LinkedHashMap<>();
      sums.forEach(
          (prog, f) -> {
            if (f[3] > 0) {
              out.put(prog, new long[] {f[3], f[4], f[5]});
            }
          });
      return out;
    }

    List<TrendRow> trend() {
      List<TrendRow> rows = new ArrayList<>();
      for (CaseType type : CaseType.values()) {
        long[] c = trend.getOrDefault(type.name(), new long[months.size()]);
        rows.add(new TrendRow(type.label(), Arrays.stream(c).boxed().toList()));
      }
      return rows;
    }

    List<AreaRow> areas() {
      List<AreaRow> rows = new ArrayList<>();
      for (var n : names.entrySet()) {
        long[] c = areaCounts.getOrDefault(n.getKey(), new long[CaseType.values().length]);
        rows.add(
            new AreaRow(
                n.getKey(),
                n.getValue(),
                c[CaseType.HARDSHIP.ordinal()],
                c[CaseType.CONDOLENCE.ordinal()],
                c[CaseType.LEGAL_AID.ordinal()],
                c[CaseType.PETITION.ordinal()],
                ReportQueries.money(areaPaid.get(n.getKey()))));
      }
      return rows;
    }

    /** Ratings: [satisfied, basically, dissatisfied]; per township [ok, all]. */
    long[] ratings(Map<String, long[]> byTownship) {
      long[] out = new long[3];
      for (Object[] c : counts) {
        if (!c[0].equals("RATING")) {
          continue;
        }
        long n = (Long) c[3];
        int i =
            switch ((String) c[1]) {
              case "SATISFIED" -> 0;
              case "BASICALLY_SATISFIED" -> 1;
              default -> 2;
            };
        out[i] += n;
        long[] t = byTownship.computeIfAbsent((String) c[2], k -> new long[2]);
        t[1] += n;
        if (i < 2) {
          t[0] += n;
        }
      }
      return out;
    }

    Consultations consultations() {
      List<Count> topics = new ArrayList<>();
      long total = 0;
      for (CodeCount t : byCode("TOPIC", true)) {
        topics.add(new Count(ReportQueries.matterLabel(t.code()), t.n(), null));
        total += t.n();
      }
      long[] byDay = new long[7];
      for (CodeCount wd : byCode("TOPIC_WD", false)) {
        byDay[Integer.parseInt(wd.code())] += wd.n();
      }
      return new Consultations(topics, byDay, total);
    }

    LegalAidSection legalAid(long received, Consultations consulted) {
      List<Count> outcomes = new ArrayList<>();
      long closed = 0;
      BigDecimal recovered = BigDecimal.ZERO;
      for (CodeCount o : byCode("LA_OUTCOME", false)) {
        BigDecimal m = ReportQueries.money(o.amount());
        closed += o.n();
        recovered = recovered.add(m);
        outcomes.add(
            new Count(
                o.code().isEmpty() ? "未记录结果（终止等）" : ReportQueries.outcomeLabel(o.code()),
                o.n(),
                m));
      }
      List<Count> matters = new ArrayList<>();
      for (CodeCount m : byCode("LA_MATTER", true)) {
        matters.add(new Count(ReportQueries.matterLabel(m.code()), m.n(), null));
      }
      return new LegalAidSection(
          received,
          closed,
          recovered,
          consulted.total(),
          outcomes,
          matters,
          consulted.topics(),
          consulted.weekdays());
    }

    PetitionSection petitions(long[] clock, List<String[]> reviewOutcomeCodes) {
      List<Count> channels = new ArrayList<>();
      for (Channel ch : Channel.values()) {
        channels.add(new Count(ch.label(), count("PET_CHANNEL", ch.name()), null));
      }
      long received = count("PET_CHANNEL", null);
      Map<String, Long> byOutcome = new HashMap<>();
      for (CodeCount o : byCode("PET_OPINION", false)) {
        byOutcome.put(o.code().isEmpty() ? "null" : o.code(), o.n());
      }
      List<Count> outcomes = new ArrayList<>();
      for (String[] code : reviewOutcomeCodes) {
        outcomes.add(new Count(code[1], byOutcome.getOrDefault(code[0], 0L), null));
      }
      if (byOutcome.containsKey("null")) {
        outcomes.add(new Count("未记录结论", byOutcome.get("null"), null));
      }
      long[] f = sums.getOrDefault(CaseType.PETITION.name(), new long[8]);
      return new PetitionSection(
          received,
          f[7],
          channels,
          count("PET_DECISION", "ACCEPT"),
          count("PET_DECISION", "TRANSFER"),
          count("PET_DECISION", "NOT_ACCEPT"),
          count("PET_CLOSED", null),
          clock[0],
          clock[1],
          count("PET_EXTENDED", null),
          count("PET_REVIEW", null),
          count("PET_REREVIEW", null),
          byOutcome.getOrDefault("UPHELD", 0L),
          outcomes,
          backlog[0],
          List.of(
              new Count("30日以内", backlog[1], null),
              new Count("31–60日", backlog[2], null),
              new Count("61–90日", backlog[3], null),
              new Count("90日以上", backlog[4], null)));
    }
  }

  private static long distinct(LongList ids) {
    return ids == null ? 0 : ids.distinct();
  }
}
