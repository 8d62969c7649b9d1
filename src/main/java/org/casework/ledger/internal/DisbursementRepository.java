package org.casework.ledger.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.casework.ledger.EntryType;
import org.casework.ledger.Programme;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DisbursementRepository extends JpaRepository<DisbursementEntity, Long> {

  Optional<DisbursementEntity> findByDisbursementId(String disbursementId);

  Optional<DisbursementEntity>
      findByCaseNumberAndBeneficiaryPersonIdAndPurposeAndPeriodAndRevisionAndEntryType(
          String caseNumber,
          long beneficiaryPersonId,
          String purpose,
          String period,
          int revision,
          EntryType entryType);

  Optional<DisbursementEntity> findByReversesId(String reversesId);

  @Query(
      "select coalesce(max(d.revision), 0) from DisbursementEntity d where d.caseNumber = ?1 and"
          + " d.beneficiaryPersonId = ?2 and d.purpose = ?3 and d.period = ?4")
  int maxRevision(String caseNumber, long beneficiaryPersonId, String purpose, String period);

  List<DisbursementEntity> findByCaseNumberOrderByIdAsc(String caseNumber);

  List<DisbursementEntity> findByCaseNumberInOrderByIdAsc(java.util.Collection<String> caseNumbers);

  @Query(
      "select d from DisbursementEntity d where d.caseNumber = ?1 and d.regionCode like concat(?2,"
          + " '%') order by d.id")
  List<DisbursementEntity> forCaseInScope(String caseNumber, String regionPrefix);

  @Query(
      "select d from DisbursementEntity d where d.disbursementId = ?1 and d.regionCode like"
          + " concat(?2, '%')")
  Optional<DisbursementEntity> findInScope(String disbursementId, String regionPrefix);

  List<DisbursementEntity> findByProgrammeAndEntryTypeOrderByIdDesc(
      Programme programme, EntryType entryType, org.springframework.data.domain.Limit limit);

  /**
   * Payments of other cases and programmes to the household (any of its people, as the booked
   * household or as the beneficiary) for the cause and period.
   */
  @Query(
      "select d from DisbursementEntity d where (d.householdId in ?1 or d.beneficiaryPersonId in"
          + " ?1) and d.cause = ?2 and d.period"
          + " = ?3 and d.programme <> ?4 and d.caseNumber <> ?5 and d.entryType ="
          + " org.casework.ledger.EntryType.PAYMENT and not exists (select r from"
          + " DisbursementEntity r where r.reversesId = d.disbursementId) order by d.id")
  List<DisbursementEntity> standingFromOtherProgrammes(
      Collection<Long> household,
      String cause,
      String period,
      Programme programme,
      String caseNumber);

  List<DisbursementEntity> findByDisbursementIdIn(Collection<String> ids);

  List<DisbursementEntity> findByReversesIdIn(Collection<String> ids);
}
