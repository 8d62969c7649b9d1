package org.casework.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.casework.registry.PersonRecords;
import org.casework.registry.Registry;
import org.casework.support.DemoRegion;
import org.casework.support.ProcessTest;
import org.casework.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The cross-programme duplicate rule sees a household as the registry links it. */
@SpringBootTest
@AutoConfigureMockMvc
@ProcessTest
@ActiveProfiles("test")
@Import(DemoRegion.class)
class HouseholdDuplicateTest {

  @Autowired Ledger ledger;
  @Autowired Registry registry;
  @Autowired PersonRecords records;
  @Autowired DemoRegion region;

  @Test
  void shouldFindHelpPaidToTheSpouseWhenTheHeadAppliesForTheSameCause() {
    region.ensure();
    RegionScope scope =
        new RegionScope("zhangwei", Role.TOWNSHIP_CASEWORKER, new RegionCode(DemoRegion.TOWNSHIP));
    long head = registry.register(TestPeople.veteran("许建军", DemoRegion.TOWNSHIP, null)).id();
    long spouse = registry.register(TestPeople.veteran("许妻", DemoRegion.TOWNSHIP, null)).id();
    long neighbour = registry.register(TestPeople.veteran("许邻", DemoRegion.TOWNSHIP, null)).id();
    records.linkMember(head, spouse, "配偶", scope);
    String hardshipCase =
        "BF-350502-2026-"
            + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    // booked as the hardship steps book it: the beneficiary's own record as the household
    ledger.disburse(
        new DisbursementRequest(
            hardshipCase,
            spouse,
            spouse,
            Programme.HARDSHIP,
            "HARDSHIP_GRANT",
            "ILLNESS",
            "2026",
            new BigDecimal("1500"),
            DemoRegion.TOWNSHIP));

    DuplicateCheck forHead =
        ledger.checkDuplicates(
            new DuplicateQuery(
                "WW-350502-2026-000001",
                head,
                Programme.CONDOLENCE,
                "ILLNESS",
                "2026",
                "350502001"));
    DuplicateCheck forNeighbour =
        ledger.checkDuplicates(
            new DuplicateQuery(
                "WW-350502-2026-000001",
                neighbour,
                Programme.CONDOLENCE,
                "ILLNESS",
                "2026",
                "350502001"));

    assertThat(forHead.found()).isTrue();
    assertThat(forHead.others()).extracting(Disbursement::caseNumber).containsExactly(hardshipCase);
    assertThat(forHead.message()).contains("该户在 2026 期间已因同一事由获得其他项目帮助");
    assertThat(forNeighbour.found()).isFalse();
  }
}
