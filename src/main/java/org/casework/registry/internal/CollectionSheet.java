package org.casework.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.casework.common.BusinessRuleException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The layout of the 信息采集表 (docs/people.md) and a streaming reader for it: the first sheet is read
 * row by row through POI's SAX event API, so a 100,000-row sheet never sits in memory as a
 * workbook. Dates come as {@code yyyy-MM-dd} whatever the cell's display format.
 */
final class CollectionSheet {

  static final int NAME = 1;
  static final int ID_NUMBER = 2;
  static final int CATEGORY = 3;
  static final int TOWNSHIP = 4;
  static final int VILLAGE = 5;
  static final int PHONE = 6;
  static final int ADDRESS = 7;
  static final int HEAD_ID_NUMBER = 8;
  static final int RELATION = 9;
  static final int COLLECTED_ON = 10;

  /** First column of the seven statuses, in {@link org.casework.registry.StatusKind} order. */
  static final int FIRST_STATUS = 11;

  static final List<String> HEADERS =
      List.of(
          "序号",
          "姓名",
          "身份证号",
          "人员类别",
          "乡镇（街道）代码",
          "村（社区）代码",
          "联系电话",
          "现住址",
          "户主身份证号",
          "与户主关系",
          "采集日期",
          "服役状况",
          "家庭状况",
          "健康状况",
          "收入状况",
          "就业状况",
          "思想状况",
          "需求状况");

  private CollectionSheet() {}

  /** Receives every non-empty data row: its Excel row number (1-based) and its cells. */
  interface Rows {
    void row(int rowNumber, String[] cells);
  }

