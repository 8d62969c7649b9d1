package org.casework.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.ledger.Disbursement;
import org.casework.ledger.DuplicateCheck;
import org.casework.ledger.DuplicateQuery;
import org.casework.ledger.Ledger;
import org.casework.ledger.LedgerTotal;
import org.casework.ledger.Programme;
import org.casework.ledger.ReconciliationReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of the benefit ledger: lines, reversals, duplicate check, reconciliation, totals. */
@RestController
@RequestMapping("/api/ledger")
class LedgerApi {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Ledger ledger;
  private final ScopeGuard scopeGuard;

  LedgerApi(Ledger ledger, ScopeGuard scopeGuard) {
    this.ledger = ledger;
    this.scopeGuard = scopeGuard;
  }

  @GetMapping("/cases/{caseNumber}")
  List<Disbursement> forCase(@PathVariable String caseNumber, RegionScope scope) {
    return ledger.forCase(caseNumber, scope);
  }

  @GetMapping("/disbursements/{id}")
  Disbursement disbursement(@PathVariable String id, RegionScope scope) {
    return ledger.get(id, scope);
  }

  @PostMapping("/disbursements/{id}/reversal")
  ResponseEntity<Disbursement> reverse(
      @PathVariable String id, @Valid @RequestBody Reversal body, RegionScope scope) {
    // a payment outside the officer's region: 403, recorded; the logged-in officer is recorded
    ledger.get(id, scope);
    return ResponseEntity.status(201).body(ledger.reverse(id, body.reason(), scope.username()));
  }

  @PostMapping("/disbursements/{id}/correction")
  ResponseEntity<Disbursement> correct(
      @PathVariable String id, @Valid @RequestBody Correction body, RegionScope scope) {
    ledger.get(id, scope);
    return ResponseEntity.status(201)
        .body(ledger.correct(id, body.amount(), body.reason(), scope.username()));
  }

  @GetMapping("/duplicates")
  DuplicateCheck duplicates(
      @RequestParam(defaultValue = "") String caseNumber,
      @RequestParam long householdId,
      @RequestParam Programme programme,
      @RequestParam String cause,
      @RequestParam String period,
      @RequestParam(defaultValue = "") String region,
      RegionScope scope) {
    if (!region.isBlank()) {
      scopeGuard.require(scope, RegionCode.parse(region.strip()), null, "查重（支付台账）");
    } else {
      region = scope.prefix();
    }
    // only payments inside the officer's region are looked at and shown
    return ledger.checkDuplicates(
        new DuplicateQuery(caseNumber, householdId, programme, cause, period, region), scope);
  }

  @PostMapping(path = "/reconciliations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ReconciliationReport> reconcile(
      @RequestParam("file") MultipartFile file, RegionScope scope) throws IOException {
    if (file.isEmpty()) {
      throw BusinessRuleException.invalid("RECONCILIATION_EMPTY", "请选择对账文件（CSV）", "no file");
    }
    return ResponseEntity.status(201)
        .body(ledger.reconcile(file.getOriginalFilename(), file.getInputStream(), scope));
  }

  @GetMapping("/reconciliations/{id}")
  ReconciliationReport reconciliation(@PathVariable long id, RegionScope scope) {
    // another region's batch answers like a missing one: batch ids are sequential
    return ledger
        .reconciliation(id, scope)
        .orElseThrow(
            () ->
                BusinessRuleException.notFound(
                    "RECONCILIATION_UNKNOWN", "未找到该对账批次", "no reconciliation " + id));
  }

  @GetMapping("/totals")
  List<LedgerTotal> totals(
      @RequestParam(defaultValue = "") String region,
      @RequestParam(defaultValue = "") String period,
      RegionScope scope) {
    return ledger.totals(scope, region, period);
  }

  @GetMapping("/totals.xlsx")
  ResponseEntity<byte[]> totalsWorkbook(
      @RequestParam(defaultValue = "") String region,
      @RequestParam(defaultValue = "") String period,
      RegionScope scope) {
    return workbook(ledger.totalsWorkbook(scope, region, period), region, period);
  }

  static ResponseEntity<byte[]> workbook(byte[] bytes, String region, String period) {
    String name =
        "支付汇总"
            + (region.isBlank() ? "" : "-" + region.replaceAll("[^0-9]", ""))
            + (period.isBlank() ? "" : "-" + period.replaceAll("[^0-9A-Za-z-]", ""))
            + ".xlsx";
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }

  record Reversal(
      @NotBlank(message = "{ledger.reason.required}") @Size(max = 500, message = "{field.too.long}")
          String reason,
      @Size(max = 64, message = "{field.too.long}") String recordedBy) {}

  record Correction(
      @NotNull(message = "{ledger.amount.required}")
          @DecimalMin(value = "0.01", message = "{ledger.amount.positive}")
          BigDecimal amount,
      @NotBlank(message = "{ledger.reason.required}") @Size(max = 500, message = "{field.too.long}")
          String reason,
      @Size(max = 64, message = "{field.too.long}") String recordedBy) {}
}
