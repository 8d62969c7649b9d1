package org.casework.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How people read amounts and dates: ¥1,234.00, 2026年3月2日, Asia/Shanghai. */
public final class Formats {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private Formats() {}

  public static String yuan(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormat format =
        new DecimalFormat("¥#,##0.00", DecimalFormatSymbols.getInstance(Locale.CHINA));
    return format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }

  public static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public static String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(CHINA));
  }

  public static LocalDate chinaDate(Instant instant) {
    return instant.atZone(CHINA).toLocalDate();
  }
}
