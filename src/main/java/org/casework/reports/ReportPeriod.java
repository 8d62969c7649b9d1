package org.casework.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.common.BusinessRuleException;

/**
 * The period of a report, both days included: a month ({@code 2026-03}), a quarter ({@code
 * 2026-Q1}), a year ({@code 2026}) or any range.
 */
public record ReportPeriod(LocalDate from, LocalDate to, String label) {

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])");
  static final int MAX_DAYS = 366 * 5;

  public ReportPeriod {
    if (from == null || to == null) {
      throw BusinessRuleException.invalid("PERIOD_MISSING", "请填写统计期间的起止日期", "period missing");
    }
    if (to.isBefore(from)) {
      throw BusinessRuleException.invalid(
          "PERIOD_REVERSED", "统计期间的结束日期不能早于开始日期", "period ends " + to + " before " + from);
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw BusinessRuleException.invalid(
          "PERIOD_TOO_LONG", "统计期间不能超过五年", "period " + from + ".." + to + " too long");
    }
  }

  /**
   * The period asked for: {@code kind} MONTH, QUARTER, YEAR (with {@code value}) or RANGE (with
   * {@code from} and {@code to}).
   */
  public static ReportPeriod of(String kind, String value, LocalDate from, LocalDate to) {
    String k = kind == null || kind.isBlank() ? "YEAR" : kind.strip().toUpperCase();
    String v = value == null ? "" : value.strip();
    try {
      return switch (k) {
        case "MONTH" -> {
          YearMonth m = YearMonth.parse(v);
          yield new ReportPeriod(
              m.atDay(1), m.atEndOfMonth(), m.getYear() + "年" + m.getMonthValue() + "月");
        }
        case "QUARTER" -> {
          Matcher q = QUARTER.matcher(v.toUpperCase());
          if (!q.matches()) {
            throw bad(v, "季度应写作“2026-Q1”");
          }
          int year = Integer.parseInt(q.group(1));
          int quarter = Integer.parseInt(q.group(2));
          LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
          yield new ReportPeriod(
              start,
              start.plusMonths(3).minusDays(1),
              year + "年第" + "一二三四".charAt(quarter - 1) + "季度");
        }
        case "YEAR" -> {
          if (!v.matches("\\d{4}")) {
            throw bad(v, "年度应写作四位数字，如“2026”");
          }
          int year = Integer.parseInt(v);
          yield new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year + "年度");
        }
        case "RANGE" -> {
          if (from == null || to == null) {
            throw BusinessRuleException.invalid(
                "PERIOD_MISSING", "请填写统计期间的起止日期", "range without dates");
          }
          yield new ReportPeriod(
              from,
              to,
              from.getYear()
                  + "年"
                  + from.getMonthValue()
                  + "月"
                  + from.getDayOfMonth()
                  + "日至"
                  + to.getYear()
                  + "年"
                  + to.getMonthValue()
                  + "月"
                  + to.getDayOfMonth()
                  + "日");
        }
        default -> throw bad(k, "统计期间类型应为月度、季度、年度或自定义");
      };
    } catch (DateTimeParseException | NumberFormatException malformed) {
      throw bad(v, "月份应写作“2026-03”");
    }
  }

  private static BusinessRuleException bad(String value, String message) {
    return BusinessRuleException.invalid(
        "PERIOD_FORMAT", "统计期间格式不正确：" + message, "bad period " + value);
  }
}
