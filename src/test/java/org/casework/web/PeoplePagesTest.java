package org.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.support.CollectionSheets;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * The people pages as officers use them: search and dossier inside the region only, the dossier's
 * opening audited, the status form validated, sheet upload with its report, the masked export.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class PeoplePagesTest {

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired HardshipAssistance assistance;
  @Autowired Registry registry;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path dir;

  String idNumber;
  String caseNumber;
  long personId;

  @BeforeEach
  void setUp() {
    region.ensure();
    idNumber = TestPeople.newIdNumber();
    caseNumber =
        assistance
            .apply(
                new ApplyForAssistance(
                    new RegisterPerson(
                        idNumber,
                        "欧阳振华",
                        PersonCategory.VETERAN,
                        DemoRegion.TOWNSHIP,
                        DemoRegion.VILLAGE,
                        "13912340000",
                        "新华社区9号",
                        List.of()),
                    HardshipCause.ILLNESS,
                    "长期患病",
                    new BigDecimal("600.00"),
                    new BigDecimal("500.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    personId =
        registry.findByIdNumber(org.casework.registry.IdNumber.parse(idNumber)).orElseThrow().id();
  }

  private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  private int dossierViews(String actor) {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where kind = 'DOSSIER_VIEW' and actor = ? and outcome = ?",
        Integer.class,
        actor,
        "档案 " + personId);
  }

  @Test
  void shouldShowTheDossierOnOneScreenAndAuditTheOpening() throws Exception {
    int before = dossierViews("zhangwei");

    mvc.perform(get("/people/" + personId).with(as("zhangwei")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("欧阳振华")))
        .andExpect(content().string(containsString(caseNumber)))
        .andExpect(content().string(containsString("七个状况")))
        .andExpect(content().string(containsString("需求台账")))
        .andExpect(content().string(containsString("家庭成员")))
        .andExpect(content().string(containsString("**********" + idNumber.substring(14))))
        .andExpect(content().string(not(containsString(idNumber))));

    assertThat(dossierViews("zhangwei")).isEqualTo(before + 1);
  }

  @Test
  void shouldRefuseAnotherTownshipsOfficerWithoutShowingAnything() throws Exception {
    mvc.perform(get("/people/" + personId).with(as("chenjing")))
        .andExpect(status().isForbidden())
        .andExpect(content().string(not(containsString("欧阳振华"))))
        .andExpect(content().string(not(containsString(caseNumber))));
    mvc.perform(get("/api/people/" + personId).with(as("chenjing")))
        .andExpect(status().isForbidden())
        .andExpect(content().string(not(containsString("欧阳振华"))));
    mvc.perform(get("/people").param("name", "欧阳振").with(as("chenjing")))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("欧阳振华"))));
    mvc.perform(get("/people").param("name", "欧阳振").with(as("zhangwei")))
        .andExpect(content().string(containsString("欧阳振华")));
    mvc.perform(get("/people/999999999").with(as("zhangwei"))).andExpect(status().isNotFound());

    assertThat(dossierViews("chenjing")).isZero();
  }

  @Test
  void shouldValidateTheStatusFormAndKeepTheHistory() throws Exception {
    mvc.perform(
            post("/people/" + personId + "/statuses")
                .with(csrf())
                .with(as("lixiaohong"))
                .param("kind", "HEALTH")
                .param("value", "重病")
                .param("effectiveOn", LocalDate.now().plusDays(5).toString())
                .param("reason", "住院"))
        .andExpect(flash().attribute("error", containsString("状况日期不能晚于今天")));
    mvc.perform(
            post("/people/" + personId + "/statuses")
                .with(csrf())
                .with(as("lixiaohong"))
                .param("kind", "HEALTH")
                .param("value", "痊愈")
                .param("effectiveOn", "2026-01-05")
                .param("reason", "住院"))
        .andExpect(flash().attribute("error", containsString("不是允许的值")));
    mvc.perform(
            post("/people/" + personId + "/statuses")
                .with(csrf())
                .with(as("lixiaohong"))
                .param("kind", "HEALTH")
                .param("value", "重病")
                .param("effectiveOn", "2026-01-05")
                .param("reason", "住院治疗"))
        .andExpect(flash().attribute("message", containsString("状况已登记")));
    mvc.perform(
            post("/api/people/" + personId + "/statuses")
                .with(csrf())
                .with(as("chenjing"))
                .contentType("application/json")
                .content(
                    "{\"kind\":\"HEALTH\",\"value\":\"健康\",\"effectiveOn\":\"2026-01-06\",\"reason\":\"x\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/people/" + personId + "/statuses")
                .with(csrf())
                .with(as("zhangwei"))
                .contentType("application/json")
                .content("{\"kind\":\"HEALTH\",\"value\":\"健康\",\"effectiveOn\":\"2026-01-06\"}"))
        .andExpect(status().isBadRequest());

    mvc.perform(get("/api/people/" + personId).with(as("zhangwei")))
        .andExpect(jsonPath("$.current.HEALTH.value").value("重病"))
        .andExpect(jsonPath("$.history.length()").value(1))
        .andExpect(jsonPath("$.cases[0].c.caseNumber").value(caseNumber));
  }

  @Test
  void shouldCheckThenImportAnUploadedSheetAndExportTheRegisterMasked() throws Exception {
    List<String[]> rows =
        CollectionSheets.people(4, System.nanoTime(), LocalDate.of(2026, 3, 1)).stream()
            .peek(
                r -> {
                  r[4] = DemoRegion.TOWNSHIP;
                  r[5] = DemoRegion.VILLAGE;
                })
            .toList();
    Path file = dir.resolve("upload.xlsx");
    CollectionSheets.write(file, rows);
    var upload = new MockMultipartFile("file", "海滨街道.xlsx", null, Files.readAllBytes(file));

    mvc.perform(
            multipart("/people/import")
                .file(upload)
                .param("mode", "dry-run")
                .with(csrf())
                .with(as("zhangwei")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("检查通过")));
    mvc.perform(
            multipart("/people/import")
                .file(upload)
                .param("mode", "import")
                .with(csrf())
                .with(as("zhangwei")))
        .andExpect(content().string(containsString("已导入")));
    mvc.perform(
            multipart("/people/import")
                .file(upload)
                .param("mode", "import")
                .with(csrf())
                .with(as("lixiaohong")))
        .andExpect(status().isForbidden());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where kind = 'PEOPLE_IMPORT' and actor = 'zhangwei'"
                    + " and outcome = '海滨街道.xlsx'",
                Integer.class))
        .isGreaterThanOrEqualTo(2);

    byte[] xlsx =
        mvc.perform(get("/people/export").with(as("zhangwei")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = book.getSheetAt(0);
      StringBuilder all = new StringBuilder();
      sheet.forEach(r -> r.forEach(c -> all.append(c.getStringCellValue()).append('|')));
      assertThat(all.toString())
          .contains(rows.get(0)[1])
          .contains("**********" + rows.get(0)[2].substring(14))
          .doesNotContain(rows.get(0)[2])
          .doesNotContain(rows.get(0)[6])
          .doesNotContain(idNumber);
    }
  }
}
