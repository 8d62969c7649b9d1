package org.casework.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.HistoryView;
import org.casework.supervision.Cockpit;
import org.casework.supervision.CockpitQuery;
import org.casework.supervision.CockpitRow;
import org.casework.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo install as the supervisor 黄敏 sees it: breached hardship cases in both townships, taken
 * over from paper files (start moved back, in the history). Runs the real demo runners at start-up.
 */
@SpringBootTest(properties = {"casework.demo-data=true", "casework.sla.watch-initial-delay=PT24H"})
@ProcessTest
@ActiveProfiles("test")
class SlaDemoDataTest {

  @Autowired Cockpit cockpit;
  @Autowired CaseFiles caseFiles;
  @Autowired SlaDemoData demo;

  @Test
  void shouldGiveTheDemoSupervisorBreachedCasesInBothTownships() throws Exception {
    demo.run(null); // a second run adds nothing
    CockpitQuery breached =
        new CockpitQuery(
            CockpitQuery.View.BREACHED, "CASE", null, null, null, null, null, null, null, 0, 200);
    List<CockpitRow> demoRows =
        cockpit.rows("huangmin", breached).rows().stream()
            .filter(
                r ->
                    caseFiles.history(r.caseNumber()).stream()
                        .map(HistoryView::action)
                        .anyMatch("期限起算更正：全案办理"::equals))
            .toList();
    assertThat(demoRows)
        .extracting(CockpitRow::townshipName, CockpitRow::officer)
        .contains(
            org.assertj.core.groups.Tuple.tuple("海滨街道", "zhangwei"),
            org.assertj.core.groups.Tuple.tuple("临江街道", "chenjing"));
    // breached; the remaining working days are below zero, or zero on a weekend or holiday right
    // after a deadline that fell on the working day before (no working day has passed since)
    assertThat(demoRows)
        .allSatisfy(
            r -> {
              assertThat(r.breached()).isTrue();
              assertThat(r.remainingDays()).isNotPositive();
            });
  }
}
