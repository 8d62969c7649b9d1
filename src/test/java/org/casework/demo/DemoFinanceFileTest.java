package org.casework.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.casework.common.BusinessRuleException;
import org.casework.ledger.Disbursement;
import org.casework.ledger.EntryType;
import org.casework.ledger.Programme;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The demo finance file plants the mismatches the reconciliation must flag. */
class DemoFinanceFileTest {

  @Test
  void shouldFillTheTemplateWithTheLatestPaymentsAndPlantFourMismatches() throws Exception {
    String template =
        new ClassPathResource(DemoFinanceFile.TEMPLATE).getContentAsString(StandardCharsets.UTF_8);
    List<Disbursement> payments =
        IntStream.rangeClosed(1, 4).mapToObj(i -> payment("DB-" + i, "300.00")).toList();

    String csv = DemoFinanceFile.render(template, payments);

    assertThat(csv.split("\n"))
        .containsExactly(
            "disbursement_id,amount,status,date",
            "DB-1,300.00,PAID,2026-02-10",
            "DB-2,300.00,PAID,2026-02-10",
            "DB-3,350.00,PAID,2026-02-10",
            "DB-2,300.00,PAID,2026-02-11",
            "DB-00000000-dead-beef-0000-000000000404,300.00,PAID,2026-02-10",
            "DB-4,300.00,FAILED,2026-02-10");
  }

  @Test
  void shouldAskForTheVisitsFirstWhenTooFewPaymentsExist() throws Exception {
    String template =
        new ClassPathResource(DemoFinanceFile.TEMPLATE).getContentAsString(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DemoFinanceFile.render(template, List.of(payment("DB-1", "300"))))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .asString()
        .contains("请先在 Tasklist 中完成演示活动的走访登记");
  }

  private static Disbursement payment(String id, String amount) {
    return new Disbursement(
        id,
        EntryType.PAYMENT,
        "CAMPAIGN-1",
        1L,
        1L,
        Programme.CONDOLENCE,
        "CAMPAIGN-1",
        "FESTIVAL",
        "2026",
        1,
        new BigDecimal(amount),
        "350502001",
        null,
        null,
        null,
        Instant.now());
  }
}
