package org.casework.ledger.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DisbursementRepository extends JpaRepository<DisbursementEntity, Long> {

  Optional<DisbursementEntity> findByCaseNumberAndBeneficiaryPersonIdAndPurposeAndPeriod(
      String caseNumber, long beneficiaryPersonId, String purpose, String period);

  List<DisbursementEntity> findByCaseNumberOrderByCreatedAtAsc(String caseNumber);
}
