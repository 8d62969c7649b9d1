package org.casework.casefile.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface HistoryRepository extends JpaRepository<HistoryEntity, Long> {

  boolean existsByCaseIdAndStepKey(long caseId, String stepKey);

  boolean existsByCaseIdAndActor(long caseId, String actor);

  List<HistoryEntity> findByIdGreaterThanOrderByIdAsc(long id, Pageable page);

  List<HistoryEntity> findByCaseIdOrderByAtAscIdAsc(long caseId);

  Optional<HistoryEntity> findFirstByCaseIdAndElementIdOrderByIdDesc(long caseId, String elementId);
}
