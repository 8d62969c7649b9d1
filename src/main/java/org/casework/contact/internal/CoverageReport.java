package org.casework.contact.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.contact.Coverage;
import org.casework.contact.CoverageRow;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Coverage per village and township of the officer's region: of the recipients (alive, not moved
 * away), how many had any contact in the period; of the active key contacts, how many had a 上门
 * visit in the year the period ends in; and how many contact tasks are open past their due date.
 */
@Component
class CoverageReport {

  static final Set<Role> READERS =
      Set.of(Role.TOWNSHIP_HEAD, Role.SUPERVISOR, Role.COUNTY_HEAD, Role.ADMIN);

  private final JdbcTemplate jdbc;
  private final Jurisdiction jurisdiction;
  private final Clock clock;

  CoverageReport(JdbcTemplate jdbc, Jurisdiction jurisdiction, Clock clock) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
  }

  Coverage coverage(LocalDate from, LocalDate to, RegionScope scope) {
    ContactService.requireRole(scope, READERS, "只有乡镇分管领导、督办人员和县局分管领导可以查看联系走访覆盖率");
    if (from == null || to == null || to.isBefore(from) || from.plusYears(1).isBefore(to)) {
      throw BusinessRuleException.invalid(
          "CONTACT_COVERAGE_PERIOD",
          "统计期间无效：结束日期不能早于开始日期，且不超过一年",
          "bad period " + from + ".." + to);
    }
    LocalDate yearStart = LocalDate.of(to.getYear(), 1, 1);
    LocalDate yearEnd = LocalDate.of(to.getYear(), 12, 31);
    String prefix = scope.prefix() + "%";
    Map<String, long[]> counts = new LinkedHashMap<>();
    jdbc.query(
        "select p.township_code t, coalesce(p.village_code, '') v, count(*) recipients,"
            + " sum(exists (select 1 from contact_visit x where x.person_id = p.id"
            + "   and x.visited_on between ? and ?)) contacted,"
            + " sum(exists (select 1 from contact_key_flag f where f.active_person = p.id)) key_contacts,"
            + " sum(exists (select 1 from contact_key_flag f where f.active_person = p.id)"
            + "   and exists (select 1 from contact_visit x where x.person_id = p.id"
            + "   and x.method = 'HOME' and x.visited_on between ? and ?)) key_visited"
            + " from registry_person p"
            + " where (p.township_code like ? or p.village_code like ?)"
            + " and p.died_on is null and p.moved_away_on is null"
            + " group by p.township_code, coalesce(p.village_code, '')"
            + " order by p.township_code, v",
        rs -> {
          counts.put(
              rs.getString("t") + "/" + rs.getString("v"),
              new long[] {
                rs.getLong("recipients"),
                rs.getLong("contacted"),
                rs.getLong("key_contacts"),
                rs.getLong("key_visited"),
                0
              });
        },
        from,
        to,
        yearStart,
        yearEnd,
        prefix,
        prefix);
    jdbc.query(
        "select township_code t, coalesce(village_code, '') v, count(*) n from contact_plan"
            + " where (township_code like ? or village_code like ?) and status = 'OPEN' and due_at < ?"
            + " group by township_code, coalesce(village_code, '')",
        rs -> {
          counts.computeIfAbsent(rs.getString("t") + "/" + rs.getString("v"), k -> new long[5])[4] =
              rs.getLong("n");
        },
        prefix,
        prefix,
        Timestamp.from(clock.instant()));
    Map<String, long[]> townships = new LinkedHashMap<>();
    Map<String, List<CoverageRow>> villages = new HashMap<>();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      String[] k = e.getKey().split("/", -1);
      long[] c = e.getValue();
      long[] t = townships.computeIfAbsent(k[0], x -> new long[5]);
      for (int i = 0; i < 5; i++) {
        t[i] += c[i];
      }
      String village = k[1].isEmpty() ? null : k[1];
      villages
          .computeIfAbsent(k[0], x -> new ArrayList<>())
          .add(
              new CoverageRow(
                  k[0],
                  village,
                  village == null ? "（未落到村（社区））" : name(village),
                  false,
                  c[0],
                  c[1],
                  c[2],
                  c[3],
                  c[4]));
    }
    List<CoverageRow> rows = new ArrayList<>();
    townships.keySet().stream()
        .sorted()
        .forEach(
            t -> {
              long[] c = townships.get(t);
              rows.add(new CoverageRow(t, null, name(t), true, c[0], c[1], c[2], c[3], c[4]));
              villages.get(t).stream()
                  .sorted(
                      java.util.Comparator.comparing(
                          r -> r.villageCode() == null ? "~" : r.villageCode()))
                  .forEach(rows::add);
            });
    return new Coverage(
        scope.prefix(), name(scope.prefix()), from, to, to.getYear(), List.copyOf(rows));
  }

  byte[] excel(Coverage c) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("联系走访覆盖率");
      sheet
          .createRow(0)
          .createCell(0)
          .setCellValue(
              c.regionName()
                  + " 联系走访覆盖率：联系期间 "
                  + Formats.date(c.from())
                  + "至"
                  + Formats.date(c.to())
                  + "，走访年度 "
                  + c.year()
                  + "年");
      String[] head = {
        "乡镇（街道）", "村（社区）", "服务对象数", "期内已联系", "联系覆盖率", "重点联系对象数", "本年已走访", "重点对象走访率", "逾期未办"
      };
      Row h = sheet.createRow(2);
      for (int i = 0; i < head.length; i++) {
        h.createCell(i).setCellValue(head[i]);
      }
      int r = 3;
      for (CoverageRow row : c.rows()) {
        Row x = sheet.createRow(r++);
        x.createCell(0).setCellValue(row.township() ? row.name() : "");
        x.createCell(1).setCellValue(row.township() ? "合计" : row.name());
        x.createCell(2).setCellValue(row.recipients());
        x.createCell(3).setCellValue(row.contacted());
        x.createCell(4).setCellValue(row.contactedShare());
        x.createCell(5).setCellValue(row.keyContacts());
        x.createCell(6).setCellValue(row.keyVisited());
        x.createCell(7).setCellValue(row.keyVisitedShare());
        x.createCell(8).setCellValue(row.overdue());
      }
      for (int i = 0; i < head.length; i++) {
        sheet.setColumnWidth(i, 16 * 256);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String name(String code) {
    try {
      return jurisdiction.findRegion(new RegionCode(code)).map(Region::name).orElse(code);
    } catch (BusinessRuleException malformed) {
      return code;
    }
  }
}
