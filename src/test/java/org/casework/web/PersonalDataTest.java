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

import java.math.BigDecimal;
import java.util.List;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonalData;
import org.casework.registry.RegisterPerson;
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

  String idNumber;
  String number;

  @BeforeEach
  void setUp() {
    region.ensure();
    idNumber = TestPeople.newIdNumber();
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
        .contains("pii_key_id=dev1");
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
        .andExpect(content().string(containsString(idNumber.substring(0, 4) + "**********")))
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
}
