package org.casework.clocks.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarDayRepository extends JpaRepository<CalendarDayEntity, Long> {

  List<CalendarDayEntity> findByRegionCodeIn(Collection<String> regionCodes);

  List<CalendarDayEntity> findByRegionCodeAndDayBetweenOrderByDay(
      String regionCode, LocalDate from, LocalDate to);

  boolean existsByRegionCodeAndDay(String regionCode, LocalDate day);
}
