package org.casework.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.casework.common.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ledger on the real MariaDB: retries and races pay once, corrections are reversals, help from
 * another programme is found, finance files are reconciled. Ledger lines cannot be deleted, so
 * every test uses its own random case numbers, households and regions.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "common")
@ActiveProfiles("test")
class LedgerIT {

  @Autowired Ledger ledger;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldPayOnceWhenTwoWorkersRaceOnTheSameKey() throws Exception {
    for (int round = 0; round < 5; round++) {
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
  }

  @Test
  void shouldReturnTheSameDisbursementWhenAWorkerRunsTwice() {
    DisbursementRequest request = request(uniqueCase(), "1234.5");
    Disbursement first = ledger.disburse(request);
    Disbursement again = ledger.disburse(request);
    assertThat(again.disbursementId()).isEqualTo(first.disbursementId());
    assertThat(again.amount()).isEqualByComparingTo("1234.50");
    assertThat(again.entryType()).isEqualTo(EntryType.PAYMENT);
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

  @Test
  void shouldBookAReversalWithItsReasonAndLeaveThePaymentAsItWas() {
    Disbursement paid = ledger.disburse(request(uniqueCase(), "500.00"));

    Disbursement reversal = ledger.reverse(paid.disbursementId(), "收款人账号错误，资金退回", "zhaolei");
    Disbursement again = ledger.reverse(paid.disbursementId(), "再次提交", "zhaolei");

    assertThat(again.disbursementId()).isEqualTo(reversal.disbursementId());
    assertThat(reversal.entryType()).isEqualTo(EntryType.REVERSAL);
    assertThat(reversal.amount()).isEqualByComparingTo("-500.00");
    assertThat(reversal.reversesId()).isEqualTo(paid.disbursementId());
    assertThat(reversal.reason()).isEqualTo("收款人账号错误，资金退回");
    assertThat(ledger.forCase(paid.caseNumber()))
        .extracting(Disbursement::entryType, Disbursement::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EntryType.PAYMENT, new BigDecimal("500.00")),
            org.assertj.core.groups.Tuple.tuple(EntryType.REVERSAL, new BigDecimal("-500.00")));
    // a retried worker after the reversal does not pay again
    assertThat(ledger.disburse(request(paid.caseNumber(), "500.00")).disbursementId())
        .isEqualTo(paid.disbursementId());
    assertThat(rows(paid.caseNumber())).isEqualTo(2);
  }

  @Test
  void shouldRefuseAReversalWithoutReasonAndAnyUpdateOrDeleteInTheDatabase() {
    Disbursement paid = ledger.disburse(request(uniqueCase(), "300.00"));
    assertThatThrownBy(() -> ledger.reverse(paid.disbursementId(), " ", "zhaolei"))
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .isEqualTo("冲正或更正必须写明原因");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "UPDATE ledger_disbursement SET amount = 1 WHERE disbursement_id = ?",
                    paid.disbursementId()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "DELETE FROM ledger_disbursement WHERE disbursement_id = ?",
                    paid.disbursementId()))
        .hasMessageContaining("append-only");
    assertThat(ledger.find(paid.disbursementId()).orElseThrow().amount())
        .isEqualByComparingTo("300.00");
  }

  @Test
  void shouldCorrectAnAmountByReversingItAndBookingTheNextRevision() {
    Disbursement paid = ledger.disburse(request(uniqueCase(), "500.00"));

    Disbursement corrected =
        ledger.correct(paid.disbursementId(), new BigDecimal("450"), "标准应为450元", "sunli");

    assertThat(corrected.revision()).isEqualTo(2);
    assertThat(corrected.amount()).isEqualByComparingTo("450.00");
    assertThat(ledger.forCase(paid.caseNumber()))
        .extracting(Disbursement::amount)
        .containsExactly(
            new BigDecimal("500.00"), new BigDecimal("-500.00"), new BigDecimal("450.00"));
    assertThatThrownBy(
            () -> ledger.correct(paid.disbursementId(), new BigDecimal("400"), "再改", "sunli"))
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .isEqualTo("该笔支付已冲正，不能再更正；请更正其最新一笔支付");
  }

  @Test
  void shouldWarnTheApproverAboutTheSameHouseholdCauseAndPeriodFromAnotherProgramme() {
    long household = randomId();
    String hardshipCase = uniqueCase();
    ledger.disburse(
        new DisbursementRequest(
            hardshipCase,
            household,
            household,
            Programme.HARDSHIP,
            "HARDSHIP_GRANT",
            "ILLNESS",
            "2026",
            new BigDecimal("2000"),
            "350502001"));

    DuplicateCheck sameCause =
        ledger.checkDuplicates(
            new DuplicateQuery(
                "WW-350502-2026-000001",
                household,
                Programme.CONDOLENCE,
                "ILLNESS",
                "2026",
                "350502001"));
    DuplicateCheck otherCause =
        ledger.checkDuplicates(
            new DuplicateQuery(
                "WW-350502-2026-000001",
                household,
                Programme.CONDOLENCE,
                "AWARD",
                "2026",
                "350502001"));
    DuplicateCheck otherYear =
        ledger.checkDuplicates(
            new DuplicateQuery(
                "WW-350502-2026-000001",
                household,
                Programme.CONDOLENCE,
                "ILLNESS",
                "2025",
                "350502001"));

    assertThat(sameCause.found()).isTrue();
    assertThat(sameCause.blocked()).isFalse();
    assertThat(sameCause.others())
        .extracting(Disbursement::caseNumber)
        .containsExactly(hardshipCase);
    assertThat(sameCause.message()).contains("困难帮扶", hardshipCase, "¥2,000.00", "请审批人核实后决定");
    assertThat(otherCause.found()).isFalse();
    assertThat(otherYear.found()).isFalse();
  }

  @Test
  void shouldBlockThePaymentWhereTheRegionsRuleSaysSoButNotOnceTheOtherPaymentIsReversed() {
    String county = "3506" + String.format("%02d", ThreadLocalRandom.current().nextInt(100));
    String township = county + "001";
    ledger.setDuplicateRule(county, true, "测试：跨项目同一事由不得重复发放");
    long household = randomId();
    Disbursement hardship =
        ledger.disburse(
            new DisbursementRequest(
                uniqueCase(),
                household,
                household,
                Programme.HARDSHIP,
                "HARDSHIP_GRANT",
                "ILLNESS",
                "2026",
                new BigDecimal("800"),
                township));
    DisbursementRequest condolence =
        new DisbursementRequest(
            "WW-" + county + "-2026-" + randomId() % 1_000_000,
            household,
            household,
            Programme.CONDOLENCE,
            "VISIT",
            "ILLNESS",
            "2026",
            new BigDecimal("500"),
            township);

    assertThatThrownBy(() -> ledger.disburse(condolence))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .asString()
        .contains(hardship.caseNumber(), "本地区规定不得重复发放");
    assertThat(rows(condolence.caseNumber())).isZero();

    ledger.reverse(hardship.disbursementId(), "误发，已退回", "sunli");
    assertThat(ledger.disburse(condolence).amount()).isEqualByComparingTo("500.00");
  }

  @Test
  void shouldFlagUnknownIdsDifferentAmountsPaymentsMadeTwiceAndFailures() {
    Disbursement a = ledger.disburse(request(uniqueCase(), "500.00"));
    Disbursement b = ledger.disburse(request(uniqueCase(), "300.00"));
    Disbursement c = ledger.disburse(request(uniqueCase(), "200.00"));
    Disbursement d = ledger.disburse(request(uniqueCase(), "100.00"));
    ledger.reverse(d.disbursementId(), "对象已去世前领取，退回", "zhaolei");
    String csv =
        "\uFEFFdisbursement_id,amount,status,date\n"
            + a.disbursementId()
            + ",500.00,PAID,2026-02-10\n"
            + b.disbursementId()
            + ",350.00,PAID,2026-02-10\n"
            + "DB-00000000-0000-0000-0000-000000000000,100.00,PAID,2026-02-10\n"
            + c.disbursementId()
            + ",200.00,成功,2026-02-10\n"
            + c.disbursementId()
            + ",200.00,成功,2026-02-11\n"
            + d.disbursementId()
            + ",100.00,PAID,2026-02-10\n"
            + "DB-x,abc,PAID,2026-02-10\n";

    ReconciliationReport report = reconcile("finance-feb.csv", csv);

    assertThat(report.lines())
        .extracting(ReconciliationReport.Line::lineNo, ReconciliationReport.Line::finding)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, Finding.MATCHED),
            org.assertj.core.groups.Tuple.tuple(3, Finding.AMOUNT_DIFFERS),
            org.assertj.core.groups.Tuple.tuple(4, Finding.UNKNOWN_ID),
            org.assertj.core.groups.Tuple.tuple(5, Finding.MATCHED),
            org.assertj.core.groups.Tuple.tuple(6, Finding.PAID_TWICE),
            org.assertj.core.groups.Tuple.tuple(7, Finding.PAID_AFTER_REVERSAL),
            org.assertj.core.groups.Tuple.tuple(8, Finding.INVALID_LINE));
    assertThat(report.lines().get(1).detail()).isEqualTo("台账金额 ¥300.00，银行金额 ¥350.00");
    assertThat(report.mismatches()).hasSize(5);
    assertThat(ledger.reconciliation(report.id()).orElseThrow().lines()).isEqualTo(report.lines());

    ReconciliationReport next =
        reconcile(
            "finance-mar.csv",
            a.disbursementId() + ",500.00,PAID,2026-03-01\n" + b.disbursementId() + ",300,失败,\n");
    assertThat(next.lines())
        .extracting(ReconciliationReport.Line::finding)
        .containsExactly(Finding.PAID_TWICE, Finding.FAILED);
    assertThat(next.lines().getFirst().detail()).isEqualTo("对账批次 #" + report.id() + " 已记录支付成功");
  }

  @Test
  void shouldTotalNetPaymentsPerRegionProgrammeAndPeriodAndExportThemToExcel() throws Exception {
    String township =
        "3507" + String.format("%02d", ThreadLocalRandom.current().nextInt(100)) + "001";
    Disbursement first = ledger.disburse(request(uniqueCase(), "500.00", township));
    ledger.disburse(request(uniqueCase(), "300.00", township));
    ledger.reverse(first.disbursementId(), "重复登记", "zhaolei");

    List<LedgerTotal> totals = ledger.totals(township, "2026");

    assertThat(totals).hasSize(1);
    assertThat(totals.getFirst().programme()).isEqualTo(Programme.HARDSHIP);
    assertThat(totals.getFirst().payments()).isEqualTo(1);
    assertThat(totals.getFirst().reversals()).isEqualTo(1);
    assertThat(totals.getFirst().netAmount()).isEqualByComparingTo("300.00");
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(ledger.totalsWorkbook(township, "2026")))) {
      var sheet = book.getSheet("支付汇总");
      assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("净支付金额（元）");
      assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("困难帮扶");
      assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(300.0);
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("合计");
    }
  }

  private ReconciliationReport reconcile(String name, String csv) {
    return ledger.reconcile(
        name, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "zhaolei");
  }

  private int rows(String caseNumber) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM ledger_disbursement WHERE case_number = ?",
        Integer.class,
        caseNumber);
  }

  private static DisbursementRequest request(String caseNumber, String amount) {
    return request(caseNumber, amount, "350502001");
  }

  private static DisbursementRequest request(String caseNumber, String amount, String region) {
    return new DisbursementRequest(
        caseNumber,
        42L,
        Programme.HARDSHIP,
        "HARDSHIP_GRANT",
        "2026",
        new BigDecimal(amount),
        region);
  }

  private static long randomId() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
  }

  private static String uniqueCase() {
    return "BF-350502-2026-" + String.format("%09d", randomId() % 1_000_000_000L);
  }
}
