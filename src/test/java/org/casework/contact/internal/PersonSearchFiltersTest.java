package org.casework.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.contact.ContactProgramme;
import org.casework.contact.KeyContactReason;
import org.casework.contact.MustVisitEvent;
import org.casework.contact.ReportEvent;
import org.casework.contact.SetKeyContact;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.PersonQuery;
import org.casework.registry.PersonRecords;
import org.casework.registry.PersonSummary;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.MovableClock;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The person search's filters by key-contact flag (and its reason), overdue contact and village:
 * through the facade, the JSON API and the page, inside the officer's region only.
 */
@SpringBootTest(properties = "casework.contact.initial-delay=PT24H")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({PersonSearchFiltersTest.Config.class, DemoRegion.class})
class PersonSearchFiltersTest {

  @TestConfiguration
  static class Config {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  static final String OTHER_VILLAGE = "350502001002";

  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired Registry registry;
  @Autowired PersonRecords records;
  @Autowired ContactProgramme contacts;
  @Autowired MovableClock clock;
  @Autowired MockMvc mvc;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired UserDetailsService users;

  RegionScope liaison;
  RegionScope township;
  RegionScope otherTownship;
  String tag;

  @BeforeEach
  void setUp() {
    region.ensure();
    jurisdiction.addRegion(new RegionCode(OTHER_VILLAGE), "中山社区");
    liaison = RegionScope.of(jurisdiction.staff("lixiaohong").orElseThrow());
    township = RegionScope.of(jurisdiction.staff("zhangwei").orElseThrow());
    otherTownship = RegionScope.of(jurisdiction.staff("chenjing").orElseThrow());
    // a surname of this run: earlier runs' people in the same database stay out of the counts
    tag = "筛" + (char) ('甲' + java.util.concurrent.ThreadLocalRandom.current().nextInt(2000));
  }

