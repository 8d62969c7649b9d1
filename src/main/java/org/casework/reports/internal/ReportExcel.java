package org.casework.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.common.Formats;
import org.casework.common.Masking;
import org.casework.reports.Report;
import org.casework.reports.Report.AreaRow;
import org.casework.reports.Report.Count;
import org.casework.reports.Report.ProgrammeRow;
import org.casework.reports.Report.TrendRow;
import org.casework.satisfaction.RatingView;

/**
 * The report as a workbook an office can forward: a title, the unit, region, period, who produced
 * it and when on top of every sheet; the sections stacked on 汇总, the monthly trend and the areas on
 * their own sheets; 不满意 ratings (case numbers, reasons scrubbed unless unmasked) last.
 */
final class ReportExcel {

  private ReportExcel() {}

  static byte[] write(Report r, List<RatingView> dissatisfied, boolean unmasked) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles st = new Styles(book);
      Sheet sum = book.createSheet("汇总");
      int row = header(r, sum, st, 9);
      row =
          table(
              sum,
              st,
              row,
              "一、各项业务",
              new String[] {
                "项目", "受理（件）", "办结（件）", "不予办理（件）", "期末在办（件）", "人次", "人数", "支付金额（元，已扣冲正）", "按期办结率"
              },
              r.programmes().stream()
                  .map(
                      p ->
                          new Object[] {
                            p.label(),
                            p.received(),
                            p.closed(),
                            p.refused(),
                            p.open(),
                            p.personTimes(),
                            p.persons(),
                            p.paid(),
                            p.onTimeRate()
                          })
                  .toList());
      Row total = sum.createRow(row++);
      cell(total, 0, "合计", st.bold);
      cell(total, 1, r.programmes().stream().mapToLong(ProgrammeRow::received).sum(), st.text);
      cell(total, 7, r.totalPaid(), st.money);
      row++;
      var la = r.legalAid();
      row =
          table(
              sum,
              st,
              row,
              "二、法律援助",
              new String[] {"指标", "数量", "金额（元）"},
              List.of(
                  new Object[] {"受理法律援助案件（件）", la.cases(), ""},
                  new Object[] {"结案（件）", la.closed(), ""},
                  new Object[] {"挽回经济损失", "", la.recovered()},
                  new Object[] {"法律咨询（人次）", la.consultations(), ""}));
      row = counts(sum, st, row, "按结案结果", la.byOutcome());
      row = counts(sum, st, row, "按案件事项", la.byMatter());
      row = counts(sum, st, row, "法律咨询按事项", la.consultationsByTopic());
      row = counts(sum, st, row, "法律咨询按值班日（星期）", la.consultationsByWeekday());
      var pt = r.petitions();
      row =
          table(
              sum,
              st,
              row,
              "三、信访",
              new String[] {"指标", "数量"},
              List.of(
                  new Object[] {"登记信访（件）", pt.received()},
                  new Object[] {"信访人次", pt.personTimes()},
                  new Object[] {"受理", pt.accepted()},
                  new Object[] {"转送有权处理机关", pt.transferred()},
                  new Object[] {"不予受理", pt.notAccepted()},
                  new Object[] {"办结", pt.closed()},
                  new Object[] {"按期办结率", pt.onTimeRate()},
                  new Object[] {"延期办理", pt.extended()},
                  new Object[] {"申请复查", pt.reviewed()},
                  new Object[] {"申请复核", pt.reReviewed()},
                  new Object[] {"复查/复核维持原意见", pt.upheld()},
                  new Object[] {"期末信访积案（未办结）", pt.backlog()}));
      row = counts(sum, st, row, "按信访形式", pt.byChannel());
      row = counts(sum, st, row, "复查/复核结论", pt.reviewOutcomes());
      row = counts(sum, st, row, "积案按已历时", pt.backlogByAge());
      row =
          table(
              sum,
              st,
              row,
              "四、服务清单与转介",
              new String[] {"说明"},
              List.<Object[]>of(new Object[] {r.services().note()}));
      if (r.contact() != null) {
        var c = r.contact();
        row =
            table(
                sum,
                st,
                row,
                "五、联系走访覆盖",
                new String[] {"服务对象", "期内已联系", "联系覆盖率", "重点联系对象", "本年已走访", "走访率", "逾期未办"},
                List.<Object[]>of(
                    new Object[] {
                      c.recipients(),
                      c.contacted(),
                      c.contactedShare(),
                      c.keyContacts(),
                      c.keyVisited(),
                      c.keyVisitedShare(),
                      c.overdue()
                    }));
      }
      var s = r.satisfaction();
      row =
          table(
              sum,
              st,
              row,
              "六、满意度",
              new String[] {"评价数", "满意", "基本满意", "不满意", "满意率", "标准", "有评价的乡镇", "未达标乡镇"},
              List.<Object[]>of(
                  new Object[] {
                    s.ratings(),
                    s.satisfied(),
                    s.basicallySatisfied(),
                    s.dissatisfied(),
                    s.rate(),
                    s.targetPct().stripTrailingZeros().toPlainString() + "%",
                    s.stations(),
                    s.stationsBelowTarget()
                  }));
      widths(sum, 9, 18);

