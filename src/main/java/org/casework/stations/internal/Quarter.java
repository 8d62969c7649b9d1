package org.casework.stations.internal;

import java.time.LocalDate;
import org.casework.common.BusinessRuleException;

/** A quarter as the acceptance counts it: "2026Q2". */
record Quarter(int year, int quarter) {

  static Quarter of(LocalDate day) {
    return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  static Quarter parse(String key) {
    if (key == null || !key.matches("\\d{4}Q[1-4]")) {
      throw BusinessRuleException.invalid("STATION_PERIOD", "季度格式应为如 2026Q2", "bad period " + key);
    }
    return new Quarter(Integer.parseInt(key.substring(0, 4)), key.charAt(5) - '0');
  }

  LocalDate start() {
    return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
  }

  LocalDate end() {
    return start().plusMonths(3).minusDays(1);
  }

  String key() {
    return year + "Q" + quarter;
  }

  String label() {
    return year + "年第" + "一二三四".charAt(quarter - 1) + "季度";
  }
}
