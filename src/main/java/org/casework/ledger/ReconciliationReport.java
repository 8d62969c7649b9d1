package org.casework.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One imported finance file and what each of its lines matched. */
public record ReconciliationReport(
    long id, String fileName, String importedBy, Instant importedAt, List<Line> lines) {

  public record Line(
      int lineNo,
      String disbursementId,
      BigDecimal amount,
      BigDecimal ledgerAmount,
      String bankStatus,
      LocalDate paidOn,
      Finding finding,
      String detail) {}

  public List<Line> mismatches() {
    return lines.stream().filter(l -> l.finding().isMismatch()).toList();
  }
}
