package org.casework.ledger.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.ledger.EntryType;
import org.casework.ledger.Finding;
import org.casework.ledger.ReconciliationReport;
import org.casework.ledger.ReconciliationReport.Line;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches a finance/bank result file against the ledger. Lines: {@code disbursement id, amount,
 * status, date} with an optional header; status PAID/成功 or FAILED/失败; date yyyy-MM-dd.
 */
@Component
class Reconciliations {

  static final int MAX_LINES = 20_000;

  private final JdbcTemplate jdbc;
  private final DisbursementRepository disbursements;
  private final Clock clock;

  Reconciliations(JdbcTemplate jdbc, DisbursementRepository disbursements, Clock clock) {
    this.jdbc = jdbc;
    this.disbursements = disbursements;
    this.clock = clock;
  }

  private record Raw(int lineNo, String id, String amount, String status, String date) {}

  @Transactional
  ReconciliationReport importFile(
      String fileName, InputStream csv, String importedBy, RegionScope importer) {
    List<Raw> raws = read(csv);
    Set<String> ids = raws.stream().map(Raw::id).collect(Collectors.toSet());
    // an officer sees only the payments of their region: others are "not in the ledger"
    Map<String, DisbursementEntity> ledger =
        disbursements.findByDisbursementIdIn(ids).stream()
            .filter(d -> importer == null || covers(importer, d.getRegionCode()))
            .collect(Collectors.toMap(DisbursementEntity::getDisbursementId, Function.identity()));
    Set<String> reversed =
        disbursements.findByReversesIdIn(ids).stream()
            .map(DisbursementEntity::getReversesId)
            .collect(Collectors.toSet());
    Map<String, Long> paidBefore = paidInEarlierFiles(ids);
    Set<String> paidInThisFile = new HashSet<>();

    List<Line> lines = new ArrayList<>();
    for (Raw raw : raws) {
      lines.add(match(raw, ledger, reversed, paidBefore, paidInThisFile));
    }
    int mismatches = (int) lines.stream().filter(l -> l.finding().isMismatch()).count();
    Instant now = clock.instant();
    String name = fileName == null || fileName.isBlank() ? "finance.csv" : fileName.strip();
    name = name.length() > 255 ? name.substring(0, 255) : name;
    long id =
        insertHeader(
            name,
            importedBy,
            importer == null ? null : importer.prefix(),
            now,
            lines.size(),
            mismatches);
    jdbc.batchUpdate(
        "INSERT INTO ledger_reconciliation_line (reconciliation_id, line_no, disbursement_id,"
            + " amount, ledger_amount, bank_status, paid_on, finding, detail) VALUES"
            + " (?,?,?,?,?,?,?,?,?)",
        lines,
        500,
        (ps, l) -> {
          ps.setLong(1, id);
          ps.setInt(2, l.lineNo());
          ps.setString(3, l.disbursementId());
          ps.setBigDecimal(4, l.amount());
          ps.setBigDecimal(5, l.ledgerAmount());
          ps.setString(6, l.bankStatus());
          ps.setDate(7, l.paidOn() == null ? null : Date.valueOf(l.paidOn()));
          ps.setString(8, l.finding().name());
          ps.setString(9, l.detail());
        });
    return new ReconciliationReport(id, name, importedBy, now, lines);
  }

  /** The region a batch was imported in (empty when unknown or missing). */
  @Transactional(readOnly = true)
  Optional<String> regionOf(long id) {
    return jdbc
        .query(
            "SELECT region_code FROM ledger_reconciliation WHERE id = ?",
            (rs, n) -> Optional.ofNullable(rs.getString(1)),
            id)
        .stream()
        .findFirst()
        .flatMap(o -> o);
  }

  private static boolean covers(RegionScope scope, String regionCode) {
    try {
      return regionCode != null && scope.covers(RegionCode.parse(regionCode));
    } catch (RuntimeException e) {
      return false; // not a region code: covered by nobody
    }
  }

  @Transactional(readOnly = true)
  Optional<ReconciliationReport> find(long id) {
    var headers =
        jdbc.query(
            "SELECT id, file_name, imported_by, imported_at FROM ledger_reconciliation WHERE id = ?",
            (rs, n) ->
                new Object[] {
                  rs.getString("file_name"),
                  rs.getString("imported_by"),
                  rs.getTimestamp("imported_at").toInstant()
                },
            id);
    if (headers.isEmpty()) {
      return Optional.empty();
    }
    List<Line> lines =
        jdbc.query(
            "SELECT * FROM ledger_reconciliation_line WHERE reconciliation_id = ? ORDER BY line_no",
            (rs, n) ->
                new Line(
                    rs.getInt("line_no"),
                    rs.getString("disbursement_id"),
                    rs.getBigDecimal("amount"),
                    rs.getBigDecimal("ledger_amount"),
                    rs.getString("bank_status"),
                    rs.getDate("paid_on") == null ? null : rs.getDate("paid_on").toLocalDate(),
                    Finding.valueOf(rs.getString("finding")),
                    rs.getString("detail")),
            id);
    Object[] h = headers.getFirst();
    return Optional.of(
        new ReconciliationReport(id, (String) h[0], (String) h[1], (Instant) h[2], lines));
  }

