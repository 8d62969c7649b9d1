package org.casework.condolence.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VisitRepository extends JpaRepository<VisitEntity, Long> {

  Optional<VisitEntity> findByCaseNumber(String caseNumber);

  Optional<VisitEntity> findByDeathOf(Long personId);
}
