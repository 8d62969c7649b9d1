package org.casework.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.common.BusinessRuleException;
import org.casework.common.Masking;
import org.casework.legalaid.ApplyForLegalAid;
import org.casework.legalaid.LegalAid;
import org.casework.legalaid.MatterType;
import org.casework.petition.Channel;
import org.casework.petition.Petitioner;
import org.casework.petition.Petitions;
import org.casework.petition.RegisterPetition;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15 item 3: 户籍地 decides jurisdiction. A person registered in 临江街道 (chenjing's township)
 * cannot be taken over by 海滨街道 (zhangwei) by filing for their ID number: hardship, legal aid and
 * petition refuse without moving the record, naming neither the other region nor its case nor the
 * registered name, and the refusal is the same whatever name is typed; the attempt is recorded.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class FilingForAnotherRegionTest {

  @Autowired DemoRegion region;
  @Autowired HardshipAssistance assistance;
  @Autowired LegalAid legalAid;
  @Autowired Petitions petitions;
  @Autowired Registry registry;
  @Autowired JdbcTemplate jdbc;

  String idNumber;
  String otherCase;

  @BeforeEach
  void setUp() {
    region.ensure();
    idNumber = TestPeople.newIdNumber();
    otherCase =
        assistance
            .apply(hardship(idNumber, "林𠮷祥", DemoRegion.OTHER_TOWNSHIP, "chenjing"))
            .caseNumber();
  }

  @Test
  void shouldNotMoveAPersonOfAnotherTownshipToTheFilingOfficersTownship() {
    long before = casesOf(idNumber);

    BusinessRuleException sameName =
        refused(
            () -> assistance.apply(hardship(idNumber, "林𠮷祥", DemoRegion.TOWNSHIP, "zhangwei")));
    BusinessRuleException otherName =
        refused(() -> assistance.apply(hardship(idNumber, "王五", DemoRegion.TOWNSHIP, "zhangwei")));
    BusinessRuleException legal =
        refused(() -> legalAid.apply(legalAid(idNumber, "林𠮷祥", "zhangwei")));

    for (BusinessRuleException e : List.of(sameName, otherName, legal)) {
      assertThat(e.code()).isEqualTo(Registry.NOT_REGISTERED_HERE);
      assertThat(e.userMessage())
          .isEqualTo(Registry.NOT_REGISTERED_HERE_MESSAGE)
          .contains("户籍迁移")
          .doesNotContain(DemoRegion.OTHER_TOWNSHIP)
          .doesNotContain("临江")
          .doesNotContain(otherCase)
          .doesNotContain("林𠮷祥");
    }
    PersonView person = registry.findByIdNumber(IdNumber.parse(idNumber)).orElseThrow();
    assertThat(person.townshipCode()).isEqualTo(DemoRegion.OTHER_TOWNSHIP);
    assertThat(person.name()).isEqualTo("林𠮷祥");
    assertThat(casesOf(idNumber)).isEqualTo(before);
    // each attempt is in the audit log for the auditors (probing is visible)
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                    "SELECT COUNT(*) FROM audit_entry WHERE kind = 'ACCESS_REFUSED'"
                        + " AND actor = 'zhangwei' AND action LIKE '%户籍迁移%' AND region_code = ?",
                    Long.class, DemoRegion.OTHER_TOWNSHIP),
            n -> n >= 3);
  }

  @Test
  void shouldStillFileForAPersonOfTheOwnTownship() {
    String own = TestPeople.newIdNumber();
    assistance.apply(hardship(own, "赵𠮷安", DemoRegion.TOWNSHIP, "zhangwei"));
    // a second application of the same person (another cause) finds the record again
    String second =
        assistance
            .apply(
                new ApplyForAssistance(
                    person(own, "赵𠮷安", DemoRegion.TOWNSHIP),
                    HardshipCause.DISASTER,
                    "房屋受损",
                    new BigDecimal("300.00"),
                    new BigDecimal("500.00"),
                    false,
                    "zhangwei"))
            .caseNumber();
    assertThat(second).isNotBlank();
    assertThat(registry.findByIdNumber(IdNumber.parse(own)).orElseThrow().townshipCode())
        .isEqualTo(DemoRegion.TOWNSHIP);
  }

  @Test
  void shouldAnswerAPetitionForAPersonOfAnotherTownshipAsForAnUnknownNumber() {
    String unknown = TestPeople.newIdNumber();

    BusinessRuleException elsewhere = refused(() -> petitions.register(petition(idNumber, "林𠮷祥")));
    BusinessRuleException nobody = refused(() -> petitions.register(petition(unknown, "林𠮷祥")));

    assertThat(elsewhere.code()).isEqualTo(nobody.code()).isEqualTo("PETITIONER_UNKNOWN");
    assertThat(elsewhere.userMessage().replace(Masking.idNumber(idNumber), "#"))
        .isEqualTo(nobody.userMessage().replace(Masking.idNumber(unknown), "#"))
        .doesNotContain(otherCase)
        .doesNotContain(DemoRegion.OTHER_TOWNSHIP);
    // the same with a wrong name: no name check against another region's record
    BusinessRuleException wrongName = refused(() -> petitions.register(petition(idNumber, "王五")));
    assertThat(wrongName.code()).isEqualTo("PETITIONER_UNKNOWN");
  }

  private long casesOf(String id) {
    long personId = registry.findByIdNumber(IdNumber.parse(id)).orElseThrow().id();
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM casefile_case WHERE applicant_person_id = ?", Long.class, personId);
  }

  private static BusinessRuleException refused(Runnable action) {
    BusinessRuleException e = catchThrowableOfType(BusinessRuleException.class, action::run);
    assertThat(e).as("refused").isNotNull();
    return e;
  }

  private static RegisterPerson person(String id, String name, String township) {
    return new RegisterPerson(
        id, name, PersonCategory.VETERAN, township, null, "13800000000", null, List.of());
  }

  private static ApplyForAssistance hardship(
      String id, String name, String township, String officer) {
    return new ApplyForAssistance(
        person(id, name, township),
        HardshipCause.ILLNESS,
        "长期患病",
        new BigDecimal("600.00"),
        new BigDecimal("500.00"),
        false,
        officer);
  }

  private static ApplyForLegalAid legalAid(String id, String name, String officer) {
    return new ApplyForLegalAid(
        person(id, name, DemoRegion.TOWNSHIP),
        MatterType.values()[0],
        "拖欠工资",
        "某公司",
        LocalDate.now().plusDays(30),
        null,
        null,
        null,
        officer);
  }

  private static RegisterPetition petition(String id, String name) {
    return new RegisterPetition(
        Channel.values()[0],
        List.of(new Petitioner(id, name)),
        1,
        "反映待遇问题",
        "请求落实待遇",
        null,
        "zhangwei");
  }
}