  private Line match(
      Raw raw,
      Map<String, DisbursementEntity> ledger,
      Set<String> reversed,
      Map<String, Long> paidBefore,
      Set<String> paidInThisFile) {
    BigDecimal amount;
    LocalDate paidOn;
    String status = normaliseStatus(raw.status());
    try {
      amount = new BigDecimal(raw.amount().replace(",", "").replace("¥", "").strip());
      amount = amount.setScale(2, RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      return invalid(raw, "金额无法识别：" + raw.amount());
    }
    try {
      paidOn = raw.date().isBlank() ? null : LocalDate.parse(raw.date().strip());
    } catch (DateTimeParseException e) {
      return invalid(raw, "日期应为 yyyy-MM-dd：" + raw.date());
    }
    if (status == null) {
      return invalid(raw, "状态应为 PAID/成功 或 FAILED/失败：" + raw.status());
    }
    DisbursementEntity entry = ledger.get(raw.id());
    if (entry == null || entry.getEntryType() != EntryType.PAYMENT) {
      return line(raw, amount, null, status, paidOn, Finding.UNKNOWN_ID, "台账中没有这笔支付");
    }
    BigDecimal expected = entry.getAmount();
    if ("FAILED".equals(status)) {
      return line(raw, amount, expected, status, paidOn, Finding.FAILED, "银行退回或支付失败，需核实后重新发放");
    }
    boolean twiceHere = !paidInThisFile.add(raw.id());
    Long earlier = paidBefore.get(raw.id());
    if (twiceHere || earlier != null) {
      String where = twiceHere ? "本文件中已出现过一次支付成功记录" : "对账批次 #" + earlier + " 已记录支付成功";
      return line(raw, amount, expected, status, paidOn, Finding.PAID_TWICE, where);
    }
    if (reversed.contains(raw.id())) {
      return line(
          raw,
          amount,
          expected,
          status,
          paidOn,
          Finding.PAID_AFTER_REVERSAL,
          "该笔支付在台账中已冲正，银行仍显示已支付");
    }
    if (amount.compareTo(expected) != 0) {
      return line(
          raw,
          amount,
          expected,
          status,
          paidOn,
          Finding.AMOUNT_DIFFERS,
          "台账金额 " + Formats.yuan(expected) + "，银行金额 " + Formats.yuan(amount));
    }
    return line(raw, amount, expected, status, paidOn, Finding.MATCHED, null);
  }

  private static Line line(
      Raw raw,
      BigDecimal amount,
      BigDecimal expected,
      String status,
      LocalDate paidOn,
      Finding finding,
      String detail) {
    return new Line(raw.lineNo(), raw.id(), amount, expected, status, paidOn, finding, detail);
  }

  private static Line invalid(Raw raw, String detail) {
    String status = raw.status().length() > 16 ? raw.status().substring(0, 16) : raw.status();
    return new Line(raw.lineNo(), raw.id(), null, null, status, null, Finding.INVALID_LINE, detail);
  }

  private static String normaliseStatus(String s) {
    return switch (s.strip().toUpperCase()) {
      case "PAID", "SUCCESS", "成功", "已支付" -> "PAID";
      case "FAILED", "FAIL", "失败", "退回" -> "FAILED";
      default -> null;
    };
  }

  /** Ids already reported as paid by earlier files (and the first such file). */
  private Map<String, Long> paidInEarlierFiles(Set<String> ids) {
    Map<String, Long> paid = new HashMap<>();
    if (ids.isEmpty()) {
      return paid;
    }
    jdbc.query(
        "SELECT disbursement_id, MIN(reconciliation_id) AS first_id FROM"
            + " ledger_reconciliation_line WHERE bank_status = 'PAID' AND finding IN ('MATCHED',"
            + " 'AMOUNT_DIFFERS', 'PAID_AFTER_REVERSAL') AND disbursement_id IN ("
            + String.join(",", ids.stream().map(i -> "?").toList())
            + ") GROUP BY disbursement_id",
        rs -> {
          paid.put(rs.getString("disbursement_id"), rs.getLong("first_id"));
        },
        ids.toArray());
    return paid;
  }

  private long insertHeader(
      String name, String by, String region, Instant at, int count, int mismatches) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          PreparedStatement ps =
              con.prepareStatement(
                  "INSERT INTO ledger_reconciliation (file_name, imported_by, region_code,"
                      + " imported_at, line_count, mismatches) VALUES (?,?,?,?,?,?)",
                  Statement.RETURN_GENERATED_KEYS);
          ps.setString(1, name);
          ps.setString(2, by);
          ps.setString(3, region);
          ps.setTimestamp(4, Timestamp.from(at));
          ps.setInt(5, count);
          ps.setInt(6, mismatches);
          return ps;
        },
        key);
    return key.getKey().longValue();
  }

  private static List<Raw> read(InputStream csv) {
    List<Raw> raws = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
      String text;
      int lineNo = 0;
      while ((text = in.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        if (text.isBlank()) {
          continue;
        }
        String[] cells = text.split(",", -1);
        if (lineNo == 1 && !cells[0].strip().startsWith("DB-") && isHeader(cells[0])) {
          continue;
        }
        if (raws.size() >= MAX_LINES) {
          throw BusinessRuleException.invalid(
              "RECONCILIATION_TOO_LARGE",
              "对账文件超过 " + MAX_LINES + " 行，请分批导入",
              "reconciliation file over " + MAX_LINES + " lines");
        }
        String id = cells[0].strip();
        id = id.length() > 64 ? id.substring(0, 64) : id;
        raws.add(
            new Raw(
                lineNo,
                id,
                cells.length > 1 ? cells[1] : "",
                cells.length > 2 ? cells[2] : "",
                cells.length > 3 ? cells[3] : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (raws.isEmpty()) {
      throw BusinessRuleException.invalid(
          "RECONCILIATION_EMPTY", "对账文件没有数据行", "empty reconciliation file");
    }
    return raws;
  }

  private static boolean isHeader(String first) {
    String f = first.strip().toLowerCase();
    return f.contains("id") || f.contains("编号");
  }
}
