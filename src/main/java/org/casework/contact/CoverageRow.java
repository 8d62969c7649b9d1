package org.casework.contact;

/**
 * Coverage of one village (or a township's total): recipients contacted in the period and key
 * contacts visited (上门) in the year, and contact tasks now overdue.
 */
public record CoverageRow(
    String townshipCode,
    String villageCode,
    String name,
    boolean township,
    long recipients,
    long contacted,
    long keyContacts,
    long keyVisited,
    long overdue) {

  public String contactedShare() {
    return share(contacted, recipients);
  }

  public String keyVisitedShare() {
    return share(keyVisited, keyContacts);
  }

  static String share(long part, long whole) {
    if (whole == 0) {
      return "—";
    }
    return java.math.BigDecimal.valueOf(part * 100L)
            .divide(java.math.BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_UP)
            .toPlainString()
        + "%";
  }
}