  @Test
  void shouldFindKeyContactsByReasonOverdueContactsAndVillageInsideTheRegionOnly()
      throws Exception {
    PersonView lonely = person("独居", DemoRegion.VILLAGE, DemoRegion.TOWNSHIP);
    PersonView disabled = person("伤残", DemoRegion.VILLAGE, DemoRegion.TOWNSHIP);
    PersonView cleared = person("已撤", DemoRegion.VILLAGE, DemoRegion.TOWNSHIP);
    PersonView plain = person("普通", OTHER_VILLAGE, DemoRegion.TOWNSHIP);
    PersonView elsewhere = person("邻镇", null, DemoRegion.OTHER_TOWNSHIP);
    flag(lonely, KeyContactReason.LONELY_ELDERLY, liaison);
    flag(disabled, KeyContactReason.DISABLED, liaison);
    // two active reasons: still one hit for "any reason" (the flags drive the search, V324)
    flag(disabled, KeyContactReason.SERIOUSLY_ILL, liaison);
    long clearedFlag = flag(cleared, KeyContactReason.HARDSHIP, liaison);
    contacts.clearFlag(clearedFlag, "已脱困", liaison);
    flag(elsewhere, KeyContactReason.LONELY_ELDERLY, otherTownship);
    // a must-visit event: its visit is due within 7 days of the report; 20 days later it is overdue
    contacts.reportEvent(
        new ReportEvent(plain.id(), MustVisitEvent.MAJOR_MISFORTUNE, today(), "家庭变故"), township);
    contacts.reportEvent(
        new ReportEvent(elsewhere.id(), MustVisitEvent.MAJOR_MISFORTUNE, today(), "家庭变故"),
        otherTownship);
    assertThat(names(query(null, true, null), township)).isEmpty();
    clock.advance(java.time.Duration.ofDays(20));

    assertThat(names(query("ANY", false, null), township))
        .containsExactlyInAnyOrder(lonely.name(), disabled.name());
    assertThat(names(query(KeyContactReason.LONELY_ELDERLY.name(), false, null), township))
        .containsExactly(lonely.name());
    assertThat(names(query(KeyContactReason.HARDSHIP.name(), false, null), township)).isEmpty();
    assertThat(names(query(KeyContactReason.SERIOUSLY_ILL.name(), false, null), township))
        .containsExactly(disabled.name());
    assertThat(names(query(null, true, null), township)).containsExactly(plain.name());
    assertThat(names(query(null, false, OTHER_VILLAGE), township)).containsExactly(plain.name());
    assertThat(names(query("ANY", true, null), township)).isEmpty();
    // without a name the flags drive the search (joined to the register through its index,
    // V323): newest first, so this run's people are on the first page whatever earlier runs left
    assertThat(newestKeyContacts("ANY", township))
        .contains(lonely.name(), disabled.name())
        .doesNotContain(cleared.name(), plain.name(), elsewhere.name())
        .doesNotHaveDuplicates();
    assertThat(newestKeyContacts(KeyContactReason.SERIOUSLY_ILL.name(), township))
        .contains(disabled.name())
        .doesNotContain(lonely.name());
    assertThat(newestKeyContacts(KeyContactReason.LONELY_ELDERLY.name(), otherTownship))
        .contains(elsewhere.name())
        .doesNotContain(lonely.name());
    // the flags read in township order carry their person's township (V324): a person who moves
    // to another township is found there with their flags, and no longer here
    jdbc.update(
        "UPDATE registry_person SET township_code = ?, village_code = NULL WHERE id = ?",
        DemoRegion.OTHER_TOWNSHIP,
        disabled.id());
    assertThat(newestKeyContacts(KeyContactReason.DISABLED.name(), otherTownship))
        .contains(disabled.name());
    assertThat(newestKeyContacts("ANY", otherTownship)).contains(disabled.name());
    assertThat(newestKeyContacts("ANY", township)).doesNotContain(disabled.name());
    jdbc.update(
        "UPDATE registry_person SET township_code = ?, village_code = ? WHERE id = ?",
        DemoRegion.TOWNSHIP,
        DemoRegion.VILLAGE,
        disabled.id());
    assertThat(newestKeyContacts(KeyContactReason.DISABLED.name(), township))
        .contains(disabled.name());
    // the village liaison sees her village only; the other township sees its own people
    assertThat(names(query("ANY", false, null), liaison))
        .containsExactlyInAnyOrder(lonely.name(), disabled.name());
    assertThat(names(query(null, true, null), liaison)).isEmpty();
    assertThat(names(query("ANY", true, null), otherTownship)).containsExactly(elsewhere.name());
    // the marks beside each hit
    PersonSummary hit =
        records
            .search(query(KeyContactReason.LONELY_ELDERLY.name(), false, null), township)
            .people()
            .getFirst();
    assertThat(hit.marks()).containsExactly("重点：空巢/独居");
    assertThat(records.search(query(null, true, null), township).people().getFirst().marks())
        .containsExactly("联系走访逾期");
    assertThatThrownBy(() -> records.search(query("NOPE", false, null), township))
        .isInstanceOfSatisfying(
            BusinessRuleException.class, e -> assertThat(e.userMessage()).contains("重点联系原因不正确"));

    var login = user(users.loadUserByUsername("zhangwei"));
    mvc.perform(
            get("/api/people").param("name", tag).param("keyContact", "LONELY_ELDERLY").with(login))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.people.length()").value(1))
        .andExpect(jsonPath("$.people[0].name").value(lonely.name()))
        .andExpect(jsonPath("$.people[0].marks[0]").value("重点：空巢/独居"));
    mvc.perform(get("/api/people").param("name", tag).param("overdue", "true").with(login))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.people.length()").value(1))
        .andExpect(jsonPath("$.people[0].name").value(plain.name()));
    mvc.perform(get("/people").param("name", tag).param("overdue", "true").with(login))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(plain.name())))
        .andExpect(content().string(containsString("联系走访逾期")))
        .andExpect(content().string(not(containsString(lonely.name()))))
        .andExpect(content().string(not(containsString(elsewhere.name()))))
        .andExpect(content().string(containsString("中山社区")))
        .andExpect(content().string(containsString("空巢/独居")));
    mvc.perform(get("/people").param("keyContact", "NOPE").with(login))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("重点联系原因不正确")));
  }

  private List<String> names(PersonQuery q, RegionScope scope) {
    return records.search(q, scope).people().stream().map(PersonSummary::name).toList();
  }

  /** The search page's key contacts (no name), newest first, of this run's surname. */
  private List<String> newestKeyContacts(String keyContact, RegionScope scope) {
    return records
        .searchPage(
            new PersonQuery(null, null, null, null, keyContact, false, 0, 100),
            org.casework.common.web.PageParams.of(
                java.util.Map.of("sort", "township", "dir", "desc", "size", "100"),
                PersonRecords.SEARCH_SORTING),
            scope)
        .rows()
        .stream()
        .map(PersonSummary::name)
        .filter(n -> n.startsWith(tag))
        .toList();
  }

  private PersonQuery query(String keyContact, boolean overdue, String village) {
    return new PersonQuery(tag, null, null, village, keyContact, overdue, 0, 100);
  }

  private PersonView person(String name, String village, String town) {
    return registry.register(TestPeople.veteran(tag + name, town, village));
  }

  private long flag(PersonView p, KeyContactReason reason, RegionScope scope) {
    return contacts
        .flag(p.id(), new SetKeyContact(reason, today().minusMonths(1), null), scope)
        .id();
  }

  private LocalDate today() {
    return Formats.chinaDate(clock.instant());
  }
}
