package org.casework.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The N of 一人一档: dated statuses kept with their history, needs, households, region scoping. */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class PersonRecordsTest {

  static final RegionScope TOWNSHIP =
      new RegionScope("zhangwei", Role.TOWNSHIP_CASEWORKER, new RegionCode(DemoRegion.TOWNSHIP));
  static final RegionScope OTHER =
      new RegionScope(
          "chenjing", Role.TOWNSHIP_CASEWORKER, new RegionCode(DemoRegion.OTHER_TOWNSHIP));

  @Autowired Registry registry;
  @Autowired PersonRecords records;
  @Autowired DemoRegion region;
  @Autowired JdbcTemplate jdbc;

  long person;

  @BeforeEach
  void setUp() {
    region.ensure();
    person =
        registry.register(TestPeople.veteran("郑国平", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE)).id();
  }

  @Test
  void shouldKeepThePreviousValueAndAnswerTheLatestAsCurrent() {
    records.recordStatus(
        person,
        new RecordStatus(StatusKind.HEALTH, "健康", LocalDate.of(2025, 5, 1), "入户核实"),
        TOWNSHIP);
    StatusRecord changed =
        records.recordStatus(
            person,
            new RecordStatus(StatusKind.HEALTH, "重病", LocalDate.of(2026, 1, 10), "住院治疗"),
            TOWNSHIP);
    StatusRecord same =
        records.recordStatus(
            person,
            new RecordStatus(StatusKind.HEALTH, "重病", LocalDate.of(2026, 1, 12), "再次核实"),
            TOWNSHIP);

    assertThat(changed.previousValue()).isEqualTo("健康");
    assertThat(changed.recordedBy()).isEqualTo("zhangwei");
    assertThat(same.id()).as("the current value again adds nothing").isEqualTo(changed.id());
    assertThat(records.currentStatuses(person, TOWNSHIP).get(StatusKind.HEALTH).value())
        .isEqualTo("重病");
    assertThat(records.statusHistory(person, TOWNSHIP))
        .extracting(StatusRecord::value)
        .containsExactly("重病", "健康");
  }

  @Test
  void shouldRefuseAStatusValueNotAllowedADateInTheFutureOrNoReason() {
    assertRefused(
        new RecordStatus(StatusKind.HEALTH, "很好", LocalDate.of(2026, 1, 1), "核实"),
        "健康状况「很好」不是允许的值，应为：健康、一般、慢性病、重病、残疾、失能");
    assertRefused(
        new RecordStatus(StatusKind.INCOME, "低保", LocalDate.now().plusDays(2), "核实"), "状况日期不能晚于今天");
    assertRefused(
        new RecordStatus(StatusKind.INCOME, "低保", LocalDate.of(2026, 1, 1), " "), "请填写变更原因");
    assertThat(records.statusHistory(person, TOWNSHIP)).isEmpty();
  }

  private void assertRefused(RecordStatus status, String message) {
    assertThatThrownBy(() -> records.recordStatus(person, status, TOWNSHIP))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .asString()
        .startsWith(message);
  }

  @Test
  void shouldRefuseAnOfficerOfAnotherTownshipAndRecordTheRefusal() {
    int before = refusals();

    assertThatThrownBy(
            () ->
                records.recordStatus(
                    person,
                    new RecordStatus(StatusKind.HEALTH, "健康", LocalDate.of(2026, 1, 1), "核实"),
                    OTHER))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN));
    assertThatThrownBy(() -> records.statusHistory(person, OTHER))
        .isInstanceOf(BusinessRuleException.class);
    assertThatThrownBy(() -> records.needs(person, OTHER))
        .isInstanceOf(BusinessRuleException.class);
    assertThat(records.statusHistory(person, TOWNSHIP)).isEmpty();
    org.awaitility.Awaitility.await().until(() -> refusals() > before);
  }

  private int refusals() {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where kind = 'ACCESS_REFUSED' and actor = 'chenjing'",
        Integer.class);
  }

  @Test
  void shouldKeepANeedOpenUntilACaseAnswersIt() {
    Need need = records.recordNeed(person, new RecordNeed("医疗", "慢性病长期用药负担重"), TOWNSHIP);
    Need answered =
        records.answerNeed(person, need.id(), "BF-350502-2026-000123", "已申请困难帮扶", TOWNSHIP);

    assertThat(need.status()).isEqualTo(NeedStatus.OPEN);
    assertThat(answered.status()).isEqualTo(NeedStatus.ANSWERED);
    assertThat(answered.answeredBy()).isEqualTo("BF-350502-2026-000123");
    assertThatThrownBy(() -> records.recordNeed(person, new RecordNeed("买车", "想买车"), TOWNSHIP))
        .isInstanceOf(BusinessRuleException.class)
        .hasMessageContaining("need type not allowed");
  }

  @Test
  void shouldLinkHouseholdMembersAsPeopleAndRefuseASecondHousehold() {
    long spouse =
        registry.register(TestPeople.veteran("郑妻", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE)).id();
    long stranger =
        registry.register(TestPeople.veteran("郑邻", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE)).id();

    HouseholdLink link = records.linkMember(person, spouse, "配偶", TOWNSHIP);
    HouseholdLink again = records.linkMember(person, spouse, "配偶", TOWNSHIP);

    assertThat(link.personId()).isEqualTo(spouse);
    assertThat(again.personId()).isEqualTo(spouse);
    assertThat(records.householdId(spouse)).isEqualTo(person);
    assertThat(records.householdOf(spouse)).containsExactlyInAnyOrder(person, spouse);
    assertThat(records.household(person, TOWNSHIP).members())
        .extracting(HouseholdLink::personId)
        .contains(spouse);
    assertThatThrownBy(() -> records.linkMember(stranger, spouse, "配偶", TOWNSHIP))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .isEqualTo("该成员已属于另一户或本人是户主，请先核实户籍信息");
    assertThatThrownBy(() -> records.linkMember(stranger, person, "朋友", TOWNSHIP))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .asString()
        .startsWith("与户主关系应为");
    assertThat(records.householdOf(stranger)).containsExactly(stranger);
  }

  @Test
  void shouldAnswerTheDossierRecordsAsTheSingleCallsDoAndRefuseAnotherRegion() {
    long spouse =
        registry.register(TestPeople.veteran("郑妻", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE)).id();
    records.linkMember(person, spouse, "配偶", TOWNSHIP);
    records.recordStatus(
        spouse,
        new RecordStatus(StatusKind.HEALTH, "健康", LocalDate.of(2026, 1, 1), "核实"),
        TOWNSHIP);
    records.recordNeed(spouse, new RecordNeed("医疗", "慢性病长期用药负担重"), TOWNSHIP);
    records.addEntitlement(spouse, "免费乘车", LocalDate.of(2026, 1, 1), null, null, TOWNSHIP);
    records.addCategory(spouse, PersonCategory.MARTYR_FAMILY, TOWNSHIP);

    for (long id : new long[] {person, spouse}) {
      DossierRecords d = records.dossierRecords(id, TOWNSHIP);
      assertThat(d.history()).isEqualTo(records.statusHistory(id, TOWNSHIP));
      assertThat(d.categories()).isEqualTo(records.categories(id, TOWNSHIP));
      assertThat(d.needs()).isEqualTo(records.needs(id, TOWNSHIP));
      assertThat(d.household()).isEqualTo(records.household(id, TOWNSHIP));
      assertThat(d.entitlements()).isEqualTo(records.entitlements(id, TOWNSHIP));
      assertThat(d.allowedValues()).isEqualTo(records.allowedValues());
      assertThat(d.relations()).isEqualTo(records.relations());
    }
    DossierRecords member = records.dossierRecords(spouse, TOWNSHIP);
    assertThat(member.household().headPersonId()).isEqualTo(person);
    assertThat(member.household().headName()).isEqualTo("郑国平");
    assertThat(member.categories()).hasSize(2);
    assertThat(member.history()).hasSize(1);
    assertThat(member.needs()).hasSize(1);
    assertThat(member.entitlements()).hasSize(1);
    assertThatThrownBy(() -> records.dossierRecords(spouse, OTHER))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN));
    assertThatThrownBy(() -> records.dossierRecords(999_999_999L, TOWNSHIP))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND));
  }

  @Test
  void shouldFindPeopleOnlyInsideTheRegionByNameAndIdTail() {
    PersonView p = registry.person(person);
    String tail = p.maskedIdNumber().substring(14);

    PersonPage mine = records.search(new PersonQuery("郑国", tail, null, null, 0, 20), TOWNSHIP);
    PersonPage theirs = records.search(new PersonQuery("郑国", tail, null, null, 0, 20), OTHER);

    assertThat(mine.people()).extracting(PersonSummary::id).contains(person);
    assertThat(theirs.people()).extracting(PersonSummary::id).doesNotContain(person);
    assertThatThrownBy(
            () -> records.search(new PersonQuery(null, "12", null, null, 0, 20), TOWNSHIP))
        .isInstanceOf(BusinessRuleException.class);
    assertThatThrownBy(
            () ->
                records.search(new PersonQuery(null, null, null, "350502002001", 0, 20), TOWNSHIP))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN));
    assertThat(records.search(new PersonQuery(null, null, null, null, 0, 1), TOWNSHIP).people())
        .hasSize(1);
    assertThat(List.of(mine.size())).containsExactly(20);
  }
}
