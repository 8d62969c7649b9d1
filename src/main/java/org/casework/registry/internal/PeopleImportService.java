package org.casework.registry.internal;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.Region;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionLevel;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.IdNumber;
import org.casework.registry.ImportReport;
import org.casework.registry.ImportReport.Mode;
import org.casework.registry.ImportReport.Outcome;
import org.casework.registry.ImportReport.RowProblem;
import org.casework.registry.PeopleImport;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.StatusKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 信息采集表 import: a checking pass over the whole sheet (streamed), then — only when no row is bad — a
 * writing pass in one transaction (persons through {@link RegistryService#register}, so the same
 * encryption and rules apply; statuses appended only where they differ from the current value;
 * household links). The same sheet again finds everything in place and writes nothing.
 */
@Service
class PeopleImportService implements PeopleImport {

  private static final Logger log = LoggerFactory.getLogger(PeopleImportService.class);
  private static final int CHUNK = 500;
  private static final Pattern PHONE = Pattern.compile("^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$");
  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4})(?:[-/.年])(\\d{1,2})(?:[-/.月])(\\d{1,2})日?|(\\d{4})(\\d{2})(\\d{2})");

  private final RegistryService registry;
  private final PersonRecordsService records;
  private final PersonRepository persons;
  private final PiiCipher cipher;
  private final Jurisdiction jurisdiction;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final EntityManager em;
  private final Clock clock;

  PeopleImportService(
      RegistryService registry,
      PersonRecordsService records,
      PersonRepository persons,
      PiiCipher cipher,
      Jurisdiction jurisdiction,
      JdbcTemplate jdbc,
      PlatformTransactionManager txManager,
      EntityManager em,
      Clock clock) {
    this.registry = registry;
    this.records = records;
    this.persons = persons;
    this.cipher = cipher;
    this.jurisdiction = jurisdiction;
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(txManager);
    this.em = em;
    this.clock = clock;
  }

  @Override
  public ImportReport dryRun(String fileName, Path sheet, RegionScope scope) {
    Instant started = clock.instant();
    Check check = check(sheet, scope);
    return save(
        fileName,
        sheet,
        scope,
        Mode.DRY_RUN,
        check.problems.isEmpty() ? Outcome.CLEAN : Outcome.REJECTED,
        check,
        new Written(),
        started);
  }

  @Override
  public ImportReport importSheet(String fileName, Path sheet, RegionScope scope) {
    Instant started = clock.instant();
    Check check = check(sheet, scope);
    if (!check.problems.isEmpty()) {
      return save(
          fileName, sheet, scope, Mode.IMPORT, Outcome.REJECTED, check, new Written(), started);
    }
    Written written;
    try {
      written = tx.execute(status -> write(sheet, scope, fileName, check));
    } catch (RowRefused e) {
      // a rule only the writing pass can see (e.g. a race with another officer): nothing written
      check.problem(e.row, e.column, e.getCause().userMessage());
      return save(
          fileName, sheet, scope, Mode.IMPORT, Outcome.REJECTED, check, new Written(), started);
    }
    log.info(
        "sheet {} imported by {}: {} rows, {} new people, {} statuses, {} household links",
        fileName,
        scope.username(),
        check.rowsRead,
        written.created,
        written.statuses,
        written.linked);
    return save(fileName, sheet, scope, Mode.IMPORT, Outcome.IMPORTED, check, written, started);
  }

  // ---------------------------------------------------------------- checking pass

  private Check check(Path sheet, RegionScope scope) {
    Check check = new Check(scope);
    try {
      check.rowsRead = CollectionSheet.read(sheet, check::row);
    } catch (BusinessRuleException layout) {
      check.problem(0, "", layout.userMessage());
      return check;
    }
    check.flush();
    check.heads();
    if (check.rowsRead == 0 && check.problems.isEmpty()) {
      check.problem(0, "", "表格中没有数据行");
    }
    return check;
  }

  /** One parsed, valid row. */
  record Parsed(
      int row,
      IdNumber idNumber,
      String name,
      PersonCategory category,
      String township,
      String village,
      String phone,
      String address,
      IdNumber head,
      String relation,
      LocalDate collectedOn,
      String[] statuses) {}

  private final class Check {
    final RegionScope scope;
    final List<RowProblem> problems = new ArrayList<>();
    int badRows;
    int rowsRead;
    int lastBadRow = -1;
    final Map<String, Integer> seen = new HashMap<>();
    final Map<String, Optional<Region>> regions = new HashMap<>();
    final List<Parsed> chunk = new ArrayList<>();
    final List<Parsed> members = new ArrayList<>();
    final Map<String, String> memberOf = new HashMap<>();

    /**
     * The sheet's people already registered, by ID number, with their person ids: learned here so
     * that the writing pass need not look them up again (at 100,000 rows those lookups were a good
     * part of a re-import's time).
     */
    final Map<String, Long> registeredIds = new HashMap<>();

    /** Household heads named by the sheet but not in it (registered), by ID number: person ids. */
    final Map<String, Long> outsideHeads = new HashMap<>();

    /** Registered members of the sheet already in a household, with that household's head. */
    final Map<Parsed, Long> inHousehold = new HashMap<>();

    final Map<StatusKind, List<String>> allowed = records.allowedValues();
    final List<String> relations = records.relations();
    final LocalDate today = Formats.chinaDate(clock.instant());

    Check(RegionScope scope) {
      this.scope = scope;
    }

    void problem(int row, String column, String message) {
      if (row != lastBadRow || row == 0) {
        badRows++;
        lastBadRow = row;
      }
      if (problems.size() < ImportReport.MAX_PROBLEMS_KEPT) {
        problems.add(new RowProblem(row, column, message));
      }
    }

    void row(int row, String[] c) {
      Parsed p = parse(row, c, this);
      if (p == null) {
        return;
      }
      Integer earlier = seen.putIfAbsent(p.idNumber().value(), row);
      if (earlier != null) {
        problem(row, "身份证号", "身份证号与第 " + earlier + " 行重复（同一人在表中出现两次）");
        return;
      }
      if (p.head() != null) {
        members.add(p);
        memberOf.put(p.idNumber().value(), p.head().value());
      }
      chunk.add(p);
      if (chunk.size() >= CHUNK) {
        flush();
      }
    }

    /** People already registered: only inside the importer's region. */
    void flush() {
      if (chunk.isEmpty()) {
        return;
      }
      Map<String, Parsed> byHash = new HashMap<>();
      chunk.forEach(p -> byHash.put(cipher.lookupHash(p.idNumber().value()), p));
      for (Object[] found : registered(byHash.keySet())) {
        Parsed p = byHash.get((String) found[0]);
        registeredIds.put(p.idNumber().value(), (Long) found[4]);
        String where = found[2] != null ? (String) found[2] : (String) found[1];
        if (!scope.covers(RegionCode.parse(where))) {
          problem(p.row(), "身份证号", "此人已在您辖区以外的地区登记，不能由本表导入");
        } else if (p.head() != null && found[3] != null) {
          inHousehold.put(p, (Long) found[3]);
        }
      }
      chunk.clear();
    }

    /** Every household head named must be in the sheet or the registry, and head no one else. */
    void heads() {
      List<Parsed> outside = new ArrayList<>();
      for (Parsed m : members) {
        String head = m.head().value();
        if (memberOf.containsKey(head)) {
          problem(m.row(), "户主身份证号", "户主在本表第 " + seen.get(head) + " 行登记为另一户的成员，请填写该户户主");
        } else if (!seen.containsKey(head)) {
          outside.add(m);
        }
      }
      for (int i = 0; i < outside.size(); i += CHUNK) {
        List<Parsed> part = outside.subList(i, Math.min(outside.size(), i + CHUNK));
        Map<String, Object[]> known = new HashMap<>();
        List<String> hashes =
            part.stream().map(m -> cipher.lookupHash(m.head().value())).distinct().toList();
        for (Object[] found : registered(hashes)) {
          known.put((String) found[0], found);
        }
        for (Parsed m : part) {
          Object[] head = known.get(cipher.lookupHash(m.head().value()));
          if (head != null) {
            outsideHeads.put(m.head().value(), (Long) head[4]);
          }
          if (head == null) {
            problem(m.row(), "户主身份证号", "户主既不在本表中，也未在档案中登记");
          } else if (head[3] != null) {
            problem(m.row(), "户主身份证号", "所填户主本人是另一户的成员，请填写该户户主");
          } else if (inHousehold.containsKey(m) && !inHousehold.get(m).equals(head[4])) {
            problem(m.row(), "户主身份证号", "此人在档案中已属于另一户，请先核实户籍信息");
          }
        }
      }
      for (Parsed m : inHousehold.keySet()) {
        // the head is new in this sheet, the member already in another household
        if (seen.containsKey(m.head().value()) && !memberOf.containsKey(m.head().value())) {
          List<Object[]> head = registered(List.of(cipher.lookupHash(m.head().value())));
          if (head.isEmpty() || !inHousehold.get(m).equals(head.get(0)[4])) {
            problem(m.row(), "户主身份证号", "此人在档案中已属于另一户，请先核实户籍信息");
          }
        }
      }
    }

    Optional<Region> region(String code) {
      return regions.computeIfAbsent(code, c -> jurisdiction.findRegion(new RegionCode(c)));
    }
  }

  /** hmac, township, village, household_id of registered people among {@code hashes}. */
  private List<Object[]> registered(Collection<String> hashes) {
    if (hashes.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(hashes.size(), "?"));
    return jdbc.query(
        "select id_number_hmac, township_code, village_code, household_id, id from"
            + " registry_person where id_number_hmac in ("
            + marks
            + ")",
        (rs, i) ->
            new Object[] {
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getObject(4, Long.class),
              rs.getLong(5)
            },
        hashes.toArray());
  }

  /** The row's values, or null after recording its problems. */
  private Parsed parse(int row, String[] c, Check check) {
    int before = check.badRows;
    String name = cell(c, CollectionSheet.NAME);
    if (name == null) {
      check.problem(row, "姓名", "姓名不能为空");
    } else if (name.length() > 64) {
      check.problem(row, "姓名", "姓名超过64个字符");
    }
    IdNumber id = idNumber(row, cell(c, CollectionSheet.ID_NUMBER), "身份证号", check);
    PersonCategory category = null;
    String cat = cell(c, CollectionSheet.CATEGORY);
    for (PersonCategory pc : PersonCategory.values()) {
      if (pc.label().equals(cat) || pc.name().equals(cat)) {
        category = pc;
      }
    }
    if (category == null) {
      check.problem(
          row,
          "人员类别",
          (cat == null ? "人员类别不能为空" : "未知的人员类别「" + cat + "」")
              + "，应为："
              + String.join(
                  "、", Arrays.stream(PersonCategory.values()).map(PersonCategory::label).toList()));
    }
    String township = cell(c, CollectionSheet.TOWNSHIP);
    String village = cell(c, CollectionSheet.VILLAGE);
    RegionCode t = regionCode(row, township, RegionLevel.TOWNSHIP, "乡镇（街道）代码", check);
    if (t != null && village != null) {
      RegionCode v = regionCode(row, village, RegionLevel.VILLAGE, "村（社区）代码", check);
      if (v != null && !t.contains(v)) {
        check.problem(row, "村（社区）代码", "村（社区）代码 " + village + " 不属于乡镇（街道）" + township);
      }
    }
    String phone = cell(c, CollectionSheet.PHONE);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      check.problem(row, "联系电话", "联系电话格式不正确（手机11位，或区号-号码）");
    }
    String address = cell(c, CollectionSheet.ADDRESS);
    if (address != null && address.length() > 255) {
      check.problem(row, "现住址", "现住址超过255个字符");
    }
    String headRaw = cell(c, CollectionSheet.HEAD_ID_NUMBER);
    IdNumber head = null;
    String relation = cell(c, CollectionSheet.RELATION);
    if (headRaw != null && id != null && !headRaw.equalsIgnoreCase(id.value())) {
      head = idNumber(row, headRaw, "户主身份证号", check);
      if (relation == null || !check.relations.contains(relation)) {
        check.problem(row, "与户主关系", "与户主关系应为：" + String.join("、", check.relations));
      }
    }
    LocalDate collected = null;
    String on = cell(c, CollectionSheet.COLLECTED_ON);
    String[] statuses = new String[StatusKind.values().length];
    boolean anyStatus = false;
    for (StatusKind k : StatusKind.values()) {
      String v = cell(c, CollectionSheet.FIRST_STATUS + k.ordinal());
      if (v != null) {
        anyStatus = true;
        if (!check.allowed.get(k).contains(v)) {
          check.problem(
              row,
              k.label(),
              k.label() + "「" + v + "」不是允许的值，应为：" + String.join("、", check.allowed.get(k)));
        }
        statuses[k.ordinal()] = v;
      }
    }
    if (on != null) {
      collected = date(on);
      if (collected == null) {
        check.problem(row, "采集日期", "采集日期「" + on + "」不是有效日期（如 2026-03-02）");
      } else if (collected.isAfter(check.today)) {
        check.problem(row, "采集日期", "采集日期 " + on + " 晚于今天");
      }
    } else if (anyStatus) {
      check.problem(row, "采集日期", "填写了状况时必须填写采集日期");
    }
    if (check.badRows != before || id == null) {
      return null;
    }
    return new Parsed(
        row, id, name, category, t.value(), village, phone, address, head, relation, collected,
        statuses);
  }

  private IdNumber idNumber(int row, String raw, String column, Check check) {
    if (raw == null) {
      check.problem(row, column, column + "不能为空");
      return null;
    }
    try {
      IdNumber id = IdNumber.parse(raw);
      if (id.birthDate().isAfter(check.today) || id.birthDate().getYear() < 1880) {
        check.problem(row, column, column + "中的出生日期不可能（" + id.birthDate().getYear() + "年）");
        return null;
      }
      return id;
    } catch (BusinessRuleException e) {
      check.problem(row, column, e.userMessage());
      return null;
    }
  }

  private RegionCode regionCode(
      int row, String raw, RegionLevel level, String column, Check check) {
    if (raw == null) {
      if (level == RegionLevel.TOWNSHIP) {
        check.problem(row, column, column + "不能为空");
      }
      return null;
    }
    if (!raw.matches("\\d{" + level.digits() + "}")) {
      check.problem(row, column, column + "「" + raw + "」应为" + level.digits() + "位数字");
      return null;
    }
    RegionCode code = new RegionCode(raw);
    if (check.region(raw).isEmpty()) {
      check.problem(row, column, "未知的" + column + "「" + raw + "」（不在区划代码表中）");
      return null;
    }
    if (!check.scope.covers(code)) {
      check.problem(row, column, column + " " + raw + " 不在您的辖区内");
      return null;
    }
    return code;
  }

  static LocalDate date(String raw) {
    Matcher m = DATE.matcher(raw.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      return m.group(1) != null
          ? LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)))
          : LocalDate.of(
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String cell(String[] c, int i) {
    String v = c[i];
    return v == null || v.isBlank() ? null : v.strip();
  }

  // ---------------------------------------------------------------- writing pass

  static final class Written {
    int created;
    int existing;
    int statuses;
    int linked;
  }

  private static final class RowRefused extends RuntimeException {
    final int row;
    final String column;

    RowRefused(int row, String column, BusinessRuleException cause) {
      super(cause);
      this.row = row;
      this.column = column;
    }

    @Override
    public synchronized BusinessRuleException getCause() {
      return (BusinessRuleException) super.getCause();
    }
  }

  private Written write(Path sheet, RegionScope scope, String fileName, Check check) {
    Written w = new Written();
    Check parser = new Check(scope);
    // ids of the people the checking pass found registered; the heads' ids as they are written
    Map<String, Long> known = new HashMap<>(check.registeredIds);
    java.util.Set<String> headNumbers = new java.util.HashSet<>(check.memberOf.values());
    Map<String, Long> heads = new HashMap<>(check.outsideHeads);
    List<Parsed> chunk = new ArrayList<>();
    List<long[]> links = new ArrayList<>();
    List<Parsed> linkRows = new ArrayList<>();
    String reason = "信息采集表导入（" + fileName + "）";
    CollectionSheet.read(
        sheet,
        (row, cells) -> {
          Parsed p = parse(row, cells, parser);
          if (p == null) {
            // the file changed between the passes: refuse all
            throw new RowRefused(
                row,
                "",
                BusinessRuleException.invalid(
                    "IMPORT_CHANGED", "表格在检查后发生了变化，请重新导入", "sheet changed between passes"));
          }
          chunk.add(p);
          if (chunk.size() >= CHUNK) {
            writeChunk(chunk, scope, reason, w, linkRows, links, known, headNumbers, heads);
          }
        });
    writeChunk(chunk, scope, reason, w, linkRows, links, known, headNumbers, heads);
    // household links once every person of the sheet exists; a head the passes did not see
    // (none when the sheet is unchanged) is looked up
    List<String> unseen =
        linkRows.stream()
            .map(p -> p.head().value())
            .filter(h -> !heads.containsKey(h))
            .distinct()
            .toList();
    for (int i = 0; i < unseen.size(); i += CHUNK) {
      Map<String, String> byHash = new HashMap<>();
      unseen
          .subList(i, Math.min(unseen.size(), i + CHUNK))
          .forEach(h -> byHash.put(cipher.lookupHash(h), h));
      for (Object[] found : registered(byHash.keySet())) {
        heads.put(byHash.get((String) found[0]), (Long) found[4]);
      }
    }
    // in chunks, a few statements each (one link at a time was ~8 round trips per member)
    for (int i = 0; i < linkRows.size(); i += CHUNK) {
      int from = i;
      List<PersonRecordsService.Link> part = new ArrayList<>();
      for (int j = i; j < Math.min(linkRows.size(), i + CHUNK); j++) {
        Parsed p = linkRows.get(j);
        part.add(
            new PersonRecordsService.Link(
                heads.get(p.head().value()), links.get(j)[0], p.relation()));
      }
      w.linked +=
          records.linkAll(
              part,
              k ->
                  new RowRefused(
                      linkRows.get(from + k).row(),
                      "户主身份证号",
                      BusinessRuleException.conflict(
                          "HOUSEHOLD_MEMBER_ELSEWHERE",
                          "该成员已属于另一户、本人是户主，或所填户主是另一户的成员，请先核实户籍信息",
                          "household link refused at sheet row " + linkRows.get(from + k).row())));
    }
    return w;
  }

  private void writeChunk(
      List<Parsed> chunk,
      RegionScope scope,
      String reason,
      Written w,
      List<Parsed> linkRows,
      List<long[]> links,
      Map<String, Long> known,
      java.util.Set<String> headNumbers,
      Map<String, Long> heads) {
    if (chunk.isEmpty()) {
      return;
    }
    // the new people of the chunk in one statement (same sealing as Registry.register); who is
    // registered already the checking pass found out
    Map<String, Long> created;
    try {
      created = registry.registerAll(fresh(chunk, known));
    } catch (org.springframework.dao.DuplicateKeyException registeredMeanwhile) {
      // someone registered a person of the chunk between the passes: look the chunk up again
      // (the failed statement wrote nothing; the transaction goes on)
      Map<String, Parsed> byHash = new HashMap<>();
      chunk.forEach(p -> byHash.put(cipher.lookupHash(p.idNumber().value()), p));
      for (Object[] found : registered(byHash.keySet())) {
        known.put(byHash.get((String) found[0]).idNumber().value(), (Long) found[4]);
      }
      created = registry.registerAll(fresh(chunk, known));
    }
    Map<Long, Parsed> byPerson = new HashMap<>();
    List<Long> existing = new ArrayList<>();
    for (Parsed p : chunk) {
      Long id = known.get(p.idNumber().value());
      if (id == null) {
        id = created.get(p.idNumber().value());
        w.created++;
      } else {
        existing.add(id);
        w.existing++;
      }
      byPerson.put(id, p);
      if (headNumbers.contains(p.idNumber().value())) {
        heads.put(p.idNumber().value(), id);
      }
      if (p.head() != null) {
        linkRows.add(p);
        links.add(new long[] {id});
      }
    }
    em.flush();
    em.clear();
    // current status values of the chunk's registered people (the new ones have none): append
    // only what differs
    Map<String, String> current = new HashMap<>();
    if (!existing.isEmpty()) {
      String marks = String.join(",", java.util.Collections.nCopies(existing.size(), "?"));
      jdbc.query(
          "select r.person_id, r.kind, r.value from registry_status_record r join (select"
              + " person_id, kind, max(id) id from registry_status_record where person_id in ("
              + marks
              + ") group by person_id, kind) l on l.id = r.id",
          rs -> {
            current.put(rs.getLong(1) + ":" + rs.getString(2), rs.getString(3));
          },
          existing.toArray());
    }
    List<Object[]> inserts = new ArrayList<>();
    Timestamp now = Timestamp.from(clock.instant());
    byPerson.forEach(
        (id, p) -> {
          for (StatusKind k : StatusKind.values()) {
            String v = p.statuses()[k.ordinal()];
            String before = current.get(id + ":" + k.name());
            if (v != null && !v.equals(before)) {
              inserts.add(
                  new Object[] {
                    id, k.name(), v, before, p.collectedOn(), reason, scope.username(), now
                  });
            }
          }
        });
    // multi-row statements: one round trip per 500 records, not one per record
    for (int i = 0; i < inserts.size(); i += CHUNK) {
      List<Object[]> part = inserts.subList(i, Math.min(inserts.size(), i + CHUNK));
      jdbc.update(
          "insert into registry_status_record (person_id, kind, value, previous_value,"
              + " effective_on, reason, recorded_by, recorded_at) values "
              + String.join(",", java.util.Collections.nCopies(part.size(), "(?,?,?,?,?,?,?,?)")),
          part.stream().flatMap(Arrays::stream).toArray());
    }
    w.statuses += inserts.size();
    chunk.clear();
  }

  private static List<RegisterPerson> fresh(List<Parsed> chunk, Map<String, Long> known) {
    List<RegisterPerson> fresh = new ArrayList<>();
    for (Parsed p : chunk) {
      if (!known.containsKey(p.idNumber().value())) {
        fresh.add(
            new RegisterPerson(
                p.idNumber().value(),
                p.name(),
                p.category(),
                p.township(),
                p.village(),
                p.phone(),
                p.address(),
                List.of()));
      }
    }
    return fresh;
  }

  // ---------------------------------------------------------------- reports

  private ImportReport save(
      String fileName,
      Path sheet,
      RegionScope scope,
      Mode mode,
      Outcome outcome,
      Check check,
      Written w,
      Instant started) {
    String problems =
        check.problems.stream()
            .map(p -> p.row() + "\t" + p.column() + "\t" + p.message().replace('\n', ' '))
            .reduce((a, b) -> a + "\n" + b)
            .orElse(null);
    Instant finished = clock.instant();
    String name = fileName == null || fileName.isBlank() ? "信息采集表.xlsx" : fileName.strip();
    if (name.length() > 255) {
      name = name.substring(0, 255);
    }
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    String finalName = name;
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into registry_import (file_name, file_sha256, region_code, mode, outcome,"
                      + " rows_read, bad_rows, persons_created, persons_existing,"
                      + " statuses_recorded, households_linked, problems, imported_by,"
                      + " started_at, finished_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  new String[] {"id"});
          ps.setString(1, finalName);
          ps.setString(2, sha256(sheet));
          ps.setString(3, scope.prefix());
          ps.setString(4, mode.name());
          ps.setString(5, outcome.name());
          ps.setInt(6, check.rowsRead);
          ps.setInt(7, check.badRows);
          ps.setInt(8, w.created);
          ps.setInt(9, w.existing);
          ps.setInt(10, w.statuses);
          ps.setInt(11, w.linked);
          ps.setString(12, problems);
          ps.setString(13, scope.username());
          ps.setTimestamp(14, Timestamp.from(started));
          ps.setTimestamp(15, Timestamp.from(finished));
          return ps;
        },
        keys);
    if (outcome == Outcome.REJECTED) {
      log.info(
          "sheet {} {} by {} rejected: {} bad rows of {}",
          finalName,
          mode,
          scope.username(),
          check.badRows,
          check.rowsRead);
    }
    return report(keys.getKey().longValue(), scope);
  }

  @Override
  public ImportReport report(long id, RegionScope scope) {
    List<ImportReport> found =
        jdbc.query(
            "select * from registry_import where id = ? and region_code like ?",
            (rs, i) -> toReport(rs),
            id,
            scope.prefix() + "%");
    if (found.isEmpty()) {
      throw BusinessRuleException.notFound(
          "IMPORT_UNKNOWN", "未找到该导入记录", "no import " + id + " in " + scope.prefix());
    }
    return found.get(0);
  }

  @Override
  public List<ImportReport> reports(RegionScope scope, int limit) {
    return jdbc.query(
        "select * from registry_import where region_code like ? order by id desc limit ?",
        (rs, i) -> toReport(rs),
        scope.prefix() + "%",
        limit);
  }

  private static ImportReport toReport(java.sql.ResultSet rs) throws java.sql.SQLException {
    String text = rs.getString("problems");
    List<RowProblem> problems = new ArrayList<>();
    if (text != null) {
      for (String line : text.split("\n")) {
        String[] f = line.split("\t", 3);
        problems.add(new RowProblem(Integer.parseInt(f[0]), f[1], f[2]));
      }
    }
    return new ImportReport(
        rs.getLong("id"),
        rs.getString("file_name"),
        rs.getString("region_code"),
        Mode.valueOf(rs.getString("mode")),
        Outcome.valueOf(rs.getString("outcome")),
        rs.getInt("rows_read"),
        rs.getInt("bad_rows"),
        rs.getInt("persons_created"),
        rs.getInt("persons_existing"),
        rs.getInt("statuses_recorded"),
        rs.getInt("households_linked"),
        problems,
        rs.getString("imported_by"),
        rs.getTimestamp("started_at").toInstant(),
        rs.getTimestamp("finished_at").toInstant());
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- export

  @Override
  public int exportRegister(RegionScope scope, OutputStream out) {
    LocalDate today = Formats.chinaDate(clock.instant());
    Map<String, String> names = new HashMap<>();
    List<String> headers =
        new ArrayList<>(
            List.of(
                "序号",
                "姓名",
                "身份证号（脱敏）",
                "性别",
                "年龄",
                "人员类别",
                "乡镇（街道）",
                "村（社区）",
                "联系电话（脱敏）",
                "户主",
                "与户主关系"));
    for (StatusKind k : StatusKind.values()) {
      headers.add(k.label());
    }
    int written = 0;
    // streamed: 100 rows in memory, inline strings (no shared-string table growing with the file)
    try (SXSSFWorkbook book = new SXSSFWorkbook(null, 100, false, false)) {
      Sheet sheet = book.createSheet("服务对象名册");
      Row header = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        header.createCell(i).setCellValue(headers.get(i));
      }
      long after = 0;
      while (true) {
        List<Long> ids =
            jdbc.queryForList(
                "select id from registry_person where township_code like ? and"
                    + " coalesce(village_code, township_code) like ? and id > ? order by id limit"
                    + " 1000",
                Long.class,
                scope.prefix().substring(0, Math.min(9, scope.prefix().length())) + "%",
                scope.prefix() + "%",
                after);
        if (ids.isEmpty()) {
          break;
        }
        after = ids.get(ids.size() - 1);
        Map<Long, PersonView> views = new HashMap<>();
        persons.findAllById(ids).forEach(e -> views.put(e.getId(), registry.toView(e)));
        em.clear();
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        Map<String, String> statuses = new HashMap<>();
        jdbc.query(
            "select r.person_id, r.kind, r.value from registry_status_record r join (select"
                + " person_id, kind, max(id) id from registry_status_record where person_id in ("
                + marks
                + ") group by person_id, kind) l on l.id = r.id",
            rs -> {
              statuses.put(rs.getLong(1) + ":" + rs.getString(2), rs.getString(3));
            },
            ids.toArray());
        Map<Long, String[]> heads = new HashMap<>();
        jdbc.query(
            "select m.member_person_id, h.name, m.relation from registry_household_member m join"
                + " registry_person h on h.id = m.person_id where m.member_person_id in ("
                + marks
                + ")",
            rs -> {
              heads.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
            },
            ids.toArray());
        for (Long id : ids) {
          PersonView p = views.get(id);
          Row r = sheet.createRow(++written);
          String[] head = heads.get(id);
          List<String> values =
              new ArrayList<>(
                  List.of(
                      String.valueOf(written),
                      p.name(),
                      p.maskedIdNumber(),
                      p.gender() == null ? "" : p.gender().label(),
                      String.valueOf(p.age()),
                      p.category().label(),
                      regionName(names, p.townshipCode()),
                      regionName(names, p.villageCode()),
                      p.maskedPhone() == null ? "" : p.maskedPhone(),
                      head == null ? "" : head[0],
                      head == null ? "" : head[1]));
          for (StatusKind k : StatusKind.values()) {
            values.add(statuses.getOrDefault(id + ":" + k.name(), ""));
          }
          for (int i = 0; i < values.size(); i++) {
            r.createCell(i).setCellValue(values.get(i));
          }
        }
      }
      book.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log.info("register of {} exported by {}: {} people", scope.prefix(), scope.username(), written);
    return written;
  }

  private String regionName(Map<String, String> names, String code) {
    if (code == null) {
      return "";
    }
    return names.computeIfAbsent(
        code, c -> jurisdiction.findRegion(new RegionCode(c)).map(Region::name).orElse(c));
  }
}
