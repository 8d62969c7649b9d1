package org.casework.legalaid;

import java.time.Instant;
import java.time.LocalDate;

/** One duty of the county legal-aid workstation's roster: a lawyer on a working day. */
public record DutyView(
    long id,
    String countyCode,
    LocalDate date,
    String lawyer,
    String lawyerName,
    String place,
    String createdBy,
    Instant createdAt) {

  /** As forms and lists show it: 2026年12月3日 张律师. */
  public String label() {
    return date.getYear()
        + "年"
        + date.getMonthValue()
        + "月"
        + date.getDayOfMonth()
        + "日 "
        + (lawyerName == null ? lawyer : lawyerName);
  }
}
