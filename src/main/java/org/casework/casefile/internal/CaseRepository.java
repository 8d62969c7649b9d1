package org.casework.casefile.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseRepository extends JpaRepository<CaseEntity, Long> {

  Optional<CaseEntity> findByCaseNumber(String caseNumber);

  /** Region scoping in the query: the applicant's village (or township) lies under the prefix. */
  @Query(
      "select c from CaseEntity c where c.caseNumber = ?1"
          + " and coalesce(c.villageCode, c.townshipCode) like concat(?2, '%')")
  Optional<CaseEntity> findInScope(String caseNumber, String regionPrefix);

  @Query(
      "select c from CaseEntity c where coalesce(c.villageCode, c.townshipCode) like concat(?1, '%')"
          + " order by c.filedAt desc, c.id desc")
  List<CaseEntity> findAllInScope(String regionPrefix, Pageable page);

  /** A page in the order of the pageable's sort (the caller's whitelisted properties). */
  @Query(
      value =
          "select c from CaseEntity c where coalesce(c.villageCode, c.townshipCode) like concat(?1,"
              + " '%')",
      countQuery =
          "select count(c) from CaseEntity c where coalesce(c.villageCode, c.townshipCode) like"
              + " concat(?1, '%')")
  org.springframework.data.domain.Page<CaseEntity> findPageInScope(
      String regionPrefix, Pageable page);

  @Query(
      "select c from CaseEntity c where c.applicantPersonId = ?1"
          + " and coalesce(c.villageCode, c.townshipCode) like concat(?2, '%')"
          + " order by c.filedAt desc, c.id desc")
  List<CaseEntity> findOfApplicantInScope(long personId, String regionPrefix);

  /**
   * The case of a process instance. Keys are unique per engine cluster; where a database has seen
   * several clusters (a re-created engine, test runs), the newest case wins.
   */
  Optional<CaseEntity> findFirstByProcessInstanceIdOrderByIdDesc(String processInstanceId);
}
