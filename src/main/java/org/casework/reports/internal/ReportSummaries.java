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
import org.casework.reports.Report.AreaRow;
import org.casework.reports.Report.Count;
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
        Integer n = tx.execute(st -> rebuild(county.getKey(), from, to));
        done += n == null ? 0 : n;
        i = j + 1;
      }
    }
    return done;
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
    jdbc.query(
        "SELECT "
            + day("logged_at")
            + " AS d, topic, COUNT(*) AS n FROM legalaid_consultation"
            + " WHERE county_code = ? AND logged_at >= ? AND logged_at < ? GROUP BY d, topic",
        rs -> {
          counts.add(
              new Object[] {
                county,
                epochDay(rs.getLong("d")),
                "TOPIC",
                rs.getString("topic"),
                "",
                rs.getLong("n")
              });
        },
        county,
        s,
        e);
    jdbc.query(
        "SELECT "
            + day("collected_at")
            + " AS d, township_code, rating, COUNT(*) AS n FROM satisfaction_rating"
            + " WHERE county_code = ? AND collected_at >= ? AND collected_at < ?"
            + " GROUP BY d, township_code, rating",
        rs -> {
          counts.add(
              new Object[] {
                county,
                epochDay(rs.getLong("d")),
                "RATING",
                rs.getString("rating"),
                nz(rs.getString("township_code")),
                rs.getLong("n")
              });
        },
        county,
        s,
        e);
    jdbc.batchUpdate(
        "INSERT INTO report_daily_count (county_code, day, metric, dim, township_code, n)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
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
    return marks;
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

  private static Date first(ReportPeriod p) {
    return Date.valueOf(p.from());
  }

  private static Date after(ReportPeriod p) {
    return Date.valueOf(p.to().plusDays(1));
  }

  /** Cases, ledger money, clocks per programme: the same rows as {@link ReportQueries}. */
  List<ProgrammeRow> programmes(Area a, ReportPeriod p) {
    Map<String, Object[]> sums = new HashMap<>();
    jdbc.query(
        "SELECT programme, SUM(received) AS received, SUM(closed) AS closed, SUM(refused) AS refused,"
            + " SUM(clocks_stopped) AS stopped, SUM(clocks_on_time) AS on_time,"
            + " SUM(payments) - SUM(reversals) AS standing, SUM(paid) AS paid,"
            + " SUM(person_times) AS person_times, SUM(recovered) AS recovered"
            + " FROM report_daily WHERE county_code LIKE ? AND day >= ? AND day < ? GROUP BY programme",
        rs -> {
          sums.put(
              rs.getString("programme"),
              new Object[] {
                rs.getLong("received"),
                rs.getLong("closed"),
                rs.getLong("refused"),
                rs.getLong("stopped"),
                rs.getLong("on_time"),
                rs.getLong("standing"),
                rs.getBigDecimal("paid"),
                rs.getLong("person_times"),
                rs.getBigDecimal("recovered")
              });
        },
        a.countyLike(),
        first(p),
        after(p));
    // open at the period's end: filed before it minus closed before it (a case closes after filing)
    Map<String, Long> open = new HashMap<>();
    jdbc.query(
        "SELECT programme, SUM(received) - SUM(closed) AS open_at_end FROM report_daily"
            + " WHERE county_code LIKE ? AND day < ? GROUP BY programme",
        rs -> {
          open.put(rs.getString("programme"), rs.getLong("open_at_end"));
        },
        a.countyLike(),
        after(p));
    Map<String, LongList> people = new HashMap<>();
    jdbc.query(
        "SELECT programme, kind, ids FROM report_daily_persons"
            + " WHERE county_code LIKE ? AND day >= ? AND day < ?",
        rs -> {
          decode(
              rs.getBytes("ids"),
              people.computeIfAbsent(
                  rs.getString("programme") + "|" + rs.getString("kind"), k -> new LongList()));
        },
        a.countyLike(),
        first(p),
        after(p));
    List<ProgrammeRow> rows = new ArrayList<>();
    for (CaseType type : CaseType.values()) {
      Object[] m = sums.get(type.name());
      long received = m == null ? 0 : (Long) m[0];
      boolean paying = type == CaseType.HARDSHIP || type == CaseType.CONDOLENCE;
      long casePersons = distinct(people.get(type.name() + "|CASE"));
      long personTimes;
      long persons;
      if (paying) {
        personTimes = m == null ? 0 : (Long) m[5];
        persons = distinct(people.get(type.name() + "|PAY"));
      } else if (type == CaseType.PETITION) {
        personTimes = m == null ? 0 : (Long) m[7];
        persons = casePersons;
      } else {
        personTimes = received;
        persons = casePersons;
      }
      rows.add(
          new ProgrammeRow(
              type.name(),
              type.label(),
              received,
              m == null ? 0 : (Long) m[1],
              m == null ? 0 : (Long) m[2],
              open.getOrDefault(type.name(), 0L),
              personTimes,
              persons,
              ReportQueries.money(m == null ? null : (BigDecimal) m[6]),
              type == CaseType.LEGAL_AID
                  ? ReportQueries.money(m == null ? null : (BigDecimal) m[8])
                  : null,
              m == null ? 0 : (Long) m[3],
              m == null ? 0 : (Long) m[4]));
    }
    return rows;
  }

  private static long distinct(LongList ids) {
    return ids == null ? 0 : ids.distinct();
  }

  /** Whole-case clocks stopped in the period per case type: stopped, on time, extended. */
  Map<String, long[]> clocks(Area a, ReportPeriod p) {
    Map<String, long[]> out = new LinkedHashMap<>();
    jdbc.query(
        "SELECT programme, SUM(clocks_stopped) AS stopped, SUM(clocks_on_time) AS on_time,"
            + " SUM(clocks_extended) AS extended FROM report_daily"
            + " WHERE county_code LIKE ? AND day >= ? AND day < ? GROUP BY programme"
            + " HAVING SUM(clocks_stopped) > 0",
        rs -> {
          out.put(
              rs.getString("programme"),
              new long[] {rs.getLong("stopped"), rs.getLong("on_time"), rs.getLong("extended")});
        },
        a.countyLike(),
        first(p),
        after(p));
    return out;
  }

  /** Cases received per programme and month of the period. */
  List<TrendRow> trend(Area a, ReportPeriod p) {
    List<YearMonth> months = ReportQueries.months(p);
    Map<String, long[]> byType = new HashMap<>();
    jdbc.query(
        "SELECT programme, YEAR(day) AS y, MONTH(day) AS m, SUM(received) AS n FROM report_daily"
            + " WHERE county_code LIKE ? AND day >= ? AND day < ? GROUP BY programme, y, m",
        rs -> {
          int i = months.indexOf(YearMonth.of(rs.getInt("y"), rs.getInt("m")));
          if (i >= 0) {
            byType.computeIfAbsent(rs.getString("programme"), k -> new long[months.size()])[i] +=
                rs.getLong("n");
          }
        },
        a.countyLike(),
        first(p),
        after(p));
    List<TrendRow> rows = new ArrayList<>();
    for (CaseType type : CaseType.values()) {
      long[] c = byType.getOrDefault(type.name(), new long[months.size()]);
      rows.add(new TrendRow(type.label(), Arrays.stream(c).boxed().toList()));
    }
    return rows;
  }

  /** Received per programme and money paid per county (city) or township (county). */
  List<AreaRow> areas(Area a, ReportPeriod p, Map<String, String> names) {
    String areaExpr = a.city() ? "county_code" : "township_code";
    Map<String, long[]> counts = new HashMap<>();
    Map<String, BigDecimal> paid = new HashMap<>();
    jdbc.query(
        "SELECT "
            + areaExpr
            + " AS area, programme, SUM(received) AS n, SUM(paid) AS paid FROM report_daily"
            + " WHERE county_code LIKE ? AND day >= ? AND day < ? GROUP BY area, programme",
        rs -> {
          String area = rs.getString("area");
          paid.merge(area, rs.getBigDecimal("paid"), BigDecimal::add);
          try {
            counts
                    .computeIfAbsent(area, k -> new long[CaseType.values().length])[
                    CaseType.valueOf(rs.getString("programme")).ordinal()] +=
                rs.getLong("n");
          } catch (IllegalArgumentException otherProgramme) {
            // ledger programmes that are not case types count for the money only
          }
        },
        a.countyLike(),
        first(p),
        after(p));
    List<AreaRow> rows = new ArrayList<>();
    for (var n : names.entrySet()) {
      long[] c = counts.getOrDefault(n.getKey(), new long[CaseType.values().length]);
      BigDecimal money = paid.get(n.getKey());
      rows.add(
          new AreaRow(
              n.getKey(),
              n.getValue(),
              c[CaseType.HARDSHIP.ordinal()],
              c[CaseType.CONDOLENCE.ordinal()],
              c[CaseType.LEGAL_AID.ordinal()],
              c[CaseType.PETITION.ordinal()],
              ReportQueries.money(money)));
    }
    return rows;
  }

  /** Ratings of the period: [satisfied, basically, dissatisfied]; per township [ok, all]. */
  long[] ratings(Area a, ReportPeriod p, Map<String, long[]> byTownship) {
    long[] out = new long[3];
    jdbc.query(
        "SELECT township_code, dim, SUM(n) AS n FROM report_daily_count WHERE county_code LIKE ?"
            + " AND day >= ? AND day < ? AND metric = 'RATING' GROUP BY township_code, dim",
        rs -> {
          long n = rs.getLong("n");
          int i =
              switch (rs.getString("dim")) {
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
        a.countyLike(),
        first(p),
        after(p));
    return out;
  }

  /** Consultations by topic (most first) and by weekday of the China day. */
  Consultations consultations(Area a, ReportPeriod p) {
    Map<String, Long> byTopic = new HashMap<>();
    long[] byDay = new long[7];
    long[] total = {0};
    jdbc.query(
        "SELECT day, dim, SUM(n) AS n FROM report_daily_count WHERE county_code LIKE ?"
            + " AND day >= ? AND day < ? AND metric = 'TOPIC' GROUP BY day, dim",
        rs -> {
          long n = rs.getLong("n");
          LocalDate d = rs.getDate("day").toLocalDate();
          byDay[d.getDayOfWeek().getValue() % 7] += n;
          byTopic.merge(rs.getString("dim"), n, Long::sum);
          total[0] += n;
        },
        a.countyLike(),
        first(p),
        after(p));
    List<Count> topics =
        byTopic.entrySet().stream()
            .sorted(
                Comparator.comparing(Map.Entry<String, Long>::getValue)
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .map(t -> new Count(ReportQueries.matterLabel(t.getKey()), t.getValue(), null))
            .toList();
    return new Consultations(topics, byDay, total[0]);
  }
}
