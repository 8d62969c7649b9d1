package org.casework.clocks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.casework.clocks.CalendarDay;
import org.casework.clocks.CalendarRegion;
import org.casework.clocks.CalendarSnapshot;
import org.casework.clocks.CalendarYear;
import org.casework.clocks.NewCalendarDay;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar rows in the database, with one resolved {@link CalendarSnapshot} cached per calendar
 * owner (county, city, province or nation). A write in this instance invalidates every snapshot (a
 * national day changes all of them); the time-to-live bounds how long another instance's write
 * stays unseen.
 */
@Component
public class CalendarStore {

  static final String DEFAULT_SOURCE = "手工录入";

  private final CalendarDayRepository days;
  private final CalendarYearRepository years;
  private final CalendarMapper mapper;
  private final TransactionTemplate writes;
  private final TransactionTemplate reads;
  private final Clock clock;
  private final Duration timeToLive;

  private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

  /** Bumped after each committed write; a snapshot loaded under an older generation is stale. */
  private final AtomicLong generation = new AtomicLong();

  private record Cached(CalendarSnapshot snapshot, long generation, Instant loadedAt) {}

  CalendarStore(
      CalendarDayRepository days,
      CalendarYearRepository years,
      CalendarMapper mapper,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${casework.sla.calendar-cache-ttl:PT10M}") Duration timeToLive) {
    this.days = days;
    this.years = years;
    this.mapper = mapper;
    this.writes = new TransactionTemplate(transactions);
    this.reads = new TransactionTemplate(transactions);
    this.reads.setReadOnly(true);
    this.clock = clock;
    this.timeToLive = timeToLive;
  }

  /** The resolved calendar of a calendar owner code (see {@link CalendarRegion#calendarOwner}). */
  public CalendarSnapshot snapshot(String owner) {
    Instant now = clock.instant();
    Cached cached = cache.get(owner);
    if (cached != null
        && cached.generation() == generation.get()
        && cached.loadedAt().plus(timeToLive).isAfter(now)) {
      return cached.snapshot();
    }
    long loadedUnder = generation.get();
    CalendarSnapshot snapshot = reads.execute(tx -> load(owner));
    cache.put(owner, new Cached(snapshot, loadedUnder, now));
    return snapshot;
  }

  /** Forgets every snapshot, e.g. after rows were changed outside this store (SQL, tests). */
  public void invalidate() {
    generation.incrementAndGet();
  }

  private CalendarSnapshot load(String owner) {
    List<String> chain = CalendarRegion.chain(owner);
    return CalendarSnapshot.resolve(
        owner,
        mapper.toDayViews(days.findByRegionCodeIn(chain)),
        mapper.toYearViews(years.findByRegionCodeIn(chain)));
  }

  public CalendarDay addDay(NewCalendarDay day) {
    String source =
        day.source() == null || day.source().isBlank() ? DEFAULT_SOURCE : day.source().trim();
    try {
      CalendarDay saved =
          writes.execute(
              tx -> {
                if (days.existsByRegionCodeAndDay(day.regionCode(), day.day())) {
                  throw duplicate(day);
                }
                return mapper.toView(
                    days.saveAndFlush(
                        new CalendarDayEntity(
                            day.regionCode(),
                            day.day(),
                            day.kind(),
                            day.name().trim(),
                            source,
                            clock.instant())));
              });
      generation.incrementAndGet();
      return saved;
    } catch (DataIntegrityViolationException raced) {
      throw duplicate(day);
    }
  }

  public List<CalendarDay> days(String owner, int year) {
    return reads.execute(
        tx ->
            mapper.toDayViews(
                days.findByRegionCodeAndDayBetweenOrderByDay(
                    owner, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))));
  }

  /** Idempotent: marking a loaded year again changes nothing. */
  public CalendarYear markYearLoaded(String owner, int year) {
    CalendarYear saved;
    try {
      saved =
          writes.execute(
              tx ->
                  mapper.toView(
                      years
                          .findByRegionCodeAndYear(owner, year)
                          .map(
                              existing -> {
                                existing.markLoaded(clock.instant());
                                return existing;
                              })
                          .orElseGet(
                              () ->
                                  years.saveAndFlush(
                                      new CalendarYearEntity(
                                          owner, year, true, clock.instant())))));
    } catch (DataIntegrityViolationException raced) {
      // another request marked the same year at the same moment: it is loaded either way
      saved = new CalendarYear(owner, year, true);
    }
    generation.incrementAndGet();
    return saved;
  }

  public List<CalendarYear> years(String owner) {
    return reads.execute(tx -> mapper.toYearViews(years.findByRegionCodeOrderByYear(owner)));
  }

  private static BusinessRuleException duplicate(NewCalendarDay day) {
    String where = day.regionCode().isEmpty() ? "全国" : "地区" + day.regionCode();
    return BusinessRuleException.conflict(
        "SLA_CALENDAR_DAY_EXISTS",
        where + "在" + Formats.date(day.day()) + "已有日历记录，不能重复添加",
        "calendar row exists for region '" + day.regionCode() + "' on " + day.day());
  }
}
