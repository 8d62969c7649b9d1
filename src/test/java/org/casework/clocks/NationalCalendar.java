package org.casework.clocks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The national rows exactly as the product ships them: read from the Flyway migration on the class
 * path, so the unit tests count on the same data as the database.
 */
final class NationalCalendar {

  static final String MIGRATION = "/db/migration/V20__sla_calendar.sql";

  private static final Pattern DAY =
      Pattern.compile(
          "\\('', '(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)', '([^']+)', '[^']*'\\)");
  private static final Pattern YEAR = Pattern.compile("\\('', (\\d{4}), TRUE\\)");

  private NationalCalendar() {}

  static List<CalendarDay> days() {
    List<CalendarDay> days = new ArrayList<>();
    Matcher m = DAY.matcher(migration());
    while (m.find()) {
      days.add(
          CalendarDay.of("", LocalDate.parse(m.group(1)), DayKind.valueOf(m.group(2)), m.group(3)));
    }
    return days;
  }

  static List<CalendarYear> years() {
    List<CalendarYear> years = new ArrayList<>();
    Matcher m = YEAR.matcher(migration());
    while (m.find()) {
      years.add(new CalendarYear("", Integer.parseInt(m.group(1)), true));
    }
    return years;
  }

  private static String migration() {
    try (InputStream in = NationalCalendar.class.getResourceAsStream(MIGRATION)) {
      if (in == null) {
        throw new IllegalStateException(MIGRATION + " not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
