package org.casework.ledger.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionScope;
import org.casework.ledger.Ledger;
import org.casework.ledger.LedgerTotal;
import org.casework.ledger.ReconciliationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 对账 and 支付汇总 pages for the county's finance officer. */
@Controller
class LedgerPage {

  private static final Logger log = LoggerFactory.getLogger(LedgerPage.class);

  private final Ledger ledger;

  LedgerPage(Ledger ledger) {
    this.ledger = ledger;
  }

  @GetMapping("/ledger/reconciliation")
  String upload() {
    return "ledger/reconciliation";
  }

  @PostMapping("/ledger/reconciliation")
  String reconcile(
      @RequestParam(name = "file", required = false) MultipartFile file,
      RegionScope scope,
      Model model)
      throws IOException {
    if (file == null || file.isEmpty()) {
      model.addAttribute("error", "请选择对账文件（CSV）");
      return "ledger/reconciliation";
    }
    try {
      ReconciliationReport report =
          ledger.reconcile(file.getOriginalFilename(), file.getInputStream(), scope);
      return "redirect:/ledger/reconciliation/" + report.id();
    } catch (BusinessRuleException refused) {
      log.warn("reconciliation refused: {}", refused.getMessage());
      model.addAttribute("error", refused.userMessage());
      return "ledger/reconciliation";
    }
  }

  @GetMapping("/ledger/reconciliation/{id}")
  String report(
      @PathVariable long id,
      RegionScope scope,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    // another region's batch answers like a missing one: batch ids are sequential
    var found = ledger.reconciliation(id, scope);
    if (found.isEmpty()) {
      log.warn("reconciliation {} not found for {}", id, scope.username());
      response.setStatus(404);
      model.addAttribute("error", "未找到该对账批次");
      return "ledger/reconciliation";
    }
    ReconciliationReport report = found.get();
    model.addAttribute("report", report);
    model.addAttribute("importedAt", Formats.dateTime(report.importedAt()));
    model.addAttribute("mismatchCount", report.mismatches().size());
    model.addAttribute("rows", report.lines().stream().map(Row::of).toList());
    return "ledger/reconciliation";
  }

  @GetMapping("/ledger/totals")
  String totals(
      @RequestParam(defaultValue = "") String region,
      @RequestParam(defaultValue = "") String period,
      RegionScope scope,
      Model model) {
    List<LedgerTotal> totals = ledger.totals(scope, region, period);
    model.addAttribute("region", region);
    model.addAttribute("period", period);
    model.addAttribute("totals", totals);
    model.addAttribute(
        "sum",
        Formats.yuan(
            totals.stream().map(LedgerTotal::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add)));
    model.addAttribute(
        "totalRows",
        totals.stream()
            .map(
                t ->
                    new TotalRow(
                        t.regionName() + "（" + t.regionCode() + "）",
                        t.programme().label(),
                        t.period(),
                        t.payments(),
                        t.reversals(),
                        Formats.yuan(t.netAmount())))
            .toList());
    return "ledger/totals";
  }

  @GetMapping("/ledger/totals.xlsx")
  ResponseEntity<byte[]> export(
      @RequestParam(defaultValue = "") String region,
      @RequestParam(defaultValue = "") String period,
      RegionScope scope) {
    return LedgerApi.workbook(ledger.totalsWorkbook(scope, region, period), region, period);
  }

  record Row(
      int lineNo,
      String disbursementId,
      String amount,
      String ledgerAmount,
      String bankStatus,
      String paidOn,
      String finding,
      String findingLabel,
      boolean mismatch,
      String detail) {

    static Row of(ReconciliationReport.Line l) {
      return new Row(
          l.lineNo(),
          l.disbursementId(),
          Formats.yuan(l.amount()),
          Formats.yuan(l.ledgerAmount()),
          l.bankStatus(),
          Formats.date(l.paidOn()),
          l.finding().name(),
          l.finding().label(),
          l.finding().isMismatch(),
          l.detail());
    }
  }

  record TotalRow(
      String region, String programme, String period, long payments, long reversals, String net) {}
}
