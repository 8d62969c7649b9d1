package org.casework.ledger.internal;

import org.casework.ledger.Disbursement;
import org.mapstruct.Mapper;

@Mapper
interface DisbursementMapper {

  Disbursement toView(DisbursementEntity entity);
}
