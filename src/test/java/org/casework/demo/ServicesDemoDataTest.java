package org.casework.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryView;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.jurisdiction.StaffMember;
import org.casework.registry.IdNumber;
import org.casework.registry.Registry;
import org.casework.services.ServiceRequestView;
import org.casework.services.ServiceRequests;
import org.casework.services.UnmatchedOnlineRequest;
import org.casework.supervision.Cockpit;
import org.casework.supervision.CockpitQuery;
import org.casework.support.ProcessTest;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The 菜单式服务 demo as 张伟 (zhangwei) sees it: requests in different stages and an unmatched online
 * request; the counsellor's login. Same context as ContactDemoDataTest (real demo runners).
 */
@SpringBootTest(properties = {"casework.demo-data=true", "casework.sla.watch-initial-delay=PT24H"})
@ProcessTest
@ActiveProfiles("test")
class ServicesDemoDataTest {

  @Autowired ServicesDemoData demo;
  @Autowired ServiceRequests requests;
  @Autowired Registry registry;
  @Autowired Jurisdiction jurisdiction;
  @Autowired UserTasks tasks;
  @Autowired Cockpit cockpit;
  @Autowired CaseFiles caseFiles;

  @Test
  void shouldShowTheStationRequestsInDifferentStagesAndAddNothingOnASecondRun() {
    RegionScope station = RegionScope.of(jurisdiction.staff("zhangwei").orElseThrow());
    long jiang =
        registry.findByIdNumber(IdNumber.parse(valid("350502198903150335"))).orElseThrow().id();
    demo.run(null); // a second run adds nothing
    tasks.idle();
    assertThat(requests.ofPerson(jiang, station))
        .singleElement()
        .extracting(ServiceRequestView::itemCode)
        .isEqualTo("JOB_REFERRAL");
    assertThat(requests.open(station, 500))
        .extracting(ServiceRequestView::stateLabel)
        .contains("受理审查", "待核实身份");
    long he =
        registry.findByIdNumber(IdNumber.parse(valid("350502197005080537"))).orElseThrow().id();
    assertThat(requests.ofPerson(he, station))
        .singleElement()
        .extracting(ServiceRequestView::state)
        .isEqualTo("REFUSED");
    assertThat(requests.unmatched(station, 100))
        .extracting(UnmatchedOnlineRequest::claimedName)
        .contains("王小明");
    assertThat(jurisdiction.staff("linxinyi")).map(StaffMember::role).contains(Role.COUNSELLOR);
  }

  @Test
  void shouldShowAnOverdueReferralOnTheCockpitAndTheStationsListOutOfTheBox() {
    RegionScope station = RegionScope.of(jurisdiction.staff("zhangwei").orElseThrow());
    long zheng =
        registry.findByIdNumber(IdNumber.parse(valid("350502196503120426"))).orElseThrow().id();
    demo.run(null); // a second run adds nothing
    tasks.idle(); // the moved timers fire (the job executor does it in the running app)
    ServiceRequestView referral = requests.ofPerson(zheng, station).getFirst();
    assertThat(requests.ofPerson(zheng, station)).hasSize(1);
    assertThat(referral.itemCode()).isEqualTo("MEDICAL_AID");
    assertThat(referral.state()).isEqualTo("REFERRED");
    assertThat(referral.referralDueAt()).isBefore(Instant.now());
    assertThat(requests.overdueReferrals(station, 200))
        .extracting(ServiceRequestView::caseNumber)
        .contains(referral.caseNumber());
    // the supervisor's cockpit: the 转介部门答复 stage of the request is breached
    var rows =
        cockpit
            .rows(
                "huangmin",
                new CockpitQuery(
                    CockpitQuery.View.BREACHED,
                    "STAGE",
                    "SERVICE",
                    "Task_AwaitReferralAnswer",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    200))
            .rows();
    assertThat(rows)
        .filteredOn(r -> r.caseNumber().equals(referral.caseNumber()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.stageLabel()).isEqualTo("转介部门答复");
              assertThat(r.breached()).isTrue();
            });
    // the history says so, and that the dates were moved for the demo
    assertThat(caseFiles.history(referral.caseNumber()))
        .extracting(HistoryView::action)
        .contains("转介", "转介催办", "转介答复超期", "演示数据：转介日期回溯");
  }

  private static String valid(String draft) {
    return draft.substring(0, 17) + IdNumber.checkCharacter(draft);
  }
}
