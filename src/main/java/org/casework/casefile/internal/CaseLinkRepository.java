package org.casework.casefile.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseLinkRepository extends JpaRepository<CaseLinkEntity, Long> {

  Optional<CaseLinkEntity> findByFromCaseAndToCase(String fromCase, String toCase);

  List<CaseLinkEntity> findByFromCaseOrToCaseOrderByIdAsc(String fromCase, String toCase);
}
