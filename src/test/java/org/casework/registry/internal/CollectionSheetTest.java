package org.casework.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.common.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sheet reader's plain SAX handler reads what POI's own handler read: shared strings (Excel's
 * way) and inline strings (the streaming writers'), dates in any display format as ISO dates,
 * numbers as displayed, booleans, skipped blank rows, cells by their column even when some are
 * missing, and the layout checks of the header.
 */
class CollectionSheetTest {

  @TempDir Path dir;

  private Path write(Workbook book, String name) throws Exception {
    Path file = dir.resolve(name);
    try (book;
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = book.createSheet("信息采集表");
      Row header = sheet.createRow(0);
      for (int i = 0; i < CollectionSheet.HEADERS.size(); i++) {
        header.createCell(i).setCellValue(CollectionSheet.HEADERS.get(i));
      }
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
      Row one = sheet.createRow(1);
      one.createCell(0).setCellValue(1);
      one.createCell(1).setCellValue(" 欧阳振华 ");
      one.createCell(2).setCellValue("11010519491231002X");
      one.createCell(CollectionSheet.HEAD_ID_NUMBER).setCellValue(true);
      var collected = one.createCell(CollectionSheet.COLLECTED_ON);
      collected.setCellValue(LocalDate.of(2026, 3, 1));
      collected.setCellStyle(date);
      // row 3 blank (skipped), row 4 with a gap in its cells
      sheet.createRow(2).createCell(1).setCellValue("  ");
      Row four = sheet.createRow(3);
      four.createCell(1).setCellValue("李四");
      four.createCell(CollectionSheet.FIRST_STATUS + 6).setCellValue("无");
      book.write(out);
    }
    return file;
  }

  private static List<String> read(Path file) {
    List<String> rows = new ArrayList<>();
    int n =
        CollectionSheet.read(
            file, (row, cells) -> rows.add(row + ":" + String.join("|", nulls(cells))));
    assertThat(n).isEqualTo(rows.size());
    return rows;
  }

  private static List<String> nulls(String[] cells) {
    List<String> out = new ArrayList<>();
    for (String c : cells) {
      out.add(c == null ? "-" : c);
    }
    return out;
  }

  @Test
  void shouldReadSharedAndInlineStringsDatesNumbersAndBooleansAlike() throws Exception {
    List<String> shared = read(write(new XSSFWorkbook(), "shared.xlsx"));
    List<String> inline = read(write(new SXSSFWorkbook(null, 100, false, false), "inline.xlsx"));
    assertThat(shared)
        .containsExactly(
            "2:1|欧阳振华|11010519491231002X|-|-|-|-|-|TRUE|-|2026-03-01|-|-|-|-|-|-|-",
            "4:-|李四|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|无");
    assertThat(inline).isEqualTo(shared);
  }

  @Test
  void shouldRefuseAnotherHeader() throws Exception {
    Path file = dir.resolve("wrong.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Row header = book.createSheet().createRow(0);
      header.createCell(0).setCellValue("序号");
      header.createCell(1).setCellValue("名字");
      book.write(out);
    }
    assertThatThrownBy(() -> CollectionSheet.read(file, (row, cells) -> {}))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.userMessage()).contains("第B列的列名应为「姓名」，实际为「名字」"));
  }
}
