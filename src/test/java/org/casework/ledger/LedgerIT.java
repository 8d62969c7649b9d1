package org.casework.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casework.common.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** Exactly-once disbursement on the real MariaDB: retries and races pay once. */
@ApplicationModuleTest(extraIncludes = "common")
@ActiveProfiles("test")
@TestPropertySource(
    properties =
        "spring.autoconfigure.exclude=io.camunda.zeebe.spring.client.configuration.CamundaAutoConfiguration")
class LedgerIT {

  @Autowired Ledger ledger;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldPayOnceWhenTwoWorkersRaceOnTheSameKey() throws Exception {
    DisbursementRequest request = request(uniqueCase(), "800.00");
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<Disbursement> pay =
        () -> {
          start.await();
          return ledger.disburse(request);
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Disbursement>> results = pool.invokeAll(List.of(pay, pay));
      assertThat(results.get(0).get().disbursementId())
          .isEqualTo(results.get(1).get().disbursementId());
    } finally {
      pool.shutdownNow();
    }
    assertThat(rows(request.caseNumber())).isEqualTo(1);
  }

  @Test
  void shouldReturnTheSameDisbursementWhenAWorkerRunsTwice() {
    DisbursementRequest request = request(uniqueCase(), "1234.5");
    Disbursement first = ledger.disburse(request);
    Disbursement again = ledger.disburse(request);
    assertThat(again.disbursementId()).isEqualTo(first.disbursementId());
    assertThat(again.amount()).isEqualByComparingTo("1234.50");
    assertThat(rows(request.caseNumber())).isEqualTo(1);
  }

  @Test
  void shouldRefuseANonPositiveAmountWithoutWritingAnything() {
    String caseNumber = uniqueCase();
    assertThatThrownBy(() -> ledger.disburse(request(caseNumber, "-5.00")))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .isEqualTo("支付金额必须大于零");
    assertThat(rows(caseNumber)).isZero();
  }

  @Test
  void shouldRefuseADifferentAmountUnderAnExistingKey() {
    DisbursementRequest request = request(uniqueCase(), "500.00");
    ledger.disburse(request);
    assertThatThrownBy(() -> ledger.disburse(request(request.caseNumber(), "600.00")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(ledger.forCase(request.caseNumber()))
        .extracting(Disbursement::amount)
        .containsExactly(new BigDecimal("500.00"));
  }

  private int rows(String caseNumber) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM ledger_disbursement WHERE case_number = ?",
        Integer.class,
        caseNumber);
  }

  private static DisbursementRequest request(String caseNumber, String amount) {
    return new DisbursementRequest(
        caseNumber,
        42L,
        Programme.HARDSHIP,
        "HARDSHIP_GRANT",
        "2026",
        new BigDecimal(amount),
        "350502001");
  }

  private static String uniqueCase() {
    return "BF-350502-2026-"
        + String.format("%06d", Math.abs(UUID.randomUUID().hashCode()) % 1_000_000);
  }
}
