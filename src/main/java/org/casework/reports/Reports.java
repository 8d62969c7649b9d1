package org.casework.reports;

import org.casework.jurisdiction.RegionScope;

/** The bureau's statistical report: page, Excel, PDF. */
public interface Reports {

  /**
   * The report of {@code region} (blank: the officer's own; {@code city}: the city roll-up, for
   * users above the county only) for the period. A region outside the officer's scope is a Chinese
   * 403.
   */
  Report report(String region, ReportPeriod period, RegionScope scope);

  /**
   * The same report read straight from the programmes' tables, without the daily summaries (the
   * reference the summaries are checked against, ReportsTest and ReportBench).
   */
  Report plainReport(String region, ReportPeriod period, RegionScope scope);

  /** The report as an Excel workbook; audited. Unmasked detail needs the export role. */
  byte[] excel(
      String region, ReportPeriod period, RegionScope scope, boolean unmasked, String reason);

  /** The report as a printable PDF with the bureau's header; audited. */
  byte[] pdf(String region, ReportPeriod period, RegionScope scope);
}
