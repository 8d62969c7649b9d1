package org.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryEntry;
import org.casework.common.Masking;
import org.casework.documents.PdfText;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.Role;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonalData;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * ID numbers, phones and addresses: encrypted in MariaDB, masked on pages, in full only for the
 * officer handling the case (audited), never in the log.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired HardshipAssistance assistance;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;

  @Autowired Jurisdiction jurisdiction;
  @Autowired Registry registry;
  @Autowired CaseFiles caseFiles;

  String idNumber;
  LocalDate birthDate;
  String number;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addStaff(
        "linfeng", "林峰", Role.AUDITOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    jurisdiction.addStaff(
        "huangmin", "黄敏", Role.SUPERVISOR, new RegionCode(DemoRegion.COUNTY), "demo123");
    idNumber = TestPeople.newIdNumber();
    birthDate = IdNumber.parse(idNumber).birthDate();
    number =
        assistance
            .apply(
                new ApplyForAssistance(
                    new RegisterPerson(
                        idNumber,
                        "周𠮷安",
                        PersonCategory.VETERAN,
                        DemoRegion.TOWNSHIP,
                        DemoRegion.VILLAGE,
                        "13912345678",
                        "海滨街道新华社区8号",
                        List.of()),
                    HardshipCause.ILLNESS,
                    "长期患病",
                    new BigDecimal("600.00"),
                    new BigDecimal("500.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
  }

  @Test
  void shouldStoreNoPersonalDataInPlainTextInTheDatabase() {
    String row =
        jdbc.queryForList("SELECT * FROM registry_person ORDER BY id DESC LIMIT 1")
            .getFirst()
            .toString();
    assertThat(row)
        .doesNotContain(idNumber)
        .doesNotContain("13912345678")
        .doesNotContain("新华社区8号")
        .doesNotContain(birthDate.toString())
        .containsPattern("id_number_enc=v2:dev1:")
        .containsPattern("birth_date_enc=v2:dev1:");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM registry_person WHERE id_number_enc IS NULL", Long.class))
        .as("rows left unencrypted by the migration")
        .isZero();
  }

  @Test
  void shouldShowTheFullIdOnlyToTheHandlingOfficerAndAuditEachView(CapturedOutput output)
      throws Exception {
    var handler = user(users.loadUserByUsername("zhangwei"));
    mvc.perform(get("/cases/" + number).with(handler))
        .andExpect(content().string(containsString(Masking.idNumber(idNumber))))
        .andExpect(content().string(not(containsString(idNumber))));

    mvc.perform(post("/cases/" + number + "/personal-data").with(csrf()).with(handler))
        .andExpect(
            flash().attribute("personal", new PersonalData(idNumber, "13912345678", "海滨街道新华社区8号")));
    mvc.perform(
            get("/cases/" + number)
                .with(handler)
                .flashAttr("personal", new PersonalData(idNumber, "13912345678", "新华社区8号")))
        .andExpect(content().string(containsString("身份证号 " + idNumber)));
    // 刘洋 is in the same township but does not handle this case
    mvc.perform(
            post("/cases/" + number + "/personal-data")
                .with(csrf())
                .with(user(users.loadUserByUsername("liuyang"))))
        .andExpect(flash().attribute("error", containsString("只有经办本案的工作人员")))
        .andExpect(flash().attributeCount(1));

    assertThat(
            jdbc.queryForList(
                "SELECT CONCAT(kind, ' ', actor) FROM audit_entry WHERE (case_number = ?"
                    + " AND kind = 'PERSONAL_DATA_VIEW') OR (kind = 'ACCESS_DENIED' AND action LIKE ?)",
                String.class,
                number,
                "%" + number + "/personal-data"))
        .containsExactlyInAnyOrder("PERSONAL_DATA_VIEW zhangwei", "ACCESS_DENIED liuyang");
    assertThat(output.getAll()).doesNotContain(idNumber).doesNotContain("13912345678");
  }

  /**
   * Issue 15 item 1: the region digits come from the region code pages show, digits 7–14 are the
   * birth date; so nothing a non-handler can reach may show more than the last four characters, nor
   * the birth date in any spelling. Every page, JSON answer, Excel and PDF about this person that a
   * township head, a county approver, an auditor and a supervisor can open is gathered and read.
   */
  @Test
  void shouldLetNoNonHandlerRebuildTheIdNumber(CapturedOutput output) throws Exception {
    long personId = registry.findByIdNumber(IdNumber.parse(idNumber)).orElseThrow().id();
    // an officer typed the number into a note of the case's history
    caseFiles.record(
        number,
        new HistoryEntry(
            Instant.now(),
            "zhangwei",
            "TOWNSHIP_CASEWORKER",
            "补充说明",
            "已记录",
            "申请人身份证 " + idNumber + "，电话 13912345678",
            "note:" + number));
    Map<String, String> seen = new LinkedHashMap<>();
    String[][] reads = {
      {"liuyang", "/cases/" + number},
      {"liuyang", "/api/cases/" + number},
      {"liuyang", "/api/cases"},
      {"liuyang", "/api/cases/" + number + "/clocks"},
      {"liuyang", "/api/hardship/cases/" + number + "/application"},
      {"liuyang", "/api/registry/persons/" + personId},
      {"sunli", "/cases/" + number},
      {"sunli", "/api/registry/persons/" + personId},
      {"sunli", "/api/ledger/cases/" + number},
      {"sunli", "/ledger/totals"},
      {"sunli", "/api/ledger/totals.xlsx"},
      {"linfeng", "/audit?person=" + idNumber},
      {"linfeng", "/audit?person=" + Masking.idNumber(idNumber)},
      {"linfeng", "/audit?officer=zhangwei"},
      {"linfeng", "/audit/cases/" + number},
      {"linfeng", "/audit/cases/" + number + "/path"},
      {"linfeng", "/audit/cases/" + number + "/history.pdf"},
      {"linfeng", "/cases/" + number},
      {"linfeng", "/api/registry/persons/" + personId},
      {"huangmin", "/sla/cockpit"},
      {"huangmin", "/api/sla/cockpit"},
      {"huangmin", "/api/sla/cockpit/officers"},
      {"huangmin", "/api/sla/cockpit/export.xlsx"},
    };
    for (String[] read : reads) {
      var response =
          mvc.perform(get(read[1]).with(user(users.loadUserByUsername(read[0]))))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(read[0] + " GET " + read[1]).isEqualTo(200);
      seen.put(read[0] + " GET " + read[1], readable(response));
    }
    assertThat(seen.get("liuyang GET /api/registry/persons/" + personId))
        .contains("\"age\":" + IdNumber.ageOn(birthDate, LocalDate.now(ZoneId.of("Asia/Shanghai"))))
        .doesNotContain("birthDate");
    assertThat(seen.get("linfeng GET /audit?person=" + idNumber)).contains(number);
    assertThat(seen.get("liuyang GET /cases/" + number))
        .contains(
            Masking.idNumber(idNumber)
                + "，"
                + IdNumber.ageOn(birthDate, LocalDate.now(ZoneId.of("Asia/Shanghai")))
                + "岁");
    assertThat(seen.get("linfeng GET /audit/cases/" + number + "/history.pdf")).contains(number);
    seen.put("log", output.getAll());
    SoftAssertions softly = new SoftAssertions();
    seen.forEach((where, text) -> assertNothingRebuildsTheId(softly, where, text));
    softly.assertAll();
  }

  private void assertNothingRebuildsTheId(SoftAssertions softly, String where, String text) {
    String compact = birthDate.toString().replace("-", "");
    softly
        .assertThat(text)
        .as(where)
        .doesNotContain(idNumber)
        .doesNotContain(idNumber.substring(0, 17))
        .doesNotContain(compact)
        .doesNotContain(birthDate.toString())
        .doesNotContain(birthDate.toString().replace('-', '/'))
        .doesNotContain(birthDate.toString().replace('-', '.'))
        .doesNotContain(
            birthDate.getYear() + "年" + birthDate.getMonthValue() + "月" + birthDate.getDayOfMonth())
        .doesNotContain(
            birthDate.getYear()
                + "年"
                + String.format("%02d", birthDate.getMonthValue())
                + "月"
                + String.format("%02d", birthDate.getDayOfMonth()));
    // no mask that keeps a digit in front (3505**********123X): only the last four show
    softly
        .assertThat(Pattern.compile("[0-9Xx]\\*{6,}").matcher(text).find())
        .as(where + " shows a masked ID number with leading digits")
        .isFalse();
  }

  private static String readable(MockHttpServletResponse response) throws Exception {
    String type = String.valueOf(response.getContentType());
    byte[] body = response.getContentAsByteArray();
    if (type.contains("pdf")) {
      return PdfText.of(body);
    }
    if (type.contains("spreadsheet")) {
      StringBuilder out = new StringBuilder();
      DataFormatter format = new DataFormatter();
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
        book.forEach(
            sheet ->
                sheet.forEach(
                    row ->
                        row.forEach(
                            cell -> out.append(format.formatCellValue(cell)).append('\t'))));
      }
      return out.toString();
    }
    return response.getContentAsString(StandardCharsets.UTF_8);
  }
}
