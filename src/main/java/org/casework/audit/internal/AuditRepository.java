package org.casework.audit.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.casework.audit.AuditKind;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Only save and read: a plain {@code Repository}, so there is no delete method to call. */
interface AuditRepository extends Repository<AuditEntryEntity, Long> {

  AuditEntryEntity save(AuditEntryEntity entry);

  boolean existsBySourceKey(String sourceKey);

  /**
   * A locking read: it sees the latest committed entry even when the transaction's snapshot is
   * older (the listener's transaction may have read before it took the chain head's lock).
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<AuditEntryEntity> findFirstByCaseNumberOrderByIdDesc(String caseNumber);

  @Query(
      "select a from AuditEntryEntity a where a.caseNumber = ?1 and a.regionCode like concat(?2,"
          + " '%') order by a.at, a.id")
  List<AuditEntryEntity> caseInScope(String caseNumber, String regionPrefix);

  @Query(
      "select a from AuditEntryEntity a where a.actor = ?1 and a.regionCode like concat(?2, '%')"
          + " order by a.id desc")
  List<AuditEntryEntity> actorInScope(String actor, String regionPrefix, Pageable page);

  /** A page in the pageable's order (the caller's whitelisted properties), with the count. */
  @Query(
      value =
          "select a from AuditEntryEntity a where a.actor = ?1 and a.regionCode like concat(?2,"
              + " '%')",
      countQuery =
          "select count(a) from AuditEntryEntity a where a.actor = ?1 and a.regionCode like"
              + " concat(?2, '%')")
  org.springframework.data.domain.Page<AuditEntryEntity> actorPageInScope(
      String actor, String regionPrefix, Pageable page);

  @Query(
      "select new org.casework.audit.CaseActivity(a.caseNumber, count(a), min(a.at), max(a.at))"
          + " from AuditEntryEntity a where a.actor = ?1 and a.caseNumber is not null"
          + " and a.regionCode like concat(?2, '%') group by a.caseNumber order by max(a.at) desc")
  List<org.casework.audit.CaseActivity> casesOfActor(
      String actor, String regionPrefix, Pageable page);

  @Query(
      "select a from AuditEntryEntity a where a.kind in ?1 and a.regionCode like concat(?2, '%')"
          + " order by a.id desc")
  List<AuditEntryEntity> kindsInScope(List<AuditKind> kinds, String regionPrefix, Pageable page);

  @Query(
      "select a from AuditEntryEntity a where a.actorRole in ?1 and a.regionCode like concat(?2,"
          + " '%') order by a.id desc")
  List<AuditEntryEntity> byActorRolesInScope(
      List<String> roles, String regionPrefix, Pageable page);

  @Query("select a.sourceKey from AuditEntryEntity a where a.sourceKey in ?1")
  List<String> presentSourceKeys(List<String> sourceKeys);
}