  /**
   * Reads the header (must be {@link #HEADERS}, else a Chinese 400 naming the first difference) and
   * hands every non-empty data row to {@code rows}. Answers the number of data rows.
   */
  static int read(Path file, Rows rows) {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw layout("表格中没有工作表", "workbook without sheets");
      }
      Collector collector = new Collector(rows);
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new PlainCells(styles, strings, collector, new IsoDates()));
        parser.parse(new InputSource(sheet));
      }
      if (!collector.headerSeen) {
        throw layout("表格第1行应为列名，但表格是空的", "empty sheet");
      }
      return collector.dataRows;
    } catch (NotOfficeXmlFileException | InvalidFormatException e) {
      throw layout("文件不是 Excel 表格（.xlsx），请用信息采集表模板填写后上传", "not an xlsx: " + e);
    } catch (IOException
        | SAXException
        | OpenXML4JException
        | POIXMLException
        | OpenXML4JRuntimeException
        | javax.xml.parsers.ParserConfigurationException e) {
      throw layout("无法读取该 Excel 文件，文件可能已损坏", "unreadable xlsx: " + e);
    }
  }

  static BusinessRuleException layout(String message, String detail) {
    return BusinessRuleException.invalid("IMPORT_LAYOUT", "表格格式不符：" + message, detail);
  }

  private static final class Collector {
    private final Rows rows;
    private String[] cells;
    private boolean headerSeen;
    private int dataRows;

    Collector(Rows rows) {
      this.rows = rows;
    }

    void startRow(int rowNum) {
      cells = new String[HEADERS.size()];
    }

    void endRow(int rowNum) {
      if (!headerSeen) {
        headerSeen = true;
        checkHeader(rowNum);
        return;
      }
      if (Arrays.stream(cells).allMatch(c -> c == null || c.isBlank())) {
        return;
      }
      dataRows++;
      rows.row(rowNum + 1, cells);
    }

    private void checkHeader(int rowNum) {
      if (rowNum != 0) {
        throw layout("第1行应为列名", "header not on row 1 but " + (rowNum + 1));
      }
      for (int i = 0; i < HEADERS.size(); i++) {
        String got = cells[i] == null ? "" : cells[i].strip();
        if (!HEADERS.get(i).equals(got)) {
          throw layout(
              "第"
                  + CellReference.convertNumToColString(i)
                  + "列的列名应为「"
                  + HEADERS.get(i)
                  + "」，实际为「"
                  + got
                  + "」。请使用信息采集表模板",
              "header column " + i + " mismatch");
        }
      }
    }

    void cell(int col, String value) {
      if (col < cells.length) {
        cells[col] = value == null ? null : value.strip();
      } else if (!headerSeen && value != null && !value.isBlank()) {
        throw layout(
            "列数多于模板（" + HEADERS.size() + "列），多出的列「" + value.strip() + "」",
            "extra header column " + col);
      }
    }
  }

  /**
   * The sheet's cells as plain strings, read straight from the SAX events. POI's {@code
   * XSSFSheetXMLHandler} builds an XMLBeans rich-text object for every inline string and parses
   * every cell reference with a regular expression; at 100,000 rows × 18 cells that was a good part
   * of the import's time (docs/people.md, Import). Values are the same as that handler's with
   * formula results, not formulas: inline strings (the text of their runs, phonetic runs left out),
   * shared strings, booleans as TRUE/FALSE, errors as ERROR:…, formula strings as cached, numbers
   * through the formatter with the cell style's format.
   */
  private static final class PlainCells extends DefaultHandler {
    private final StylesTable styles;
    private final ReadOnlySharedStringsTable strings;
    private final Collector out;
    private final DataFormatter formatter;
    private final StringBuilder text = new StringBuilder();
    private int row = -1;
    private int col = -1;
    private boolean inCell;
    private boolean collecting;
    private boolean inPhonetic;
    private boolean inRow;
    private boolean hasValue;
    private String type;
    private String style;

    PlainCells(
        StylesTable styles,
        ReadOnlySharedStringsTable strings,
        Collector out,
        DataFormatter formatter) {
      this.styles = styles;
      this.strings = strings;
      this.out = out;
      this.formatter = formatter;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attrs) {
      String name = localName == null || localName.isEmpty() ? qName : localName;
      switch (name) {
        case "row" -> {
          String r = attrs.getValue("r");
          row = r != null ? Integer.parseInt(r) - 1 : row + 1;
          col = -1;
          inRow = true;
          out.startRow(row);
        }
        case "c" -> {
          if (!inRow) {
            return;
          }
          String ref = attrs.getValue("r");
          col = ref != null ? column(ref) : col + 1;
          type = attrs.getValue("t");
          style = attrs.getValue("s");
          inCell = true;
          hasValue = false;
          text.setLength(0);
        }
        case "v" -> collecting = inCell && !"inlineStr".equals(type);
        case "t" -> collecting = inCell && "inlineStr".equals(type) && !inPhonetic;
        case "rPh" -> inPhonetic = true;
        default -> {}
      }
      if (collecting) {
        hasValue = true;
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (collecting) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      String name = localName == null || localName.isEmpty() ? qName : localName;
      switch (name) {
        case "v", "t" -> collecting = false;
        case "rPh" -> inPhonetic = false;
        case "c" -> {
          if (inCell) {
            inCell = false;
            if (hasValue) {
              out.cell(col, value());
            }
          }
        }
        case "row" -> {
          inRow = false;
          out.endRow(row);
        }
        default -> {}
      }
    }

    private String value() {
      String raw = text.toString();
      if (type == null || "n".equals(type)) {
        return number(raw);
      }
      return switch (type) {
        case "inlineStr", "str" -> raw;
        case "s" -> raw.isEmpty() ? null : strings.getItemAt(Integer.parseInt(raw)).getString();
        case "b" -> raw.isEmpty() ? null : (raw.charAt(0) == '0' ? "FALSE" : "TRUE");
        case "e" -> "ERROR:" + raw;
        default -> raw;
      };
    }

    /** As POI's handler: the cell style's format (or the default style's), else the raw text. */
    private String number(String raw) {
      XSSFCellStyle cellStyle = null;
      if (styles != null) {
        if (style != null) {
          cellStyle = styles.getStyleAt(Integer.parseInt(style));
        } else if (styles.getNumCellStyles() > 0) {
          cellStyle = styles.getStyleAt(0);
        }
      }
      String format = null;
      int index = -1;
      if (cellStyle != null) {
        index = cellStyle.getDataFormat();
        format = cellStyle.getDataFormatString();
        if (format == null) {
          format = BuiltinFormats.getBuiltinFormat(index);
        }
      }
      if (format != null && !raw.isEmpty()) {
        return formatter.formatRawCellContents(Double.parseDouble(raw), index, format);
      }
      return raw;
    }

    /** The 0-based column of a reference such as {@code AB12}. */
    static int column(String ref) {
      int col = 0;
      for (int i = 0; i < ref.length(); i++) {
        char c = ref.charAt(i);
        if (c >= 'A' && c <= 'Z') {
          col = col * 26 + (c - 'A' + 1);
        } else if (c >= 'a' && c <= 'z') {
          col = col * 26 + (c - 'a' + 1);
        } else {
          break;
        }
      }
      return col - 1;
    }
  }

  /** Date cells as ISO dates, whatever their display format; everything else as displayed. */
  private static final class IsoDates extends DataFormatter {
    IsoDates() {
      super(Locale.ROOT);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value).toLocalDate().toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }
}
