package org.casework.ledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.casework.common.BusinessRuleException;
import org.casework.ledger.Disbursement;
import org.casework.ledger.DisbursementRequest;
import org.casework.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class LedgerService implements Ledger {

  private static final Logger log = LoggerFactory.getLogger(LedgerService.class);

  private final DisbursementRepository repository;
  private final DisbursementMapper mapper;
  private final TransactionTemplate newTransaction;
  private final Clock clock;

  LedgerService(
      DisbursementRepository repository,
      DisbursementMapper mapper,
      org.springframework.transaction.PlatformTransactionManager txManager,
      Clock clock) {
    this.repository = repository;
    this.mapper = mapper;
    this.newTransaction = new TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
    this.clock = clock;
  }

  @Override
  public Disbursement disburse(DisbursementRequest r) {
    if (r.amount() == null || r.amount().signum() <= 0) {
      throw BusinessRuleException.invalid(
          "DISBURSEMENT_AMOUNT", "支付金额必须大于零", "non-positive disbursement for " + r.caseNumber());
    }
    BigDecimal amount = r.amount().setScale(2, RoundingMode.HALF_UP);
    var existing = find(r);
    if (existing != null) {
      return checkSameAmount(existing, amount);
    }
    try {
      // own transaction: a unique-key clash must not poison the caller's transaction
      DisbursementEntity saved =
          newTransaction.execute(
              status ->
                  repository.saveAndFlush(
                      new DisbursementEntity(
                          "DB-" + UUID.randomUUID(),
                          r.caseNumber(),
                          r.beneficiaryPersonId(),
                          r.programme(),
                          r.purpose(),
                          r.period(),
                          amount,
                          r.regionCode(),
                          clock.instant())));
      log.info(
          "disbursement {} recorded for case {} ({})",
          saved.getDisbursementId(),
          r.caseNumber(),
          r.purpose());
      return mapper.toView(saved);
    } catch (DataIntegrityViolationException raced) {
      log.info(
          "disbursement for case {} ({}) already recorded by a concurrent run",
          r.caseNumber(),
          r.purpose());
      return checkSameAmount(find(r), amount);
    }
  }

  @Override
  @Transactional(readOnly = true)
  public List<Disbursement> forCase(String caseNumber) {
    return repository.findByCaseNumberOrderByCreatedAtAsc(caseNumber).stream()
        .map(mapper::toView)
        .toList();
  }

  private DisbursementEntity find(DisbursementRequest r) {
    return repository
        .findByCaseNumberAndBeneficiaryPersonIdAndPurposeAndPeriod(
            r.caseNumber(), r.beneficiaryPersonId(), r.purpose(), r.period())
        .orElse(null);
  }

  private Disbursement checkSameAmount(DisbursementEntity existing, BigDecimal amount) {
    if (existing.getAmount().compareTo(amount) != 0) {
      // same key, different amount: not a retry but a conflicting instruction
      throw new IllegalStateException(
          "disbursement "
              + existing.getDisbursementId()
              + " exists with amount "
              + existing.getAmount()
              + ", asked "
              + amount);
    }
    return mapper.toView(existing);
  }
}
