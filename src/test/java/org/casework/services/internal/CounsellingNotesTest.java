package org.casework.services.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.casework.audit.AuditEntryView;
import org.casework.audit.AuditLog;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryView;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.registry.PersonCategory;
import org.casework.registry.PersonView;
import org.casework.registry.RegisterPerson;
import org.casework.registry.Registry;
import org.casework.services.Appointment;
import org.casework.services.Counselling;
import org.casework.services.Counsellor;
import org.casework.services.FileServiceRequest;
import org.casework.services.ServiceRequests;
import org.casework.services.SessionNote;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.ScriptedTaskActors;
import org.casework.support.TestPeople;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * 心理疏导 session notes: the counsellor and the request's handler read them; a colleague of the same
 * station, a supervisor and the auditor do not (refused and recorded); the auditor's case timeline
 * shows that a session took place, never what was said. Same context as {@link
 * ServiceRequestProcessTest}.
 */
@SpringBootTest
@ProcessTest
@ActiveProfiles("test")
@Import({ServiceRequestProcessTest.Config.class, DemoRegion.class})
class CounsellingNotesTest {

  static final String NOTE = "来访者因退役后就业不顺出现失眠、焦虑，约定每周一次会谈";

  @Autowired Counselling counselling;
  @Autowired ServiceRequests requests;
  @Autowired Registry registry;
  @Autowired CaseFiles caseFiles;
  @Autowired AuditLog audit;
  @Autowired Jurisdiction jurisdiction;
  @Autowired DemoRegion region;
  @Autowired UserTasks tasks;
  @Autowired ScriptedTaskActors actors;

  RegionScope station;
  RegionScope auditor;

  @BeforeEach
  void setUp() {
    region.ensure();
    RegionCode county = new RegionCode(DemoRegion.COUNTY);
    jurisdiction.addStaff("linxinyi", "林心怡", Role.COUNSELLOR, county, "demo123");
    jurisdiction.addStaff("svc-auditor", "审计员", Role.AUDITOR, county, "demo123");
    jurisdiction.addStaff("svc-supervisor", "督办员", Role.SUPERVISOR, county, "demo123");
    station = RegionScope.of(jurisdiction.staff("zhangwei").orElseThrow());
    auditor = RegionScope.of(jurisdiction.staff("svc-auditor").orElseThrow());
    actors.reset();
    actors.completes("Task_Accept", "zhangwei");
  }

  @Test
  void
      shouldShowTheNotesOnlyToTheCounsellorAndTheHandlerAndOnlyThatASessionTookPlaceToTheAuditor() {
    PersonView person = person();
    String number =
        requests
            .file(new FileServiceRequest(person.id(), null, "COUNSELLING", null, null), station)
            .caseNumber();
    String pid = caseFiles.get(number).processInstanceId();
    tasks.complete(pid, "Task_Accept", Map.of("acceptDecision", "ACCEPT"));
    tasks.await(pid, "Task_Handle");

    Counsellor lin =
        counselling.roster(station).stream()
            .filter(k -> "linxinyi".equals(k.username()))
            .findFirst()
            .orElseThrow();
    Appointment a =
        counselling.book(
            number, lin.id(), LocalDateTime.now().plusDays(2).withNano(0), "海滨街道服务站心理咨询室", station);
    assertThat(a.held()).isFalse();
    counselling.writeNote(a.id(), NOTE, "linxinyi");

    // the counsellor and the handler (zhangwei filed the request) read the note
    assertThat(counselling.notes(a.id(), "linxinyi"))
        .extracting(SessionNote::note)
        .containsExactly(NOTE);
    assertThat(counselling.notes(a.id(), "zhangwei"))
        .extracting(SessionNote::note)
        .containsExactly(NOTE);

    // a colleague of the same station, a supervisor and the auditor do not
    for (String other : List.of("wangfang", "svc-supervisor", "svc-auditor", "sunli")) {
      assertThatThrownBy(() -> counselling.notes(a.id(), other))
          .as(other)
          .isInstanceOf(BusinessRuleException.class)
          .satisfies(
              e -> {
                BusinessRuleException b = (BusinessRuleException) e;
                assertThat(b.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN);
                assertThat(b.userMessage()).contains("心理疏导记录保密");
              });
      assertThatThrownBy(() -> counselling.writeNote(a.id(), "补充", other))
          .isInstanceOf(BusinessRuleException.class);
    }
    assertThat(audit.refusals(auditor, 50))
        .filteredOn(e -> number.equals(e.caseNumber()))
        .extracting(AuditEntryView::action)
        .contains("查阅心理疏导记录");

    // lists: the appointment says the session was held, nothing of what was said
    assertThat(counselling.appointments(number, station))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.held()).isTrue();
              assertThat(x.toString()).doesNotContain("失眠");
            });
    assertThat(caseFiles.history(number))
        .extracting(HistoryView::action)
        .contains("预约心理疏导", "心理疏导会谈");
    assertThat(caseFiles.history(number).toString()).doesNotContain("失眠");
    // the audit log is written after the commit (event publication registry)
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(audit.caseTimeline(number, auditor))
                    .extracting(AuditEntryView::action)
                    .contains("心理疏导会谈"));
    assertThat(audit.caseTimeline(number, auditor).toString()).doesNotContain("失眠");
  }

  @Test
  void shouldBookCounsellorsOnlyForCounsellingRequests() {
    PersonView person = person();
    String number =
        requests
            .file(new FileServiceRequest(person.id(), null, "JOB_REFERRAL", null, null), station)
            .caseNumber();
    long counsellor = counselling.roster(station).getFirst().id();
    assertThatThrownBy(
            () ->
                counselling.book(
                    number, counsellor, LocalDateTime.now().plusDays(1), "服务站", station))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .isEqualTo("只有心理疏导服务可以预约心理咨询师");
  }

  private PersonView person() {
    return registry.register(
        new RegisterPerson(
            TestPeople.newIdNumber(),
            "疏导 刘洋",
            PersonCategory.VETERAN,
            DemoRegion.TOWNSHIP,
            DemoRegion.VILLAGE,
            "13800000000",
            null,
            List.of()));
  }
}
