package org.casework.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.casework.registry.IdNumber;

/**
 * 信息采集表 files for tests, the benchmark and the demo sheet: valid generated people of the demo
 * county (鲤城区 350502), written streamed with inline strings.
 */
public final class CollectionSheets {

  public static final List<String> HEADER =
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

  /** Township → its villages, as in the demo data and {@link DemoRegion}. */
  public static final String[][] PLACES = {
    {"350502001", "350502001001"}, {"350502001", "350502001002"}, {"350502002", "350502002001"}
  };

  /**
   * The demo sheet's places: 金龙街道 (350502003) with two communities, made by the demo data, so the
   * demo's festival campaigns of 海滨/临江街道 keep their small lists.
   */
  public static final String[][] DEMO_PLACES = {
    {"350502003", "350502003001"}, {"350502003", "350502003002"}
  };

  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢";
  private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志明春梅海燕晓东红梅文斌";
  private static final String[] CATEGORIES = {
    "退役军人", "退役军人", "退役军人", "退役军人", "烈士遗属", "伤残军人", "现役军人家属", "病故军人遗属"
  };
  private static final String[][] STATUS = {
    {"退役士兵", "退役军官", "转业干部", "参战参试"},
    {"正常", "正常", "空巢", "独居"},
    {"健康", "一般", "慢性病", "重病"},
    {"一般", "较好", "低收入", "低保"},
    {"在岗", "灵活就业", "退休", "失业"},
    {"稳定", "稳定", "有诉求"},
    {"无", "医疗", "就业创业", "生活救助"}
  };

  private CollectionSheets() {}

  /** A valid ID number of the demo county, born on {@code birth}, not in {@code used}. */
  public static String idNumber(Random r, LocalDate birth, Set<String> used) {
    return idNumber("350502", r, birth, used);
  }

  /** The same with other region digits (e.g. a benchmark's people that never meet the demo's). */
  public static String idNumber(String region, Random r, LocalDate birth, Set<String> used) {
    while (true) {
      String first17 =
          region + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
      String id = first17 + IdNumber.checkCharacter(first17);
      if (used.add(id)) {
        return id;
      }
    }
  }

  /**
   * {@code n} valid rows; every fourth person is the spouse of the one before (a household), all
   * seven statuses filled, collected on {@code collectedOn}.
   */
  public static List<String[]> people(int n, long seed, LocalDate collectedOn) {
    return people(n, seed, collectedOn, PLACES);
  }

  public static List<String[]> people(int n, long seed, LocalDate collectedOn, String[][] places) {
    Random r = new Random(seed);
    Set<String> used = new HashSet<>();
    List<String[]> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(row(r, i, used, collectedOn, i % 4 == 3 ? rows.get(i - 1) : null, places));
    }
    return rows;
  }

  /** Writes rows lazily: for 100,000 rows and more. */
  public interface RowSource {
    String[] row(int i);
  }

  public static String[] row(
      Random r, int i, Set<String> used, LocalDate collectedOn, String[] headOf) {
    return row(r, i, used, collectedOn, headOf, PLACES);
  }

  public static String[] row(
      Random r,
      int i,
      Set<String> used,
      LocalDate collectedOn,
      String[] headOf,
      String[][] places) {
    LocalDate birth = LocalDate.of(1945, 1, 1).plusDays(r.nextInt(365 * 55));
    String[] place =
        headOf != null ? new String[] {headOf[4], headOf[5]} : places[r.nextInt(places.length)];
    String[] s = new String[HEADER.size()];
    s[0] = String.valueOf(i + 1);
    s[1] =
        SURNAMES.charAt(r.nextInt(SURNAMES.length()))
            + ""
            + GIVEN.charAt(r.nextInt(GIVEN.length()))
            + (r.nextBoolean() ? "" + GIVEN.charAt(r.nextInt(GIVEN.length())) : "");
    s[2] = idNumber(r, birth, used);
    s[3] = headOf != null ? "现役军人家属" : CATEGORIES[r.nextInt(CATEGORIES.length)];
    s[4] = place[0];
    s[5] = place[1];
    s[6] = "13" + String.format("%09d", r.nextInt(1_000_000_000));
    s[7] = "泉州市鲤城区" + (r.nextInt(200) + 1) + "号";
    s[8] = headOf != null ? headOf[2] : "";
    s[9] = headOf != null ? "配偶" : "";
    s[10] = collectedOn.toString();
    for (int k = 0; k < STATUS.length; k++) {
      s[11 + k] = STATUS[k][r.nextInt(STATUS[k].length)];
    }
    return s;
  }

  public static void write(Path file, List<String[]> rows) {
    write(file, HEADER, rows.size(), rows::get);
  }

  public static void write(Path file, List<String> header, int n, RowSource rows) {
    try (SXSSFWorkbook book = new SXSSFWorkbook(null, 100, false, false);
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = book.createSheet("信息采集表");
      Row h = sheet.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        h.createCell(i).setCellValue(header.get(i));
      }
      for (int i = 0; i < n; i++) {
        String[] v = rows.row(i);
        Row row = sheet.createRow(i + 1);
        for (int c = 0; c < v.length; c++) {
          if (v[c] != null && !v[c].isEmpty()) {
            row.createCell(c).setCellValue(v[c]);
          }
        }
      }
      book.write(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Regenerates {@code src/main/resources/demo/collection-sheet.xlsx} (300 people, fixed seed). */
  public static void main(String[] args) {
    Path target =
        Path.of(args.length > 0 ? args[0] : "src/main/resources/demo/collection-sheet.xlsx");
    write(target, people(300, 20260301L, LocalDate.of(2026, 3, 1), DEMO_PLACES));
    System.out.println("wrote " + target);
  }
}
