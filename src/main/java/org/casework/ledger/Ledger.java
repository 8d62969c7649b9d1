package org.casework.ledger;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.casework.jurisdiction.RegionScope;

/** The benefit ledger: every yuan paid once, to the right person, for one reason. */
public interface Ledger {

  /**
   * Records the disbursement, or returns the one already recorded under the same business key (a
   * retried worker, a race): never a second payment. Refused when another programme already helped
   * the household for the same cause and period and the region's rule blocks it.
   */
  Disbursement disburse(DisbursementRequest request);

  /**
   * Books the reversal (冲正) of a payment: a new line with the negative amount and the reason. The
   * payment itself is never changed; a second reversal of the same payment returns the first.
   */
  Disbursement reverse(String disbursementId, String reason, String recordedBy);

  /** A correction: reverses the payment and books the right amount as the key's next revision. */
  Disbursement correct(String disbursementId, BigDecimal amount, String reason, String recordedBy);

  Optional<Disbursement> find(String disbursementId);

  /** The latest payments of a programme, newest first (for samples and dashboards). */
  List<Disbursement> recentPayments(Programme programme, int limit);

  /** All lines of a case (payments and reversals), oldest first. */
  List<Disbursement> forCase(String caseNumber);

  /**
   * {@link #forCase(String)} for several cases in one read (a person's dossier): every given case
   * number is a key, its lines oldest first (none: an empty list).
   */
  java.util.Map<String, List<Disbursement>> forCases(java.util.Collection<String> caseNumbers);

  /**
   * The lines of a case as {@code scope} may see them: the query filters on the officer's region; a
   * case whose lines lie elsewhere is a 403, recorded as {@code ScopeRefused}.
   */
  List<Disbursement> forCase(String caseNumber, RegionScope scope);

  /** One line, found only inside the officer's region (elsewhere 403, recorded; none 404). */
  Disbursement get(String disbursementId, RegionScope scope);

  /**
   * Totals inside the officer's region: {@code region} blank = the whole region, else a region
   * inside it (a region outside it, e.g. a forged code, is a 403, recorded).
   */
  List<LedgerTotal> totals(RegionScope scope, String region, String period);

  /** {@link #totals(RegionScope, String, String)} as an Excel workbook. */
  byte[] totalsWorkbook(RegionScope scope, String region, String period);

  /** Cross-programme duplicate check before approval. */
  DuplicateCheck checkDuplicates(DuplicateQuery query);

  /**
   * {@link #checkDuplicates(DuplicateQuery)} for an officer: only payments inside the officer's
   * region are considered and shown (a household id is a sequential person id, so another region's
   * payments must not be found by guessing it).
   */
  DuplicateCheck checkDuplicates(DuplicateQuery query, RegionScope scope);

  /**
   * Imports a finance/bank result file (CSV: disbursement id, amount, status, date) and matches
   * every line against the ledger.
   */
  ReconciliationReport reconcile(String fileName, InputStream csv, String importedBy);

  /**
   * An officer's import: recorded as imported by the logged-in officer, in their region; a line
   * naming a payment outside that region is reported as not in the ledger (nothing of it is shown).
   */
  ReconciliationReport reconcile(String fileName, InputStream csv, RegionScope importer);

  /** Any batch, for trusted callers (tests, demo); pages use the scoped one. */
  Optional<ReconciliationReport> reconciliation(long id);

  /** A batch imported inside the officer's region, else empty (same answer as a missing batch). */
  Optional<ReconciliationReport> reconciliation(long id, RegionScope scope);

  /** Totals per region, programme and period; filters are optional (null or blank = all). */
  List<LedgerTotal> totals(String regionPrefix, String period);

  /** The totals as an Excel workbook (.xlsx). */
  byte[] totalsWorkbook(String regionPrefix, String period);

  /**
   * The region's cross-programme rule (county or township code; blank = national default): block,
   * or only warn the approver.
   */
  void setDuplicateRule(String regionCode, boolean blockCrossProgramme, String note);
}
