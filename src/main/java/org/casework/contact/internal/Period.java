package org.casework.contact.internal;

import java.time.LocalDate;

/** A period of {@code months} months aligned to the calendar year, named for people to read. */
record Period(String key, LocalDate start, LocalDate end) {

  static Period containing(LocalDate day, int months) {
    int index = (day.getMonthValue() - 1) / months;
    LocalDate start = LocalDate.of(day.getYear(), index * months + 1, 1);
    LocalDate end = start.plusMonths(months).minusDays(1);
    int y = day.getYear();
    String key =
        switch (months) {
          case 12 -> String.valueOf(y);
          case 6 -> y + "H" + (index + 1);
          case 3 -> y + "Q" + (index + 1);
          case 1 -> y + "-" + String.format("%02d", index + 1);
          default -> y + "P" + months + "-" + (index + 1);
        };
    return new Period(key, start, end);
  }

  /** The day the period's task opens: {@code openDays} before its end, not before its start. */
  LocalDate openOn(int openDays) {
    LocalDate d = end.minusDays(openDays - 1L);
    return d.isBefore(start) ? start : d;
  }
}
