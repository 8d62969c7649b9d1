package org.casework.clocks.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarYearRepository extends JpaRepository<CalendarYearEntity, Long> {

  List<CalendarYearEntity> findByRegionCodeIn(Collection<String> regionCodes);

  List<CalendarYearEntity> findByRegionCodeOrderByYear(String regionCode);

  Optional<CalendarYearEntity> findByRegionCodeAndYear(String regionCode, int year);
}