      Sheet trend = book.createSheet("月度趋势");
      int t = header(r, trend, st, r.months().size() + 1);
      String[] head = new String[r.months().size() + 1];
      head[0] = "项目 \\ 月份（受理件数）";
      for (int i = 0; i < r.months().size(); i++) {
        head[i + 1] = r.months().get(i);
      }
      table(
          trend,
          st,
          t,
          "各月受理案件",
          head,
          r.trend().stream()
              .map(
                  (TrendRow tr) -> {
                    Object[] cells = new Object[tr.counts().size() + 1];
                    cells[0] = tr.label();
                    for (int i = 0; i < tr.counts().size(); i++) {
                      cells[i + 1] = tr.counts().get(i);
                    }
                    return cells;
                  })
              .toList());
      widths(trend, head.length, 12);

      Sheet areas = book.createSheet("分区域");
      int a = header(r, areas, st, 7);
      table(
          areas,
          st,
          a,
          "各地区受理案件与支付金额",
          new String[] {"地区", "困难帮扶", "关怀慰问", "法律援助", "信访", "合计", "支付金额（元）"},
          r.areas().stream()
              .map(
                  (AreaRow ar) ->
                      new Object[] {
                        ar.name(),
                        ar.hardship(),
                        ar.condolence(),
                        ar.legalAid(),
                        ar.petitions(),
                        ar.total(),
                        ar.paid()
                      })
              .toList());
      widths(areas, 7, 16);

      Sheet detail = book.createSheet("不满意评价");
      int d = header(r, detail, st, 5);
      table(
          detail,
          st,
          d,
          unmasked ? "不满意评价明细（未脱敏，导出已登记事由）" : "不满意评价明细（已脱敏）",
          new String[] {"案件编号", "回访方式", "原因", "登记人", "跟进情况"},
          dissatisfied.stream()
              .map(
                  v ->
                      new Object[] {
                        v.caseNumber(),
                        v.channelLabel(),
                        unmasked ? nz(v.reason()) : Masking.scrub(nz(v.reason())),
                        v.collectedBy(),
                        v.followUpNote() != null
                            ? (unmasked ? v.followUpNote() : Masking.scrub(v.followUpNote()))
                            : (v.followUpInstance() != null ? "待站长跟进" : "—")
                      })
              .toList());
      widths(detail, 5, 24);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static int header(Report r, Sheet sheet, Styles st, int cols) {
    Row title = sheet.createRow(0);
    cell(title, 0, r.issuer() + " 退役军人服务工作统计报表", st.title);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(1, cols - 1)));
    Row info = sheet.createRow(1);
    cell(info, 0, "地区：" + r.regionName() + "（" + r.regionCode() + "）", st.text);
    cell(info, 2, "统计期间：" + r.period().label(), st.text);
    Row by = sheet.createRow(2);
    cell(by, 0, "制表人：" + r.producedBy(), st.text);
    cell(by, 2, "制表时间：" + Formats.dateTime(r.producedAt()), st.text);
    return 4;
  }

  private static int counts(Sheet sheet, Styles st, int row, String title, List<Count> counts) {
    boolean money = counts.stream().anyMatch(c -> c.amount() != null);
    return table(
        sheet,
        st,
        row,
        title,
        money ? new String[] {"类别", "数量", "金额（元）"} : new String[] {"类别", "数量"},
        counts.stream()
            .map(
                c ->
                    money
                        ? new Object[] {c.label(), c.count(), c.amount()}
                        : new Object[] {c.label(), c.count()})
            .toList());
  }

  private static int table(
      Sheet sheet, Styles st, int row, String title, String[] head, List<Object[]> rows) {
    cell(sheet.createRow(row++), 0, title, st.bold);
    Row h = sheet.createRow(row++);
    for (int i = 0; i < head.length; i++) {
      cell(h, i, head[i], st.head);
    }
    for (Object[] values : rows) {
      Row x = sheet.createRow(row++);
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        cell(x, i, v, v instanceof BigDecimal ? st.money : st.text);
      }
    }
    return row + 1;
  }

  private static void cell(Row row, int col, Object value, CellStyle style) {
    var c = row.createCell(col);
    if (value instanceof BigDecimal b) {
      c.setCellValue(b.doubleValue());
    } else if (value instanceof Number n) {
      c.setCellValue(n.doubleValue());
    } else {
      c.setCellValue(value == null ? "" : value.toString());
    }
    c.setCellStyle(style);
  }

  private static void widths(Sheet sheet, int cols, int chars) {
    for (int i = 0; i < cols; i++) {
      sheet.setColumnWidth(i, chars * 256);
    }
    sheet.setColumnWidth(0, 30 * 256);
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle bold;
    final CellStyle head;
    final CellStyle text;
    final CellStyle money;

    Styles(XSSFWorkbook book) {
      Font big = book.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      Font b = book.createFont();
      b.setBold(true);
      title = book.createCellStyle();
      title.setFont(big);
      title.setAlignment(HorizontalAlignment.CENTER);
      bold = book.createCellStyle();
      bold.setFont(b);
      head = book.createCellStyle();
      head.setFont(b);
      border(head);
      text = book.createCellStyle();
      border(text);
      money = book.createCellStyle();
      money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
      border(money);
    }

    private static void border(CellStyle s) {
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
    }
  }
}
