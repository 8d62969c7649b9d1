package org.casework.contact;

import java.time.LocalDate;

/**
 * One row of the contact schedule (联系走访频次): for {@code audience} in {@code regionCode} ('' =
 * national), a {@code kind} every {@code everyMonths} months (periods aligned to the year), or for
 * must-visit events within {@code dueDays} days; tasks open {@code openDays} before a period ends.
 */
public record ScheduleRule(
    long id,
    String regionCode,
    Audience audience,
    ContactKind kind,
    int version,
    LocalDate validFrom,
    Integer everyMonths,
    Integer dueDays,
    int openDays,
    String changedBy,
    String reason) {

  public String text() {
    if (audience == Audience.EVENT) {
      return "事项发生后" + dueDays + "日内" + kind.label();
    }
    return switch (everyMonths) {
      case 1 -> "每月" + kind.label();
      case 3 -> "每季度" + kind.label();
      case 6 -> "每半年" + kind.label();
      case 12 -> "每年" + kind.label();
      default -> "每" + everyMonths + "个月" + kind.label();
    };
  }
}
