package org.casework.ledger.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casework.common.BusinessRuleException;
import org.casework.common.Formats;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.ledger.Disbursement;
import org.casework.ledger.DisbursementRequest;
import org.casework.ledger.DuplicateCheck;
import org.casework.ledger.DuplicateQuery;
import org.casework.ledger.EntryType;
import org.casework.ledger.Ledger;
import org.casework.ledger.LedgerTotal;
import org.casework.ledger.Programme;
import org.casework.ledger.ReconciliationReport;
import org.casework.registry.PersonRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class LedgerService implements Ledger {

  private static final Logger log = LoggerFactory.getLogger(LedgerService.class);
  private static final int FIRST_REVISION = 1;

  private final DisbursementRepository repository;
  private final DisbursementMapper mapper;
  private final DuplicateRules rules;
  private final Reconciliations reconciliations;
  private final LedgerTotals totals;
  private final TransactionTemplate write;
  private final Clock clock;
  private final ScopeGuard scopeGuard;
  private final PersonRecords households;

  LedgerService(
      DisbursementRepository repository,
      DisbursementMapper mapper,
      DuplicateRules rules,
      Reconciliations reconciliations,
      LedgerTotals totals,
      PlatformTransactionManager txManager,
      Clock clock,
      ScopeGuard scopeGuard,
      PersonRecords households) {
    this.scopeGuard = scopeGuard;
    this.households = households;
    this.repository = repository;
    this.mapper = mapper;
    this.rules = rules;
    this.reconciliations = reconciliations;
    this.totals = totals;
    this.write = new TransactionTemplate(txManager);
    // a payment joins the caller's transaction: booked by a process step, it commits together with
    // the engine's move to the next element or not at all (a retried step finds it and pays nothing
    // more); called alone, it has a transaction of its own
    this.write.setPropagationBehavior(Propagation.REQUIRED.value());
    this.clock = clock;
  }

  @Override
  public Disbursement disburse(DisbursementRequest r) {
    BigDecimal amount = positive(r.amount(), r.caseNumber());
    var existing = firstPayment(r);
    if (existing != null) {
      return checkSameAmount(existing, amount);
    }
    DuplicateCheck duplicates =
        checkDuplicates(
            new DuplicateQuery(
                r.caseNumber(),
                r.householdId(),
                r.programme(),
                r.cause(),
                r.period(),
                r.regionCode()));
    if (duplicates.blocked()) {
      throw BusinessRuleException.conflict(
          "DISBURSEMENT_CROSS_PROGRAMME_DUPLICATE",
          duplicates.message(),
          "case " + r.caseNumber() + " blocked by " + duplicates.others().size() + " payment(s)");
    }
    try {
      // a unique-key clash means a concurrent run booked it first: alone, answer with that payment;
      // inside a step, the step's transaction is rolled back and its retry finds the payment
      DisbursementEntity saved =
          write.execute(
              status ->
                  repository.saveAndFlush(
                      DisbursementEntity.payment(
                          newId(),
                          r.caseNumber(),
                          r.beneficiaryPersonId(),
                          r.householdId(),
                          r.programme(),
                          r.purpose(),
                          r.cause(),
                          r.period(),
                          FIRST_REVISION,
                          amount,
                          r.regionCode(),
                          null,
                          null,
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
      return checkSameAmount(firstPayment(r), amount);
    }
  }

  @Override
  public Disbursement reverse(String disbursementId, String reason, String recordedBy) {
    String why = requireReason(reason, disbursementId);
    DisbursementEntity payment = payment(disbursementId);
    var done = repository.findByReversesId(disbursementId);
    if (done.isPresent()) {
      return mapper.toView(done.get());
    }
    try {
      DisbursementEntity saved =
          write.execute(
              status ->
                  repository.saveAndFlush(
                      payment.reversal(newId(), why, actor(recordedBy), clock.instant())));
      log.info("disbursement {} reversed by {}", disbursementId, saved.getDisbursementId());
      return mapper.toView(saved);
    } catch (DataIntegrityViolationException raced) {
      return mapper.toView(repository.findByReversesId(disbursementId).orElseThrow(() -> raced));
    }
  }

  @Override
  public Disbursement correct(
      String disbursementId, BigDecimal amount, String reason, String recordedBy) {
    String why = requireReason(reason, disbursementId);
    BigDecimal corrected = positive(amount, disbursementId);
    DisbursementEntity payment = payment(disbursementId);
    if (repository.findByReversesId(disbursementId).isPresent()) {
      throw BusinessRuleException.conflict(
          "DISBURSEMENT_ALREADY_REVERSED",
          "该笔支付已冲正，不能再更正；请更正其最新一笔支付",
          "correction of reversed " + disbursementId);
    }
    try {
      DisbursementEntity saved =
          write.execute(
              status -> {
                repository.saveAndFlush(
                    payment.reversal(newId(), why, actor(recordedBy), clock.instant()));
                int next =
                    repository.maxRevision(
                            payment.getCaseNumber(),
                            payment.getBeneficiaryPersonId(),
                            payment.getPurpose(),
                            payment.getPeriod())
                        + 1;
                return repository.saveAndFlush(
                    DisbursementEntity.payment(
                        newId(),
                        payment.getCaseNumber(),
                        payment.getBeneficiaryPersonId(),
                        payment.getHouseholdId(),
                        payment.getProgramme(),
                        payment.getPurpose(),
                        payment.getCause(),
                        payment.getPeriod(),
                        next,
                        corrected,
                        payment.getRegionCode(),
                        "更正 " + disbursementId + "：" + why,
                        actor(recordedBy),
                        clock.instant()));
              });
      log.info("disbursement {} corrected by {}", disbursementId, saved.getDisbursementId());
      return mapper.toView(saved);
    } catch (DataIntegrityViolationException raced) {
      throw BusinessRuleException.conflict(
          "DISBURSEMENT_ALREADY_REVERSED",
          "该笔支付刚被他人冲正或更正，请刷新后查看",
          "concurrent correction of " + disbursementId);
    }
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Disbursement> find(String disbursementId) {
    return repository.findByDisbursementId(disbursementId).map(mapper::toView);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Disbursement> recentPayments(Programme programme, int limit) {
    return repository
        .findByProgrammeAndEntryTypeOrderByIdDesc(
            programme, EntryType.PAYMENT, Limit.of(Math.max(1, Math.min(limit, 1000))))
        .stream()
        .map(mapper::toView)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Disbursement> forCase(String caseNumber) {
    return repository.findByCaseNumberOrderByIdAsc(caseNumber).stream()
        .map(mapper::toView)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Map<String, List<Disbursement>> forCases(
      java.util.Collection<String> caseNumbers) {
    java.util.Map<String, List<Disbursement>> lines = new java.util.LinkedHashMap<>();
    caseNumbers.forEach(c -> lines.put(c, new java.util.ArrayList<>()));
    if (!caseNumbers.isEmpty()) {
      for (DisbursementEntity d : repository.findByCaseNumberInOrderByIdAsc(caseNumbers)) {
        lines.get(d.getCaseNumber()).add(mapper.toView(d));
      }
    }
    return lines;
  }

  @Override
  @Transactional(readOnly = true)
  public DuplicateCheck checkDuplicates(DuplicateQuery q) {
    return duplicates(q, d -> true);
  }

  @Override
  @Transactional(readOnly = true)
  public DuplicateCheck checkDuplicates(DuplicateQuery q, RegionScope scope) {
    return duplicates(q, d -> covers(scope, d.regionCode()));
  }

  private static boolean covers(RegionScope scope, String regionCode) {
    try {
      return regionCode != null && scope.covers(RegionCode.parse(regionCode));
    } catch (RuntimeException e) {
      return false; // not a region code: covered by nobody
    }
  }

  private DuplicateCheck duplicates(
      DuplicateQuery q, java.util.function.Predicate<Disbursement> visible) {
    List<Disbursement> others =
        repository
            .standingFromOtherProgrammes(
                households.householdOf(q.householdId()),
                q.cause(),
                q.period(),
                q.programme(),
                q.caseNumber())
            .stream()
            .map(mapper::toView)
            .filter(visible)
            .toList();
    if (others.isEmpty()) {
      return new DuplicateCheck(List.of(), false, "");
    }
    boolean blocked = rules.blocksCrossProgramme(q.regionCode());
    String list =
        others.stream()
            .map(
                d ->
                    "「"
                        + d.programme().label()
                        + "」案件 "
                        + d.caseNumber()
                        + " 已发放 "
                        + Formats.yuan(d.amount()))
            .collect(Collectors.joining("；"));
    String message =
        "该户在 "
            + q.period()
            + " 期间已因同一事由获得其他项目帮助："
            + list
            + (blocked ? "。本地区规定不得重复发放。" : "。请审批人核实后决定。");
    return new DuplicateCheck(others, blocked, message);
  }

  @Override
  public ReconciliationReport reconcile(String fileName, InputStream csv, String importedBy) {
    return reconciliations.importFile(fileName, csv, actor(importedBy), null);
  }

  @Override
  public ReconciliationReport reconcile(String fileName, InputStream csv, RegionScope importer) {
    return reconciliations.importFile(fileName, csv, importer.username(), importer);
  }

  @Override
  public Optional<ReconciliationReport> reconciliation(long id) {
    return reconciliations.find(id);
  }

  @Override
  public Optional<ReconciliationReport> reconciliation(long id, RegionScope scope) {
    return reconciliations
        .regionOf(id)
        .filter(r -> covers(scope, r))
        .flatMap(r -> reconciliations.find(id));
  }

  @Override
  @Transactional(readOnly = true)
  public List<Disbursement> forCase(String caseNumber, RegionScope scope) {
    List<DisbursementEntity> lines = repository.forCaseInScope(caseNumber, scope.prefix());
    if (lines.isEmpty()) {
      repository.findByCaseNumberOrderByIdAsc(caseNumber).stream()
          .findFirst()
          .ifPresent(
              elsewhere -> {
                throw scopeGuard.refuse(
                    scope, RegionCode.parse(elsewhere.getRegionCode()), caseNumber, "查看支付台账");
              });
    }
    return lines.stream().map(mapper::toView).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Disbursement get(String disbursementId, RegionScope scope) {
    return repository
        .findInScope(disbursementId, scope.prefix())
        .map(mapper::toView)
        .orElseThrow(
            () -> {
              DisbursementEntity elsewhere =
                  repository
                      .findByDisbursementId(disbursementId)
                      .orElseThrow(
                          () ->
                              BusinessRuleException.notFound(
                                  "DISBURSEMENT_UNKNOWN",
                                  "台账中没有支付编号 " + disbursementId,
                                  "no disbursement " + disbursementId));
              return scopeGuard.refuse(
                  scope,
                  RegionCode.parse(elsewhere.getRegionCode()),
                  elsewhere.getCaseNumber(),
                  "查看或冲正支付 " + disbursementId);
            });
  }

  @Override
  public List<LedgerTotal> totals(RegionScope scope, String region, String period) {
    return totals.totals(scopedRegion(scope, region), period);
  }

  @Override
  public byte[] totalsWorkbook(RegionScope scope, String region, String period) {
    return totals.workbook(scopedRegion(scope, region), period);
  }

  /** The region to filter on: the officer's own when blank, else one inside it (or a 403). */
  private String scopedRegion(RegionScope scope, String region) {
    if (region == null || region.isBlank()) {
      return scope.prefix();
    }
    RegionCode asked = RegionCode.parse(region.strip());
    scopeGuard.require(scope, asked, null, "查看支付汇总");
    return asked.value();
  }

  @Override
  public List<LedgerTotal> totals(String regionPrefix, String period) {
    return totals.totals(regionPrefix, period);
  }

  @Override
  public byte[] totalsWorkbook(String regionPrefix, String period) {
    return totals.workbook(regionPrefix, period);
  }

  @Override
  public void setDuplicateRule(String regionCode, boolean blockCrossProgramme, String note) {
    rules.set(regionCode, blockCrossProgramme, note);
  }

  private DisbursementEntity payment(String disbursementId) {
    DisbursementEntity entry =
        repository
            .findByDisbursementId(disbursementId)
            .orElseThrow(
                () ->
                    BusinessRuleException.notFound(
                        "DISBURSEMENT_UNKNOWN",
                        "台账中没有支付编号 " + disbursementId,
                        "no disbursement " + disbursementId));
    if (entry.getEntryType() != EntryType.PAYMENT) {
      throw BusinessRuleException.invalid(
          "DISBURSEMENT_NOT_A_PAYMENT", "冲正记录本身不能再冲正或更正", disbursementId + " is a reversal");
    }
    return entry;
  }

  private DisbursementEntity firstPayment(DisbursementRequest r) {
    return repository
        .findByCaseNumberAndBeneficiaryPersonIdAndPurposeAndPeriodAndRevisionAndEntryType(
            r.caseNumber(),
            r.beneficiaryPersonId(),
            r.purpose(),
            r.period(),
            FIRST_REVISION,
            EntryType.PAYMENT)
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

  private static BigDecimal positive(BigDecimal amount, String ref) {
    if (amount == null || amount.signum() <= 0) {
      throw BusinessRuleException.invalid(
          "DISBURSEMENT_AMOUNT", "支付金额必须大于零", "non-positive disbursement for " + ref);
    }
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static String requireReason(String reason, String ref) {
    if (reason == null || reason.isBlank()) {
      throw BusinessRuleException.invalid(
          "REVERSAL_REASON_REQUIRED", "冲正或更正必须写明原因", "no reason for reversal of " + ref);
    }
    String r = reason.strip();
    if (r.length() > 500) {
      throw BusinessRuleException.invalid(
          "REVERSAL_REASON_TOO_LONG", "原因不能超过500字", "reason too long for " + ref);
    }
    return r;
  }

  private static String actor(String by) {
    return by == null || by.isBlank() ? "system" : by.strip();
  }

  private static String newId() {
    return "DB-" + UUID.randomUUID();
  }
}
