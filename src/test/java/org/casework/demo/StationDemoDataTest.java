package org.casework.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.RegionScope;
import org.casework.stations.AcceptanceStatus;
import org.casework.stations.StationAcceptance;
import org.casework.stations.StationKind;
import org.casework.stations.StationSummary;
import org.casework.stations.Stations;
import org.casework.support.ProcessTest;
import org.casework.support.UserTasks;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo install as the township head 刘洋 finds it: the demo county's stations registered (with
 * their gaps) and this quarter's self-assessments of 新华社区 and 中山社区 waiting for his scoring.
 */
@SpringBootTest(properties = {"casework.demo-data=true", "casework.sla.watch-initial-delay=PT24H"})
@ProcessTest
@ActiveProfiles("test")
class StationDemoDataTest {

  @Autowired StationDemoData demo;
  @Autowired Stations stations;
  @Autowired StationAcceptance acceptance;
  @Autowired Jurisdiction jurisdiction;
  @Autowired TaskService tasks;
  @Autowired UserTasks userTasks;

  @Test
  void shouldLeaveTheVillageSelfAssessmentsForTheTownshipHeadToScore() {
    demo.run(null); // a second run adds nothing
    RegionScope head = RegionScope.of(jurisdiction.staff("liuyang").orElseThrow());
    RegionScope county = RegionScope.of(jurisdiction.staff("zhaolei").orElseThrow());
    assertThat(stations.find("350502002", StationKind.TOWNSHIP).orElseThrow().gaps())
        .containsExactly("乡镇（街道）服务站专职人员不足2人（现有1人）");
    assertThat(stations.find("350502003002", StationKind.VILLAGE).orElseThrow().gaps())
        .containsExactly("村（社区）服务站未明确工作人员");
    assertThat(stations.list(county)).extracting(StationSummary::name).doesNotHaveDuplicates();
    // the demo's self-assessments: every staffed village station the sheet applies to (fewer than
    // 100 service recipients; other tests of the suite register people in the demo villages, so the
    // count is read, not assumed) has one, submitted; the others were refused and have none
    java.time.LocalDate today = java.time.LocalDate.now(org.casework.common.Formats.CHINA);
    String thisQuarter = today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1);
    int waitingInHaibin = 0;
    for (String village : new String[] {"350502001001", "350502001002"}) {
      StationSummary station = stations.find(village, StationKind.VILLAGE).orElseThrow();
      // this quarter's (新华社区 also has the demo's finished acceptance of the previous quarter)
      var a =
          acceptance.ofStation(station.id(), head).stream()
              .filter(x -> x.period().equals(thisQuarter))
              .toList();
      if (station.recipients() < 100) {
        assertThat(a).as(village).hasSize(1);
        assertThat(a.get(0).status()).isEqualTo(AcceptanceStatus.SUBMITTED);
        waitingInHaibin++;
      } else {
        assertThat(a).as(village).isEmpty();
      }
    }
    userTasks.idle();
    assertThat(
            tasks
                .createTaskQuery()
                .processDefinitionKey(StationAcceptance.PROCESS)
                .taskCandidateGroup("township-350502001-head")
                .list())
        .hasSizeGreaterThanOrEqualTo(waitingInHaibin);
  }
}
