package org.casework.assistance.internal;

import java.util.List;
import java.util.Optional;
import org.casework.assistance.HardshipCause;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApplicationRepository extends JpaRepository<ApplicationEntity, Long> {

  Optional<ApplicationEntity> findByCaseNumber(String caseNumber);

  Optional<ApplicationEntity> findByFiledByAndIdempotencyKey(String filedBy, String key);

  /** Earlier applications for the same cause and year that were not refused. */
  @Query(
      "select a from ApplicationEntity a where a.applicantPersonId = ?1 and a.cause = ?2 and a.causeYear = ?3"
          + " and a.caseNumber <> ?4 and (a.outcome is null or a.outcome <> 'REFUSED') order by a.id")
  List<ApplicationEntity> findSameCause(
      long personId, HardshipCause cause, int year, String exceptCaseNumber);

  List<ApplicationEntity> findByApplicantPersonIdOrderByIdDesc(long personId);
}
