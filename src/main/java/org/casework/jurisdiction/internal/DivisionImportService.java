package org.casework.jurisdiction.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.DivisionImport;
import org.casework.jurisdiction.DivisionImportReport;
import org.casework.jurisdiction.DivisionImportReport.Mode;
import org.casework.jurisdiction.DivisionImportReport.Outcome;
import org.casework.jurisdiction.DivisionImportReport.Problem;
import org.casework.jurisdiction.DivisionsImported;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's division and station code sheet. A county has a few dozen townships and a few
 * hundred villages, so the sheet is read whole (at most {@link #MAX_BYTES}); every row is checked
 * against the sheet and the regions already registered before anything is written; the import then
 * adds the missing regions (parents first) and stations in one transaction with its report.
 */
@Service
class DivisionImportService implements DivisionImport {

  static final int MAX_BYTES = 5 * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(DivisionImportService.class);
  private static final String[] COLUMNS = {"A", "B", "C", "D", "E"};

  private final RegionRepository regions;
  private final StationRepository stations;
  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  DivisionImportService(
      RegionRepository regions,
      StationRepository stations,
      JdbcTemplate jdbc,
      ApplicationEventPublisher events,
      ObjectMapper json,
      Clock clock) {
    this.regions = regions;
    this.stations = stations;
    this.jdbc = jdbc;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  /** One data row as read. */
  record Line(int row, String code, String name, String station, String address, String phone) {}

  @Override
  @Transactional
  public DivisionImportReport dryRun(String fileName, InputStream sheet, RegionScope importer) {
    return run(fileName, sheet, importer, Mode.DRY_RUN);
  }

  @Override
  @Transactional
  public DivisionImportReport importSheet(
      String fileName, InputStream sheet, RegionScope importer) {
    return run(fileName, sheet, importer, Mode.IMPORT);
  }

  private DivisionImportReport run(
      String fileName, InputStream sheet, RegionScope importer, Mode mode) {
    String county = county(importer);
    Instant started = clock.instant();
    byte[] bytes = read(sheet);
    List<Problem> problems = new ArrayList<>();
    List<Line> lines = bytes == null ? List.of() : lines(bytes, problems);
    if (bytes == null) {
      problems.add(new Problem(0, "", "文件超过 " + (MAX_BYTES / 1024 / 1024) + " MB，不像一个县的区划代码表"));
    }
    Map<String, String> known = new HashMap<>();
    jdbc.query(
        "select code, name from jurisdiction_region where code like ?",
        rs -> {
          known.put(rs.getString(1), rs.getString(2));
        },
        county + "%");
    Map<String, String> knownStations = new HashMap<>();
    jdbc.query(
        "select region_code, name from jurisdiction_station where region_code like ?",
        rs -> {
          knownStations.put(rs.getString(1), rs.getString(2));
        },
        county + "%");
    List<Line> good = check(lines, county, known, knownStations, problems);
    int badRows = (int) problems.stream().map(Problem::row).distinct().count();
    int regionsExisting = (int) good.stream().filter(l -> known.containsKey(l.code())).count();
    int stationsNamed = (int) good.stream().filter(l -> l.station() != null).count();
    int stationsExisting =
        (int)
            good.stream()
                .filter(l -> l.station() != null && knownStations.containsKey(l.code()))
                .count();
    Outcome outcome;
    if (!problems.isEmpty()) {
      outcome = Outcome.REJECTED;
    } else if (mode == Mode.DRY_RUN) {
      outcome = Outcome.CLEAN;
    } else {
      write(good, known, knownStations);
      outcome = Outcome.IMPORTED;
    }
    boolean wrote = outcome == Outcome.IMPORTED;
    int regionsCreated = good.size() - regionsExisting;
    int stationsCreated = stationsNamed - stationsExisting;
    long id =
        save(
            fileName,
            sha256(bytes == null ? new byte[0] : bytes),
            county,
            mode,
            outcome,
            lines.size(),
            badRows,
            problems.isEmpty() ? regionsCreated : 0,
            regionsExisting,
            problems.isEmpty() ? stationsCreated : 0,
            stationsExisting,
            problems,
            importer.username(),
            started);
    DivisionImportReport report = report(id);
    events.publishEvent(
        new DivisionsImported(
            id,
            county,
            importer.username(),
            importer.role().name(),
            mode.label(),
            report.fileName(),
            outcome.label()
                + "：共 "
                + report.rowsRead()
                + " 行，错误 "
                + badRows
                + " 行，"
                + (wrote ? "新增" : "可新增")
                + "区划 "
                + report.regionsCreated()
                + " 个、服务站 "
                + report.stationsCreated()
                + " 个（导入记录 "
                + id
                + "）",
            clock.instant()));
    log.info(
        "division sheet {} ({}) by {} for county {}: {} rows, {} bad, outcome {}",
        id,
        mode,
        importer.username(),
        county,
        lines.size(),
        badRows,
        outcome);
    return report;
  }

  private static String county(RegionScope importer) {
    if (importer.role() != Role.ADMIN || importer.region().level() != RegionLevel.COUNTY) {
      throw BusinessRuleException.forbidden(
          "DIVISION_IMPORT_NOT_COUNTY_ADMIN",
          "只有县（区）系统管理员可以导入区划与服务站代码",
          importer.username() + " (" + importer.role() + " in " + importer.region() + ")");
    }
    return importer.region().value();
  }

  private static byte[] read(InputStream in) {
    try {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      return bytes.length > MAX_BYTES ? null : bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Line> lines(byte[] bytes, List<Problem> problems) {
    List<Line> lines = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = book.getSheetAt(0);
      DataFormatter format = new DataFormatter();
      Row header = sheet.getRow(sheet.getFirstRowNum());
      List<String> names = new ArrayList<>();
      for (int i = 0; header != null && i < DivisionImport.HEADER.size(); i++) {
        names.add(text(header.getCell(i), format));
      }
      if (!DivisionImport.HEADER.equals(names)) {
        problems.add(
            new Problem(
                0,
                "",
                "表格格式不对：第1行应依次为 " + String.join("、", DivisionImport.HEADER) + "（请使用区划与服务站代码表模板）"));
        return lines;
      }
      for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        String[] v = new String[5];
        boolean empty = true;
        for (int c = 0; c < 5; c++) {
          v[c] = text(row.getCell(c), format);
          empty &= v[c] == null;
        }
        if (!empty) {
          lines.add(new Line(r + 1, v[0], v[1], v[2], v[3], v[4]));
        }
      }
    } catch (IOException | RuntimeException notExcel) {
      log.info("division sheet is not a readable .xlsx: {}", notExcel.toString());
      problems.add(new Problem(0, "", "文件不是可读取的 Excel 表格（.xlsx），请用模板填写后上传"));
    }
    return lines;
  }

  /** The cell as text; a code typed as a number is read without decimals or exponent. */
  private static String text(Cell cell, DataFormatter format) {
    if (cell == null) {
      return null;
    }
    String s =
        cell.getCellType() == CellType.NUMERIC
            ? new BigDecimal(String.valueOf(cell.getNumericCellValue()))
                .stripTrailingZeros()
                .toPlainString()
            : format.formatCellValue(cell);
    s = s.strip();
    return s.isEmpty() ? null : s;
  }

  private static List<Line> check(
      List<Line> lines,
      String county,
      Map<String, String> known,
      Map<String, String> knownStations,
      List<Problem> problems) {
    Map<String, Integer> seen = new HashMap<>();
    for (Line l : lines) {
      if (l.code() != null && l.code().matches("\\d{6}|\\d{9}|\\d{12}")) {
        seen.putIfAbsent(l.code(), l.row());
      }
    }
    List<Line> good = new ArrayList<>();
    for (Line l : lines) {
      int before = problems.size();
      RegionCode code = null;
      if (l.code() == null) {
        problems.add(new Problem(l.row(), "A", "区划代码不能为空"));
      } else {
        try {
          code = new RegionCode(l.code());
        } catch (BusinessRuleException bad) {
          problems.add(
              new Problem(
                  l.row(),
                  "A",
                  "区划代码 "
                      + l.code()
                      + " 不正确：应为6位县级代码（GB/T 2260）、9位乡镇（街道）代码（县级代码+3位）或12位村（社区）代码（乡镇代码+3位）"));
        }
      }
      if (code != null && !code.value().startsWith(county)) {
        problems.add(
            new Problem(l.row(), "A", "区划代码 " + code + " 不在您所辖的县（区）" + county + " 内，不能导入"));
        code = null;
      }
      if (code != null && seen.get(code.value()) != l.row()) {
        problems.add(
            new Problem(l.row(), "A", "区划代码 " + code + " 与第 " + seen.get(code.value()) + " 行重复"));
      }
      if (code != null) {
        String parent = code.parent().map(RegionCode::value).orElse(null);
        if (parent != null && !known.containsKey(parent) && !seen.containsKey(parent)) {
          problems.add(
              new Problem(
                  l.row(), "A", "上级区划 " + parent + " 尚未登记，也不在本表中：请先在表中列出上级" + levelName(parent)));
        }
      }
      if (l.name() == null) {
        problems.add(new Problem(l.row(), "B", "名称不能为空"));
      } else if (l.name().length() > 64) {
        problems.add(new Problem(l.row(), "B", "名称不能超过64个字"));
      } else if (code != null
          && known.containsKey(code.value())
          && !known.get(code.value()).equals(l.name())) {
        problems.add(
            new Problem(
                l.row(),
                "B",
                "区划 "
                    + code
                    + " 已登记为「"
                    + known.get(code.value())
                    + "」，与表中名称「"
                    + l.name()
                    + "」不一致；区划更名请联系系统管理员"));
      }
      if (l.station() == null && (l.address() != null || l.phone() != null)) {
        problems.add(new Problem(l.row(), "C", "填写了服务站地址或电话，但未填写服务站名称"));
      }
      if (l.station() != null && l.station().length() > 128) {
        problems.add(new Problem(l.row(), "C", "服务站名称不能超过128个字"));
      }
      if (l.station() != null
          && code != null
          && knownStations.containsKey(code.value())
          && !knownStations.get(code.value()).equals(l.station())) {
        problems.add(
            new Problem(
                l.row(),
                "C",
                "区划 " + code + " 已有服务站「" + knownStations.get(code.value()) + "」，与表中名称不一致"));
      }
      if (l.address() != null && l.address().length() > 255) {
        problems.add(new Problem(l.row(), "D", "服务站地址不能超过255个字"));
      }
      if (l.phone() != null && !l.phone().matches("[0-9][0-9\\-]{5,19}")) {
        problems.add(
            new Problem(l.row(), "E", "服务站电话 " + l.phone() + " 格式不正确（如 0595-22345678 或 11位手机号）"));
      }
      if (problems.size() == before) {
        good.add(l);
      }
    }
    return good;
  }

  private static String levelName(String code) {
    return code.length() == 6 ? "县（区）" : code.length() == 9 ? "乡镇（街道）" : "村（社区）";
  }

  private void write(
      List<Line> good, Map<String, String> known, Map<String, String> stationsKnown) {
    List<Line> ordered = new ArrayList<>(good);
    ordered.sort(Comparator.comparingInt((Line l) -> l.code().length()).thenComparing(Line::code));
    for (Line l : ordered) {
      RegionCode code = new RegionCode(l.code());
      if (!known.containsKey(l.code())) {
        regions.save(
            new RegionEntity(
                code.value(),
                code.level(),
                l.name(),
                code.parent().map(RegionCode::value).orElse(null)));
      }
    }
    regions.flush();
    for (Line l : ordered) {
      if (l.station() != null && !stationsKnown.containsKey(l.code())) {
        stations.save(new StationEntity(l.code(), l.station(), l.address(), l.phone()));
      }
    }
    stations.flush();
  }

  private long save(
      String fileName,
      String sha,
      String county,
      Mode mode,
      Outcome outcome,
      int rows,
      int bad,
      int regionsCreated,
      int regionsExisting,
      int stationsCreated,
      int stationsExisting,
      List<Problem> problems,
      String by,
      Instant started) {
    String kept;
    try {
      kept =
          json.writeValueAsString(
              problems.subList(
                  0, Math.min(problems.size(), DivisionImportReport.MAX_PROBLEMS_KEPT)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = fileName == null || fileName.isBlank() ? "（未命名）" : fileName;
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into jurisdiction_import (file_name, sha256, county_code, mode, outcome,"
                      + " rows_read, bad_rows, regions_created, regions_existing, stations_created,"
                      + " stations_existing, problems, imported_by, started_at, finished_at)"
                      + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  new String[] {"id"});
          ps.setString(1, name.length() > 255 ? name.substring(0, 255) : name);
          ps.setString(2, sha);
          ps.setString(3, county);
          ps.setString(4, mode.name());
          ps.setString(5, outcome.name());
          ps.setInt(6, rows);
          ps.setInt(7, bad);
          ps.setInt(8, regionsCreated);
          ps.setInt(9, regionsExisting);
          ps.setInt(10, stationsCreated);
          ps.setInt(11, stationsExisting);
          ps.setString(12, kept);
          ps.setString(13, by);
          ps.setTimestamp(14, Timestamp.from(started));
          ps.setTimestamp(15, Timestamp.from(clock.instant()));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  @Transactional(readOnly = true)
  public List<DivisionImportReport> reports(RegionScope importer, int limit) {
    String county = county(importer);
    return jdbc
        .queryForList(
            "select id from jurisdiction_import where county_code = ? order by id desc limit ?",
            Long.class,
            county,
            Math.max(1, Math.min(limit, 100)))
        .stream()
        .map(this::report)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public DivisionImportReport report(long id, RegionScope importer) {
    String county = county(importer);
    DivisionImportReport r;
    try {
      r = report(id);
    } catch (org.springframework.dao.EmptyResultDataAccessException e) {
      r = null;
    }
    if (r == null || !r.countyCode().equals(county)) {
      throw BusinessRuleException.notFound(
          "DIVISION_IMPORT_UNKNOWN", "未找到该导入记录", "no division import " + id + " for " + county);
    }
    return r;
  }

  private DivisionImportReport report(long id) {
    return jdbc.queryForObject(
        "select * from jurisdiction_import where id = ?",
        (rs, i) -> {
          List<Problem> problems;
          try {
            problems = json.readValue(rs.getString("problems"), new TypeReference<>() {});
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return new DivisionImportReport(
              rs.getLong("id"),
              rs.getString("file_name"),
              rs.getString("county_code"),
              Mode.valueOf(rs.getString("mode")),
              Outcome.valueOf(rs.getString("outcome")),
              rs.getInt("rows_read"),
              rs.getInt("bad_rows"),
              rs.getInt("regions_created"),
              rs.getInt("regions_existing"),
              rs.getInt("stations_created"),
              rs.getInt("stations_existing"),
              problems,
              rs.getString("imported_by"),
              rs.getTimestamp("started_at").toInstant(),
              rs.getTimestamp("finished_at").toInstant());
        },
        id);
  }
}
