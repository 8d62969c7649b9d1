package org.casework.casefile.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseRepository extends JpaRepository<CaseEntity, Long> {

  Optional<CaseEntity> findByCaseNumber(String caseNumber);

  @Query(
      "select c from CaseEntity c where c.processInstanceKey is null and c.filedAt < ?1"
          + " and c.status = org.casework.casefile.CaseStatus.FILED order by c.id")
  List<CaseEntity> findUnstarted(Instant filedBefore);
}
