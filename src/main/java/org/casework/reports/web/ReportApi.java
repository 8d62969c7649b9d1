package org.casework.reports.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.casework.jurisdiction.RegionScope;
import org.casework.reports.Report;
import org.casework.reports.ReportPeriod;
import org.casework.reports.Reports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The report as JSON, Excel and PDF (refusals answered as the API's Chinese JSON errors). */
@RestController
class ReportApi {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Reports reports;
  private final Clock clock;

  ReportApi(Reports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @GetMapping("/api/reports")
  Report api(
      @RequestParam(defaultValue = "") String region,
      @RequestParam(defaultValue = "YEAR") String kind,
      @RequestParam(defaultValue = "") String value,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      RegionScope scope) {
    String v = value.isBlank() ? ReportPage.defaultValue(clock, kind) : value.strip();
    return reports.report(region, ReportPeriod.of(kind, v, from, to), scope);
  }

  @GetMapping("/reports.xlsx")
  ResponseEntity<byte[]> excel(
      @RequestParam(defaultValue = "") String region,
      @RequestParam(defaultValue = "YEAR") String kind,
      @RequestParam(defaultValue = "") String value,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "false") boolean unmasked,
      @RequestParam(defaultValue = "") String reason,
      RegionScope scope) {
    String v = value.isBlank() ? ReportPage.defaultValue(clock, kind) : value.strip();
    ReportPeriod period = ReportPeriod.of(kind, v, from, to);
    byte[] bytes = reports.excel(region, period, scope, unmasked, reason);
    return file(bytes, XLSX, "统计报表-" + period.label() + ".xlsx");
  }

  @GetMapping("/reports.pdf")
  ResponseEntity<byte[]> pdf(
      @RequestParam(defaultValue = "") String region,
      @RequestParam(defaultValue = "YEAR") String kind,
      @RequestParam(defaultValue = "") String value,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      RegionScope scope) {
    String v = value.isBlank() ? ReportPage.defaultValue(clock, kind) : value.strip();
    ReportPeriod period = ReportPeriod.of(kind, v, from, to);
    return file(
        reports.pdf(region, period, scope),
        MediaType.APPLICATION_PDF,
        "统计报表-" + period.label() + ".pdf");
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }
}
