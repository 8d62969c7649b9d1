package org.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casework.assistance.ApplyForAssistance;
import org.casework.assistance.HardshipAssistance;
import org.casework.assistance.HardshipCause;
import org.casework.attachments.AttachmentOwner;
import org.casework.attachments.Attachments;
import org.casework.common.Formats;
import org.casework.contact.ContactMethod;
import org.casework.contact.ContactProgramme;
import org.casework.contact.KeyContactReason;
import org.casework.contact.NeedKind;
import org.casework.contact.RecordVisit;
import org.casework.contact.SetKeyContact;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.ledger.DisbursementRequest;
import org.casework.ledger.Ledger;
import org.casework.ledger.Programme;
import org.casework.registry.IdNumber;
import org.casework.registry.PersonCategory;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.StatementCount;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dossier page's SQL statements (issue 16: p99 &lt; 100 ms at scale). A count does not depend
 * on the machine's load: the dossier of a person with three cases, each with a payment and an
 * attachment, two visits and a key-contact flag, renders in a fixed number of statements, the same
 * as for a person with one case (nothing is read case by case), the person read once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import({DemoRegion.class, StatementCount.class})
class DossierStatementsTest {

  /**
   * Statements per render: the session and the officer (2, every page), the person with the head of
   * the household and the categories, the household lines, statuses, needs, entitlements (5), the
   * audit entry (3: lock the chain head, insert, move the head), the cases, their payments, their
   * attachments (3), the contact plans, visits and key-contact flags (3). It was 29 (25 with one
   * case): the person read four times, payments and attachments one case at a time.
   */
  static final int CEILING = 16;

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

  @Autowired MockMvc mvc;
  @Autowired DemoRegion region;
  @Autowired HardshipAssistance assistance;
  @Autowired Registry registry;
  @Autowired Ledger ledger;
  @Autowired Attachments attachments;
  @Autowired ContactProgramme contacts;
  @Autowired Jurisdiction jurisdiction;
  @Autowired UserDetailsService users;

  @BeforeEach
  void setUp() {
    region.ensure();
  }

  /** A person with {@code cases} hardship cases, each paid and with a receipt, and two visits. */
  private long person(String name, int cases) {
    String idNumber = TestPeople.newIdNumber();
    HardshipCause[] causes = HardshipCause.values();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      numbers.add(
          assistance
              .apply(
                  new ApplyForAssistance(
                      new RegisterPerson(
                          idNumber,
                          name,
                          PersonCategory.VETERAN,
                          DemoRegion.TOWNSHIP,
                          DemoRegion.VILLAGE,
                          "13912340000",
                          "新华社区9号",
                          List.of()),
                      causes[i],
                      "生活困难 " + i,
                      new BigDecimal("600.00"),
                      new BigDecimal("500.00"),
                      false,
                      "zhangwei"))
              .caseNumber());
    }
    long personId = registry.findByIdNumber(IdNumber.parse(idNumber)).orElseThrow().id();
    caseNumbers = numbers;
    for (String caseNumber : numbers) {
      ledger.disburse(
          new DisbursementRequest(
              caseNumber,
              personId,
              Programme.HARDSHIP,
              causes[numbers.indexOf(caseNumber)].name(),
              "2026-" + caseNumber.substring(caseNumber.length() - 4),
              new BigDecimal("300.00"),
              DemoRegion.VILLAGE));
      attachments.store(
          AttachmentOwner.CASE, caseNumber, DemoRegion.VILLAGE, "收据.png", PNG, "zhangwei");
    }
    RegionScope liaison = RegionScope.of(jurisdiction.staff("lixiaohong").orElseThrow());
    LocalDate today = Formats.chinaDate(java.time.Instant.now());
    for (ContactMethod how : List.of(ContactMethod.PHONE, ContactMethod.HOME)) {
      contacts.recordVisit(
          new RecordVisit(personId, how, today, "身体尚可", NeedKind.NONE, null, null), liaison);
    }
    contacts.flag(
        personId,
        new SetKeyContact(KeyContactReason.LONELY_ELDERLY, today.minusMonths(1), "独居"),
        RegionScope.of(jurisdiction.staff("zhangwei").orElseThrow()));
    return personId;
  }

  /** The case numbers of the last {@link #person}. */
  List<String> caseNumbers;

  /** The page of the last {@link #render}. */
  String page;

  private List<String> render(long personId) throws Exception {
    var officer = user(users.loadUserByUsername("zhangwei"));
    // a first opening warms what is cached per process (menus, region names, templates)
    mvc.perform(get("/people/" + personId).with(officer)).andExpect(status().isOk());
    return StatementCount.during(
        () ->
            page =
                mvc.perform(get("/people/" + personId).with(officer))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
  }

  @Test
  void shouldRenderTheDossierInAFixedNumberOfStatementsWhateverTheNumberOfCases() throws Exception {
    long three = person("欧阳三案", 3);
    List<String> threeNumbers = caseNumbers;
    long one = person("欧阳一案", 1);

    List<String> threeCases = render(three);
    // what was read at once is shown with its own case: each case's line has its payment and
    // receipt
    for (String caseNumber : threeNumbers) {
      String line = page.substring(page.indexOf(caseNumber));
      line = line.substring(0, line.indexOf("</tr>"));
      assertThat(line).contains("¥300.00").contains("收据.png");
    }
    assertThat(page).contains("欧阳三案").contains("电话（lixiaohong）").contains("上门（lixiaohong）");
    assertThat(page).contains("空巢/独居");
    List<String> oneCase = render(one);

    System.out.println(
        "dossier, 3 cases: "
            + threeCases.size()
            + " statements\n  "
            + String.join("\n  ", threeCases)
            + "\ndossier, 1 case: "
            + oneCase.size()
            + " statements");
    assertThat(threeCases)
        .as("statements for a person with three cases")
        .hasSizeLessThanOrEqualTo(CEILING);
    assertThat(threeCases).as("nothing read case by case").hasSameSizeAs(oneCase);
    assertThat(
            threeCases.stream()
                .filter(s -> s.matches(".*from registry_person \\w+ (where|left join).*"))
                .count())
        .as("the person is read once")
        .isEqualTo(1);
  }
}
