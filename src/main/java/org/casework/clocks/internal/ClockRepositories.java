package org.casework.clocks.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.casework.clocks.ClockState;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClockRepository extends JpaRepository<ClockEntity, Long> {

  Optional<ClockEntity> findByCaseNumberAndClockKey(String caseNumber, String clockKey);

  List<ClockEntity> findByCaseNumberOrderByIdAsc(String caseNumber);

  /** Running clocks whose next warning point or due time has passed (the watcher's work list). */
  @Query(
      """
      select c from ClockEntity c where c.state = :running and (
        (c.alertLevel = org.casework.clocks.AlertLevel.NONE and c.warnFirstAt < :now)
        or (c.alertLevel = org.casework.clocks.AlertLevel.WARN_FIRST and c.warnSecondAt < :now)
        or (c.alertLevel <> org.casework.clocks.AlertLevel.BREACH and c.dueAt < :now))
      """)
  List<ClockEntity> findDue(ClockState running, Instant now);
}

interface PauseRepository extends JpaRepository<PauseEntity, Long> {

  List<PauseEntity> findByClockIdOrderByIdAsc(long clockId);

  Optional<PauseEntity> findFirstByClockIdAndResumedAtIsNullOrderByIdDesc(long clockId);
}

interface ExtensionRepository extends JpaRepository<ExtensionEntity, Long> {

  List<ExtensionEntity> findByClockIdOrderByIdAsc(long clockId);
}
