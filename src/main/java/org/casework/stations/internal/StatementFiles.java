package org.casework.stations.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.common.Formats;
import org.casework.documents.PdfDocuments;
import org.casework.stations.StatementRow;
import org.casework.stations.StatementView;
import org.springframework.stereotype.Component;

/**
 * 附件2 as Excel (POI) and PDF (documents module): station, score, contact, phone, remarks. No
 * personal data of service recipients: the contact and phone are the station's.
 */
@Component
class StatementFiles {

  static final String[] HEADERS = {"序号", "服务站", "得分", "是否达标", "联系人", "联系电话", "备注"};

  private final PdfDocuments pdf;

  StatementFiles(PdfDocuments pdf) {
    this.pdf = pdf;
  }

  static String title(StatementView s) {
    Quarter q = Quarter.parse(s.period());
    return s.townshipName() + q.label() + "村（社区）退役军人服务站验收情况汇总表";
  }

  byte[] excel(StatementView s) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("附件2");
      sheet.createRow(0).createCell(0).setCellValue("附件2");
      sheet.createRow(1).createCell(0).setCellValue(title(s));
      Row head = sheet.createRow(2);
      for (int i = 0; i < HEADERS.length; i++) {
        head.createCell(i).setCellValue(HEADERS[i]);
      }
      int r = 3;
      for (StatementRow row : s.rows()) {
        Row x = sheet.createRow(r++);
        x.createCell(0).setCellValue(row.lineNo());
        x.createCell(1).setCellValue(row.stationName());
        if (row.score() != null) {
          x.createCell(2).setCellValue(row.score().doubleValue());
        } else {
          x.createCell(2).setCellValue("—");
        }
        x.createCell(3).setCellValue(row.passed() == null ? "—" : row.passed() ? "达标" : "未达标");
        x.createCell(4).setCellValue(nz(row.contactName()));
        x.createCell(5).setCellValue(nz(row.phone()));
        x.createCell(6).setCellValue(nz(row.remarks()));
      }
      sheet
          .createRow(r + 1)
          .createCell(0)
          .setCellValue(
              "报送人："
                  + s.sentBy()
                  + "；报送时间："
                  + Formats.dateTime(s.sentAt())
                  + "；应报送日期："
                  + Formats.date(s.dueOn())
                  + (s.late() ? "（逾期）" : ""));
      sheet.setColumnWidth(1, 30 * 256);
      sheet.setColumnWidth(6, 40 * 256);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] pdf(StatementView s) {
    Map<String, Object> model = new HashMap<>();
    model.put("heading", title(s));
    List<Map<String, String>> rows = new ArrayList<>();
    for (StatementRow row : s.rows()) {
      rows.add(
          Map.of(
              "no", String.valueOf(row.lineNo()),
              "station", row.stationName(),
              "score", row.score() == null ? "—" : row.score().stripTrailingZeros().toPlainString(),
              "passed", row.passed() == null ? "—" : row.passed() ? "达标" : "未达标",
              "contact", nz(row.contactName()),
              "phone", nz(row.phone()),
              "remarks", nz(row.remarks())));
    }
    model.put("rows", rows);
    model.put("sentBy", s.sentBy());
    model.put("sentAt", Formats.dateTime(s.sentAt()));
    model.put("dueOn", Formats.date(s.dueOn()));
    model.put("late", s.late());
    return pdf.render("station-statement", model);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
