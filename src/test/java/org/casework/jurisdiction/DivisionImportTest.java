package org.casework.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.DivisionImportReport.Outcome;
import org.casework.jurisdiction.DivisionImportReport.Problem;
import org.casework.support.DemoRegion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The county's division and station code sheet: every bad row in Chinese in the dry run, nothing
 * written by a sheet with a bad row, the import of a good sheet (regions parents first, stations),
 * the same sheet again changing nothing, the report and audit entry with who imported, and only the
 * county's own administrator.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(DemoRegion.class)
class DivisionImportTest {

  @Autowired DivisionImport imports;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  String county;
  RegionScope admin;

  @BeforeEach
  void setUp() {
    region.ensure();
    county = freshCounty();
    jurisdiction.addRegion(new RegionCode(county), "测试县" + county.substring(4));
    String username = "admin" + county;
    jurisdiction.addStaff(username, "区管理员", Role.ADMIN, new RegionCode(county), "demo123");
    admin = RegionScope.of(jurisdiction.staff(username).orElseThrow());
  }

  @Test
  void shouldListEveryBadRowInChineseAndWriteNothing() throws IOException {
    byte[] sheet =
        sheet(
            row(county, "测试县" + county.substring(4), "退役军人服务中心", "人民路1号", "0595-22345678"),
            row(county + "001", "东街街道", "东街街道退役军人服务站", null, null),
            row("35050X", "坏代码", null, null, null),
            row("350502001", "别县的街道", null, null, null),
            row(county + "001", "东街街道", null, null, null),
            row(county + "009001", "没有上级的村", null, null, null),
            row(county + "001001", null, null, null, null),
            row(county + "001002", "西门社区", null, "西门路2号", null),
            row(county + "001003", "南岭村", "南岭村服务站", null, "电话号码"));

    DivisionImportReport dry = imports.dryRun("代码表.xlsx", in(sheet), admin);
    DivisionImportReport real = imports.importSheet("代码表.xlsx", in(sheet), admin);

    assertThat(dry.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(dry.badRows()).isEqualTo(7);
    assertThat(dry.problems())
        .extracting(Problem::row, Problem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4, "A"),
            org.assertj.core.groups.Tuple.tuple(5, "A"),
            org.assertj.core.groups.Tuple.tuple(6, "A"),
            org.assertj.core.groups.Tuple.tuple(7, "A"),
            org.assertj.core.groups.Tuple.tuple(8, "B"),
            org.assertj.core.groups.Tuple.tuple(9, "C"),
            org.assertj.core.groups.Tuple.tuple(10, "E"));
    assertThat(dry.problems())
        .extracting(Problem::message)
        .satisfiesExactly(
            m -> assertThat(m).startsWith("区划代码 35050X 不正确"),
            m -> assertThat(m).isEqualTo("区划代码 350502001 不在您所辖的县（区）" + county + " 内，不能导入"),
            m -> assertThat(m).isEqualTo("区划代码 " + county + "001 与第 3 行重复"),
            m -> assertThat(m).startsWith("上级区划 " + county + "009 尚未登记，也不在本表中"),
            m -> assertThat(m).isEqualTo("名称不能为空"),
            m -> assertThat(m).isEqualTo("填写了服务站地址或电话，但未填写服务站名称"),
            m -> assertThat(m).startsWith("服务站电话 电话号码 格式不正确"));
    assertThat(real.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(real.regionsCreated()).isZero();
    assertThat(regionsUnder()).containsExactly(county);
    assertThat(jurisdiction.station(new RegionCode(county))).isEmpty();
    assertThat(imports.report(real.id(), admin).importedBy()).isEqualTo(admin.username());
  }

  @Test
  void shouldImportAGoodSheetOnceAndChangeNothingTheSecondTime() throws Exception {
    byte[] sheet =
        sheet(
            row(county + "001001", "东街社区", "东街社区服务站", "东街1号", "13800000000"),
            row(county, "测试县" + county.substring(4), "退役军人服务中心", "人民路1号", "0595-22345678"),
            row(county + "001", "东街街道", "东街街道退役军人服务站", null, null),
            row(county + "001002", "西门社区", null, null, null),
            row(county + "002", "西湖乡", null, null, null));

    DivisionImportReport dry = imports.dryRun("代码表.xlsx", in(sheet), admin);
    assertThat(dry.outcome()).isEqualTo(Outcome.CLEAN);
    assertThat(dry.regionsCreated()).isEqualTo(4);
    assertThat(dry.stationsCreated()).isEqualTo(3);
    assertThat(regionsUnder()).containsExactly(county);

    DivisionImportReport first = imports.importSheet("代码表.xlsx", in(sheet), admin);
    assertThat(first.outcome()).isEqualTo(Outcome.IMPORTED);
    assertThat(first.regionsCreated()).isEqualTo(4);
    assertThat(first.regionsExisting()).isEqualTo(1);
    assertThat(first.stationsCreated()).isEqualTo(3);
    assertThat(regionsUnder())
        .containsExactly(
            county, county + "001", county + "001001", county + "001002", county + "002");
    assertThat(jurisdiction.region(new RegionCode(county + "001001")).name()).isEqualTo("东街社区");
    assertThat(jurisdiction.region(new RegionCode(county + "001001")).level())
        .isEqualTo(RegionLevel.VILLAGE);
    assertThat(
            jdbc.queryForObject(
                "select parent_code from jurisdiction_region where code = ?",
                String.class,
                county + "001001"))
        .isEqualTo(county + "001");
    assertThat(jurisdiction.station(new RegionCode(county + "001001")).orElseThrow().phone())
        .isEqualTo("13800000000");

    DivisionImportReport again = imports.importSheet("代码表.xlsx", in(sheet), admin);
    assertThat(again.outcome()).isEqualTo(Outcome.IMPORTED);
    assertThat(again.regionsCreated()).isZero();
    assertThat(again.stationsCreated()).isZero();
    assertThat(again.regionsExisting()).isEqualTo(5);
    assertThat(again.stationsExisting()).isEqualTo(3);
    assertThat(regionsUnder()).hasSize(5);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from jurisdiction_station where region_code like ?",
                Long.class,
                county + "%"))
        .isEqualTo(3);
    assertThat(imports.reports(admin, 10))
        .extracting(DivisionImportReport::id)
        .startsWith(again.id(), first.id(), dry.id());
    assertThat(
            jdbc.queryForList(
                "select outcome from audit_entry where kind = 'DIVISION_IMPORT' and actor = ?"
                    + " order by id",
                String.class,
                admin.username()))
        .hasSize(3)
        .allSatisfy(o -> assertThat(o).contains("导入记录"));

