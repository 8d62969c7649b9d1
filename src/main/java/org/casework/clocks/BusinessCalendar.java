package org.casework.clocks;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.casework.clocks.internal.CalendarStore;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The business calendar: due dates of legal periods for a region, and its administration. Region
 * codes: "" national, 2/4/6 digits province/city/county; 9/12-digit township and village codes
 * follow their county. Counting rules: {@link DayCounter}.
 */
@Service
public class BusinessCalendar {

  private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final CalendarStore store;
  private final Validator validator;
  private final Set<String> warnedFallBacks = ConcurrentHashMap.newKeySet();

  public BusinessCalendar(CalendarStore store, Validator validator) {
    this.store = store;
    this.validator = validator;
  }

  /**
   * When a period of {@code amount} {@code unit} starting after {@code start} ends in {@code
   * regionCode}, with the days skipped on the way.
   */
  public DueDate due(String regionCode, LocalDate start, int amount, PeriodUnit unit) {
    String owner = CalendarRegion.calendarOwner(regionCode);
    DueDate due = DayCounter.due(store.snapshot(owner), start, amount, unit);
    due.yearsWithoutCalendar().forEach(year -> warnFallBack(owner, year));
    return due;
  }

  /** {@link #due} as the last second of the due day in Asia/Shanghai, for Camunda due dates. */
  public Instant dueInstant(String regionCode, LocalDate start, int amount, PeriodUnit unit) {
    return due(regionCode, start, amount, unit).dueInstant();
  }

  /**
   * Days of {@code unit} after {@code after} up to and including {@code through} (see {@link
   * DayCounter#counted}).
   */
  public int countedDays(String regionCode, LocalDate after, LocalDate through, PeriodUnit unit) {
    String owner = CalendarRegion.calendarOwner(regionCode);
    return DayCounter.counted(store.snapshot(owner), after, through, unit);
  }

  /** The {@code workingDays}-th working day after {@code start}. */
  public LocalDate addWorkingDays(String regionCode, LocalDate start, int workingDays) {
    return due(regionCode, start, workingDays, PeriodUnit.WORKING_DAYS).due();
  }

  public boolean isWorkingDay(String regionCode, LocalDate day) {
    String owner = CalendarRegion.calendarOwner(regionCode);
    CalendarSnapshot calendar = store.snapshot(owner);
    if (!calendar.isLoaded(day.getYear())) {
      warnFallBack(owner, day.getYear());
    }
    return calendar.isWorkingDay(day);
  }

  /** 23:59:59 of {@code day} in Asia/Shanghai. */
  public static Instant endOfDay(LocalDate day) {
    return day.atTime(END_OF_DAY).atZone(Formats.CHINA).toInstant();
  }

  /**
   * Adds a holiday or make-up working day.
   *
   * @throws BusinessRuleException INVALID if the day breaks a rule of {@link NewCalendarDay},
   *     CONFLICT if the region already has a row for the day
   */
  public CalendarDay addDay(NewCalendarDay day) {
    validator.validate(day).stream()
        .min(Comparator.comparing(ConstraintViolation::getMessage))
        .ifPresent(
            violation -> {
              throw BusinessRuleException.invalid(
                  "SLA_CALENDAR_DAY_INVALID",
                  violation.getMessage(),
                  "calendar day rejected at " + violation.getPropertyPath());
            });
    return store.addDay(day);
  }

  /** The rows stored for exactly {@code regionCode} in {@code year} (not the resolved calendar). */
  public List<CalendarDay> days(String regionCode, int year) {
    return store.days(ownerCode(regionCode), year);
  }

  /** Records that the holiday notice of {@code year} is loaded for the region: no fall-back. */
  public CalendarYear markYearLoaded(String regionCode, int year) {
    checkYear(year);
    return store.markYearLoaded(ownerCode(regionCode), year);
  }

  public List<CalendarYear> years(String regionCode) {
    return store.years(ownerCode(regionCode));
  }

  private static String ownerCode(String regionCode) {
    String code = CalendarRegion.normalize(regionCode);
    if (!CalendarRegion.isOwnerCode(code)) {
      throw BusinessRuleException.invalid(
          "SLA_REGION_CODE_FORMAT",
          "地区代码须为空（全国）或2位（省）、4位（市）、6位（县）数字",
          "calendar owner code is not '', 2, 4 or 6 digits (length " + code.length() + ")");
    }
    return code;
  }

  private static void checkYear(int year) {
    if (year < 2000 || year > 2100) {
      throw BusinessRuleException.invalid(
          "SLA_CALENDAR_YEAR_OUT_OF_RANGE", "年份须在2000到2100之间", "calendar year " + year);
    }
  }

  private void warnFallBack(String owner, int year) {
    if (warnedFallBacks.add(owner + "/" + year)) {
      log.warn(
          "No holiday notice loaded for region '{}' in {}: counting plain Monday–Friday weeks"
              + " there",
          owner,
          year);
    }
  }
}
