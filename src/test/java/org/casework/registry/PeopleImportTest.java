package org.casework.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.registry.ImportReport.Outcome;
import org.casework.registry.ImportReport.RowProblem;
import org.casework.support.CollectionSheets;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * 信息采集表 import: every bad row named with its Chinese reason, nothing written while any row is bad,
 * the same sheet twice changes nothing, a report kept with who imported it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class PeopleImportTest {

  static final RegionScope COUNTY =
      new RegionScope("import-county", Role.COUNTY_CASEWORKER, new RegionCode("350502"));
  static final RegionScope TOWNSHIP =
      new RegionScope("import-township", Role.TOWNSHIP_CASEWORKER, new RegionCode("350502001"));

  @Autowired PeopleImport imports;
  @Autowired Registry registry;
  @Autowired PersonRecords records;
  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;

  final Random random = new Random();
  final LocalDate collected = LocalDate.of(2026, 3, 1);

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addRegion(new RegionCode("350502001002"), "中山社区");
    jurisdiction.addRegion(new RegionCode("350502002001"), "临江社区");
    jurisdiction.addRegion(new RegionCode("350502003"), "金龙街道");
    jurisdiction.addRegion(new RegionCode("350502003001"), "金山社区");
    jurisdiction.addRegion(new RegionCode("350502003002"), "龙泉社区");
  }

  List<String[]> valid(int n) {
    return CollectionSheets.people(n, random.nextLong(), collected);
  }

  Path sheet(List<String[]> rows) {
    Path file = dir.resolve("sheet-" + random.nextInt(1_000_000) + ".xlsx");
    CollectionSheets.write(file, rows);
    return file;
  }

  long people(List<String[]> rows) {
    return rows.stream()
        .filter(r -> registry.findByIdNumber(IdNumber.parse(r[2])).isPresent())
        .count();
  }

  @Test
  void shouldListEveryBadRowWithItsChineseReasonAndImportNothing() {
    List<String[]> rows = new ArrayList<>(valid(12));
    for (String[] r : rows) {
      r[4] = "350502001";
      r[5] = "350502001001";
      r[8] = "";
      r[9] = "";
    }
    String id = rows.get(0)[2];
    rows.get(1)[2] = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'); // row 3: checksum
    rows.get(2)[5] = "350502001099"; // row 4: unknown village
    rows.get(3)[2] = rows.get(0)[2]; // row 5: same person twice
    rows.get(4)[10] = "2026-02-30"; // row 6: impossible date
    rows.get(5)[3] = "退伍老兵"; // row 7: unknown category
    rows.get(6)[4] = "350502002"; // row 8: township outside the importer's region
    rows.get(6)[5] = "350502002001";
    rows.get(7)[10] = LocalDate.now().plusDays(3).toString(); // row 9: status in the future
    rows.get(8)[13] = "很好"; // row 10: status value not allowed
    rows.get(9)[8] = CollectionSheets.idNumber(random, LocalDate.of(1960, 1, 1), new HashSet<>());
    rows.get(9)[9] = "配偶"; // row 11: head neither in the sheet nor registered
    Path file = sheet(rows);

    ImportReport dry = imports.dryRun("坏表.xlsx", file, TOWNSHIP);
    ImportReport imported = imports.importSheet("坏表.xlsx", file, TOWNSHIP);

    assertThat(dry.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(dry.badRows()).isEqualTo(9);
    assertThat(dry.problems())
        .extracting(RowProblem::row, RowProblem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(3, "身份证号码校验位错误，请核对后重新输入"),
            org.assertj.core.groups.Tuple.tuple(4, "未知的村（社区）代码「350502001099」（不在区划代码表中）"),
            org.assertj.core.groups.Tuple.tuple(5, "身份证号与第 2 行重复（同一人在表中出现两次）"),
            org.assertj.core.groups.Tuple.tuple(6, "采集日期「2026-02-30」不是有效日期（如 2026-03-02）"),
            org.assertj.core.groups.Tuple.tuple(8, "乡镇（街道）代码 350502002 不在您的辖区内"),
            org.assertj.core.groups.Tuple.tuple(11, "户主既不在本表中，也未在档案中登记"));
    assertThat(dry.problems())
        .anySatisfy(
            p -> {
              assertThat(p.row()).isEqualTo(7);
              assertThat(p.message()).startsWith("未知的人员类别「退伍老兵」");
            })
        .anySatisfy(
            p -> {
              assertThat(p.row()).isEqualTo(9);
              assertThat(p.message()).contains("晚于今天");
            })
        .anySatisfy(
            p -> {
              assertThat(p.row()).isEqualTo(10);
              assertThat(p.message()).startsWith("健康状况「很好」不是允许的值");
            });
    // all or nothing: the good rows were not written either
    assertThat(imported.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(imported.personsCreated()).isZero();
    assertThat(people(rows.subList(10, 12))).isZero();
    assertThat(people(List.<String[]>of(rows.get(0)))).isZero();
  }

  @Test
  void shouldRefuseASheetInTheWrongLayoutAsAWhole() throws Exception {
    Path file = dir.resolve("wrong.xlsx");
    List<String> header = new ArrayList<>(CollectionSheets.HEADER);
    header.set(2, "证件号码");
    List<String[]> rows = valid(2);
    CollectionSheets.write(file, header, rows.size(), rows::get);
    Path text = dir.resolve("not-excel.xlsx");
    Files.writeString(text, "姓名,身份证号\n张三,350502196001010011\n");

    ImportReport wrongHeader = imports.dryRun("wrong.xlsx", file, COUNTY);
    ImportReport notExcel = imports.importSheet("not-excel.xlsx", text, COUNTY);

    assertThat(wrongHeader.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(wrongHeader.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isZero();
              assertThat(p.message()).startsWith("表格格式不符：第C列的列名应为「身份证号」，实际为「证件号码」");
            });
    assertThat(notExcel.problems().get(0).message()).startsWith("表格格式不符：文件不是 Excel 表格");
    assertThat(people(rows)).isZero();
  }

  @Test
  void shouldImportAllRowsOnceAndChangeNothingWhenTheSameSheetComesAgain() {
    List<String[]> rows = valid(40);
    Path file = sheet(rows);

    ImportReport dry = imports.dryRun("采集表.xlsx", file, COUNTY);
    assertThat(dry.outcome()).isEqualTo(Outcome.CLEAN);
    assertThat(people(rows)).as("a dry run writes no person").isZero();

    ImportReport first = imports.importSheet("采集表.xlsx", file, COUNTY);
    Integer statusRows = statusRows(rows);
    ImportReport again = imports.importSheet("采集表.xlsx", file, COUNTY);

    assertThat(first.outcome()).isEqualTo(Outcome.IMPORTED);
    assertThat(first.rowsRead()).isEqualTo(40);
    assertThat(first.personsCreated()).isEqualTo(40);
    assertThat(first.statusesRecorded()).isEqualTo(40 * 7);
    assertThat(first.householdsLinked()).isEqualTo(10);
    assertThat(first.importedBy()).isEqualTo("import-county");
    assertThat(again.outcome()).isEqualTo(Outcome.IMPORTED);
    assertThat(again.personsCreated()).isZero();
    assertThat(again.personsExisting()).isEqualTo(40);
    assertThat(again.statusesRecorded()).isZero();
    assertThat(again.householdsLinked()).isZero();
    assertThat(statusRows(rows)).isEqualTo(statusRows);
    assertThat(imports.report(first.id(), COUNTY).importedBy()).isEqualTo("import-county");

    // row 4 is the spouse of row 3: one household, as the ledger sees it
    long head = registry.findByIdNumber(IdNumber.parse(rows.get(2)[2])).orElseThrow().id();
    long spouse = registry.findByIdNumber(IdNumber.parse(rows.get(3)[2])).orElseThrow().id();
    assertThat(records.householdId(spouse)).isEqualTo(head);
    assertThat(records.householdOf(head)).contains(head, spouse);
    assertThat(records.household(spouse, COUNTY).members())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.personId()).isEqualTo(spouse);
              assertThat(m.relation()).isEqualTo("配偶");
            });
    assertThat(records.currentStatuses(head, COUNTY)).hasSize(7);
  }

  @Test
  void shouldAppendOnlyTheStatusesThatChangedWhenANewerSheetComes() {
    List<String[]> rows = valid(3);
    imports.importSheet("第一次.xlsx", sheet(rows), COUNTY);
    String[] changed = rows.get(0).clone();
    changed[13] = changed[13].equals("重病") ? "健康" : "重病";
    changed[10] = "2026-03-15";

    ImportReport second =
        imports.importSheet("第二次.xlsx", sheet(List.<String[]>of(changed)), COUNTY);

    assertThat(second.statusesRecorded()).isEqualTo(1);
    long id = registry.findByIdNumber(IdNumber.parse(changed[2])).orElseThrow().id();
    StatusRecord health = records.currentStatuses(id, COUNTY).get(StatusKind.HEALTH);
    assertThat(health.value()).isEqualTo(changed[13]);
    assertThat(health.previousValue()).isEqualTo(rows.get(0)[13]);
    assertThat(health.effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 15));
  }

  @Test
  void shouldRefuseMovingAMemberOfOneHouseholdIntoAnotherInTheDryRun() {
    List<String[]> rows = valid(4); // rows 3 and 4: a head and the spouse
    imports.importSheet("户.xlsx", sheet(rows), COUNTY);
    String[] otherHead = valid(1).get(0);
    String[] spouse = rows.get(3).clone();
    spouse[8] = otherHead[2];

    ImportReport dry = imports.dryRun("换户.xlsx", sheet(List.of(otherHead, spouse)), COUNTY);

    assertThat(dry.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(dry.problems())
        .extracting(RowProblem::row, RowProblem::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "此人在档案中已属于另一户，请先核实户籍信息"));
  }

  @Test
  void shouldFindTheDemoSheetValid() throws Exception {
    Path file = dir.resolve("demo.xlsx");
    try (var in = new ClassPathResource("demo/collection-sheet.xlsx").getInputStream()) {
      Files.copy(in, file);
    }

    ImportReport dry = imports.dryRun("demo.xlsx", file, COUNTY);

    assertThat(dry.problems()).isEmpty();
    assertThat(dry.rowsRead()).isEqualTo(300);
  }

  private Integer statusRows(List<String[]> rows) {
    return rows.stream()
        .mapToInt(
            r ->
                jdbc.queryForObject(
                    "select count(*) from registry_status_record where person_id = ?",
                    Integer.class,
                    registry.findByIdNumber(IdNumber.parse(r[2])).orElseThrow().id()))
        .sum();
  }
}
