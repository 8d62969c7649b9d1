package org.casework.services.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseType;
import org.casework.common.Formats;
import org.casework.contact.ContactMethod;
import org.casework.contact.ContactProgramme;
import org.casework.contact.NeedKind;
import org.casework.contact.RecordVisit;
import org.casework.contact.VisitView;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.registry.NeedStatus;
import org.casework.registry.PersonRecords;
import org.casework.registry.PersonView;
import org.casework.registry.Registry;
import org.casework.services.FileServiceRequest;
import org.casework.services.ServiceRequests;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A 服务需求 found on a visit files a service request (service-request process) for the person, linked
 * to the visit and answering a line of the needs ledger; a need text that names no menu item is
 * refused on the visit with nothing filed; a village liaison may file for a person of her village.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class ServiceNeedFromVisitTest {

  @Autowired DemoRegion region;
  @Autowired Jurisdiction jurisdiction;
  @Autowired Registry registry;
  @Autowired PersonRecords records;
  @Autowired ContactProgramme contacts;
  @Autowired ServiceRequests requests;
  @Autowired CaseFiles caseFiles;
  @Autowired UserTasks tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  RegionScope liaison;

  @BeforeEach
  void setUp() {
    region.ensure();
    liaison = RegionScope.of(jurisdiction.staff("lixiaohong").orElseThrow());
  }

  @Test
  void shouldFileAServiceRequestLinkedToTheVisitAndAnsweringTheNeedsLedger() throws Exception {
    PersonView person =
        registry.register(TestPeople.veteran("服务需求 蔡志明", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    VisitView visit =
        contacts.recordVisit(
            new RecordVisit(
                person.id(),
                ContactMethod.HOME,
                today(),
                "上门看望，待业在家",
                NeedKind.SERVICE,
                "想参加职业技能培训，申请教育培训",
                null),
            liaison);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> contacts.visits(person.id(), liaison).getFirst().linkedRef() != null);
    VisitView linked = contacts.visits(person.id(), liaison).getFirst();
    assertThat(linked.linkRefused()).isNull();
    assertThat(linked.linkedType()).isEqualTo("SERVICE_REQUEST");
    String caseNumber = linked.linkedRef();

    var c = caseFiles.get(caseNumber);
    assertThat(c.type()).isEqualTo(CaseType.SERVICE);
    assertThat(c.applicantPersonId()).isEqualTo(person.id());
    assertThat(c.villageCode()).isEqualTo(DemoRegion.VILLAGE);
    assertThat(c.processInstanceId()).isNotNull();
    tasks.await(c.processInstanceId(), "Task_Accept");

    var request = requests.get(caseNumber, liaison);
    assertThat(request.itemCode()).isEqualTo("TRAINING");
    Long needId =
        jdbc.queryForObject(
            "select need_id from services_request where case_number = ?", Long.class, caseNumber);
    assertThat(records.needs(person.id(), liaison))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.id()).isEqualTo(needId);
              assertThat(n.type()).isEqualTo("教育培训");
              assertThat(n.status()).isEqualTo(NeedStatus.OPEN);
              assertThat(n.description()).contains("走访记录 " + visit.id()).contains("职业技能培训");
              assertThat(n.recordedBy()).isEqualTo("lixiaohong");
            });

    mvc.perform(get("/people/" + person.id()).with(user(users.loadUserByUsername("zhangwei"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("已登记菜单式服务申请 " + caseNumber)))
        .andExpect(content().string(containsString("/services/requests/" + caseNumber)));
  }

  @Test
  void shouldKeepTheReasonOnTheVisitAndFileNothingWhenTheNeedNamesNoMenuItem() {
    PersonView person =
        registry.register(TestPeople.veteran("服务需求 庄伟", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    contacts.recordVisit(
        new RecordVisit(
            person.id(), ContactMethod.PHONE, today(), "电话联系", NeedKind.SERVICE, "希望有人帮忙", null),
        liaison);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> contacts.visits(person.id(), liaison).getFirst().linkRefused() != null);
    VisitView v = contacts.visits(person.id(), liaison).getFirst();
    assertThat(v.linkRefused()).startsWith("需求说明未写明服务菜单中的一个项目").contains("教育培训", "上门服务");
    assertThat(v.linkedRef()).isNull();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from services_request where person_id = ?",
                Long.class,
                person.id()))
        .isZero();
    assertThat(records.needs(person.id(), liaison)).isEmpty();
  }

  @Test
  void shouldLetAVillageLiaisonFileForAPersonOfHerVillage() {
    PersonView person =
        registry.register(TestPeople.veteran("服务需求 洪亮", DemoRegion.TOWNSHIP, DemoRegion.VILLAGE));
    var request =
        requests.file(
            new FileServiceRequest(person.id(), null, "JOB_REFERRAL", null, "村里登记"), liaison);
    assertThat(caseFiles.get(request.caseNumber()).type()).isEqualTo(CaseType.SERVICE);
    assertThat(caseFiles.get(request.caseNumber()).applicantPersonId()).isEqualTo(person.id());
  }

  private LocalDate today() {
    return Formats.chinaDate(clock.instant());
  }
}
