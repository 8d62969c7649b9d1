package org.casework.ledger.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.common.Masking;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.ledger.LedgerTotal;
import org.casework.ledger.Programme;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Net totals per region, programme and period (reversals subtract), and their Excel export. */
@Component
class LedgerTotals {

  private final JdbcTemplate jdbc;
  private final Jurisdiction jurisdiction;

  LedgerTotals(JdbcTemplate jdbc, Jurisdiction jurisdiction) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
  }

  List<LedgerTotal> totals(String regionPrefix, String period) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "SELECT region_code, programme, period,"
                + " SUM(CASE WHEN entry_type = 'PAYMENT' THEN 1 ELSE 0 END) AS payments,"
                + " SUM(CASE WHEN entry_type = 'REVERSAL' THEN 1 ELSE 0 END) AS reversals,"
                + " SUM(amount) AS net FROM ledger_disbursement WHERE 1 = 1");
    if (regionPrefix != null && !regionPrefix.isBlank()) {
      sql.append(" AND region_code LIKE ?");
      args.add(regionPrefix.strip().replaceAll("[^0-9]", "") + "%");
    }
    if (period != null && !period.isBlank()) {
      sql.append(" AND period = ?");
      args.add(period.strip());
    }
    sql.append(" GROUP BY region_code, programme, period ORDER BY region_code, programme, period");
    return jdbc.query(
        sql.toString(),
        (rs, n) ->
            new LedgerTotal(
                rs.getString("region_code"),
                regionName(rs.getString("region_code")),
                Programme.valueOf(rs.getString("programme")),
                rs.getString("period"),
                rs.getLong("payments") - rs.getLong("reversals"),
                rs.getLong("reversals"),
                rs.getBigDecimal("net").setScale(2)),
        args.toArray());
  }

  byte[] workbook(String regionPrefix, String period) {
    List<LedgerTotal> rows = totals(regionPrefix, period);
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("支付汇总");
      CellStyle money = book.createCellStyle();
      money.setDataFormat(book.createDataFormat().getFormat("¥#,##0.00"));
      String[] headers = {"地区代码", "地区", "项目", "期间", "有效支付笔数", "冲正笔数", "净支付金额（元）"};
      Row head = sheet.createRow(0);
      for (int i = 0; i < headers.length; i++) {
        head.createCell(i).setCellValue(headers[i]);
      }
      int r = 1;
      BigDecimal sum = BigDecimal.ZERO;
      for (LedgerTotal t : rows) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(t.regionCode());
        row.createCell(1).setCellValue(Masking.scrub(t.regionName()));
        row.createCell(2).setCellValue(t.programme().label());
        row.createCell(3).setCellValue(t.period());
        row.createCell(4).setCellValue(t.payments());
        row.createCell(5).setCellValue(t.reversals());
        var cell = row.createCell(6);
        cell.setCellValue(t.netAmount().doubleValue());
        cell.setCellStyle(money);
        sum = sum.add(t.netAmount());
      }
      Row total = sheet.createRow(r);
      total.createCell(0).setCellValue("合计");
      total.createCell(4).setCellValue(rows.stream().mapToLong(LedgerTotal::payments).sum());
      total.createCell(5).setCellValue(rows.stream().mapToLong(LedgerTotal::reversals).sum());
      var cell = total.createCell(6);
      cell.setCellValue(sum.doubleValue());
      cell.setCellStyle(money);
      for (int i = 0; i < headers.length; i++) {
        sheet.setColumnWidth(i, 16 * 256);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String regionName(String code) {
    try {
      return jurisdiction.findRegion(new RegionCode(code)).map(Region::name).orElse(code);
    } catch (RuntimeException malformed) {
      return code;
    }
  }
}
