package org.casework.clocks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A region's calendar in memory: the national rows overridden by the rows of each prefix of the
 * region's code (province, city, county), the most specific winning; the same for loaded years.
 * Immutable, so it can be cached and shared.
 *
 * @param regionCode the calendar owner the snapshot was resolved for ("" or up to 6 digits)
 * @param days the resolved rows by date
 * @param loadedYears years whose holiday notice is loaded for the region
 */
public record CalendarSnapshot(
    String regionCode, Map<LocalDate, Entry> days, Set<Integer> loadedYears) {

  /** The row that decides a date, and who it came from. */
  public record Entry(DayKind kind, String name, String regionCode) {}

  public CalendarSnapshot {
    days = Map.copyOf(days);
    loadedYears = Set.copyOf(loadedYears);
  }

  /**
   * Resolves {@code regionCode}'s calendar from rows of any regions; rows of regions outside the
   * code's chain (other provinces, sibling counties) are ignored.
   */
  public static CalendarSnapshot resolve(
      String regionCode, Collection<CalendarDay> rows, Collection<CalendarYear> years) {
    String owner = CalendarRegion.calendarOwner(regionCode);
    List<String> chain = CalendarRegion.chain(owner);

    Map<LocalDate, Entry> days = new HashMap<>();
    rows.stream()
        .filter(row -> chain.contains(CalendarRegion.normalize(row.regionCode())))
        .sorted(Comparator.comparingInt(row -> CalendarRegion.normalize(row.regionCode()).length()))
        .forEach(
            row ->
                days.put(
                    row.day(),
                    new Entry(row.kind(), row.name(), CalendarRegion.normalize(row.regionCode()))));

    Map<Integer, Boolean> loaded = new HashMap<>();
    years.stream()
        .filter(year -> chain.contains(CalendarRegion.normalize(year.regionCode())))
        .sorted(
            Comparator.comparingInt(year -> CalendarRegion.normalize(year.regionCode()).length()))
        .forEach(year -> loaded.put(year.year(), year.loaded()));
    Set<Integer> loadedYears = new TreeSet<>();
    loaded.forEach(
        (year, isLoaded) -> {
          if (isLoaded) {
            loadedYears.add(year);
          }
        });
    return new CalendarSnapshot(owner, days, loadedYears);
  }

  public Optional<Entry> entry(LocalDate day) {
    return Optional.ofNullable(days.get(day));
  }

  /**
   * A make-up working day (调休) works, a holiday rests, any other day follows the normal week. Rows
   * of a year without a loaded notice (e.g. a county's local holiday) still apply.
   */
  public boolean isWorkingDay(LocalDate day) {
    Entry entry = days.get(day);
    if (entry != null) {
      return entry.kind() == DayKind.WORKDAY;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  public boolean isLoaded(int year) {
    return loadedYears.contains(year);
  }
}
