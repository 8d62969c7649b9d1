package org.casework.casefile.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeRepository extends JpaRepository<NoticeEntity, Long> {

  boolean existsByCaseIdAndStepKey(long caseId, String stepKey);

  List<NoticeEntity> findByCaseIdOrderBySentAtAsc(long caseId);
}