    // a renamed region is refused, not silently renamed
    DivisionImportReport renamed =
        imports.dryRun("改名.xlsx", in(sheet(row(county + "002", "西湖镇", null, null, null))), admin);
    assertThat(renamed.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("已登记为「西湖乡」"));

    // the page: upload, the report, another county's administrator cannot read it
    var login = user(users.loadUserByUsername(admin.username()));
    mvc.perform(
            multipart("/admin/divisions")
                .file(new MockMultipartFile("file", "代码表.xlsx", XLSX, sheet))
                .param("action", "check")
                .with(csrf())
                .with(login))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("检查通过")));
    mvc.perform(
            multipart("/admin/divisions")
                .file(
                    new MockMultipartFile(
                        "file", "代码表.xlsx", XLSX, sheet(row("35050X", "坏", null, null, null))))
                .param("action", "import")
                .with(csrf())
                .with(login))
        .andExpect(status().is(422))
        .andExpect(content().string(containsString("区划代码 35050X 不正确")));
    String otherCounty = freshCounty();
    jurisdiction.addRegion(new RegionCode(otherCounty), "别县");
    jurisdiction.addStaff(
        "admin" + otherCounty, "别县管理员", Role.ADMIN, new RegionCode(otherCounty), "demo123");
    mvc.perform(
            get("/admin/divisions/reports/" + first.id())
                .with(user(users.loadUserByUsername("admin" + otherCounty))))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("未找到该导入记录")));
  }

  @Test
  void shouldRefuseAWrongLayoutANonExcelFileAndAnyoneButTheCountysAdministrator()
      throws IOException {
    DivisionImportReport wrong =
        imports.dryRun("旧模板.xlsx", in(workbook(List.of("代码", "名称"), List.of())), admin);
    assertThat(wrong.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.row()).isZero();
              assertThat(p.message()).startsWith("表格格式不对");
            });
    DivisionImportReport text =
        imports.dryRun(
            "codes.csv",
            new ByteArrayInputStream("区划代码,名称\n".getBytes(StandardCharsets.UTF_8)),
            admin);
    assertThat(text.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("文件不是可读取的 Excel 表格"));

    RegionScope caseworker = RegionScope.of(jurisdiction.staff("sunli").orElseThrow());
    assertThatThrownBy(
            () ->
                imports.importSheet(
                    "代码表.xlsx", in(sheet(row(county + "003", "北乡", null, null, null))), caseworker))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.userMessage()).isEqualTo("只有县（区）系统管理员可以导入区划与服务站代码"));
    assertThat(regionsUnder()).containsExactly(county);
  }

  // ------------------------------------------------------------------------------------------------

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private List<String> regionsUnder() {
    return jdbc.queryForList(
        "select code from jurisdiction_region where code like ? order by code",
        String.class,
        county + "%");
  }

  private static String[] row(String... cells) {
    return cells;
  }

  private static byte[] sheet(String[]... rows) throws IOException {
    return workbook(DivisionImport.HEADER, List.of(rows));
  }

  private static byte[] workbook(List<String> header, List<String[]> rows) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = book.createSheet("区划");
      Row h = s.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        h.createCell(i).setCellValue(header.get(i));
      }
      int r = 1;
      for (String[] cells : rows) {
        Row x = s.createRow(r++);
        for (int i = 0; i < cells.length; i++) {
          if (cells[i] != null) {
            x.createCell(i).setCellValue(cells[i]);
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  private static InputStream in(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  private String freshCounty() {
    for (int i = 0; i < 100; i++) {
      String code =
          "35"
              + (10 + ThreadLocalRandom.current().nextInt(80))
              + (10 + ThreadLocalRandom.current().nextInt(80));
      if (jurisdiction.findRegion(new RegionCode(code)).isEmpty()) {
        return code;
      }
    }
    throw new IllegalStateException("no free county code");
  }
}
