package org.casework.citizen.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseView;
import org.casework.citizen.LookupAnswer;
import org.casework.citizen.LookupAnswer.NoticeLine;
import org.casework.citizen.LookupAnswer.Outcome;
import org.casework.citizen.PublicLookup;
import org.casework.clocks.Clocks;
import org.casework.common.Formats;
import org.casework.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public lookup. An unknown number and a wrong tail take the same path: the case is looked up
 * (or not found), the applicant's tail is read (for no case: a read of person id -1, which finds
 * nothing, so the same two queries run) and compared in constant time with a placeholder that no
 * typed tail can equal; both then count a miss. Only a match reads stage, clocks and notices.
 */
@Service
class LookupService implements PublicLookup {

  private static final Logger log = LoggerFactory.getLogger(LookupService.class);
  private static final Pattern NUMBER = Pattern.compile("[A-Z]{2}-[0-9]{6}-[0-9]{4}-[0-9]{1,10}");
  private static final Pattern TAIL = Pattern.compile("[0-9]{3}[0-9X]");

  /** Never equal to a typed tail (which is checked against {@link #TAIL} first). */
  private static final byte[] NO_TAIL = {0, 0, 0, 0};

  private final CaseFiles caseFiles;
  private final Registry registry;
  private final Clocks clocks;
  private final LookupThrottle throttle;
  private final LookupAudit audit;
  private final TransactionTemplate reads;

  LookupService(
      CaseFiles caseFiles,
      Registry registry,
      Clocks clocks,
      LookupThrottle throttle,
      LookupAudit audit,
      PlatformTransactionManager transactions) {
    this.caseFiles = caseFiles;
    this.registry = registry;
    this.clocks = clocks;
    this.throttle = throttle;
    this.audit = audit;
    this.reads = new TransactionTemplate(transactions);
    this.reads.setReadOnly(true);
  }

  @Override
  public LookupAnswer lookup(String caseNumber, String idTail, String clientAddress) {
    String number = normalise(caseNumber, 40);
    String tail = normalise(idTail, 8);
    if (number.isEmpty() || !TAIL.matcher(tail).matches()) {
      audit.lookedUp(clientAddress, Outcome.INVALID, null, null);
      return LookupAnswer.invalid();
    }
    if (throttle.isLocked(number, clientAddress)) {
      log.warn("public lookup refused: number or address {} locked", clientAddress);
      audit.lookedUp(clientAddress, Outcome.THROTTLED, null, null);
      return LookupAnswer.throttled();
    }
    // the reads in one read-only transaction (one connection, no flush); the throttle and the
    // audit count after it, in memory (a lock they write is not a read-only statement)
    Found found = reads.execute(st -> read(number, tail));
    if (found == null) {
      throttle.missed(number, clientAddress);
      audit.lookedUp(clientAddress, Outcome.NOT_MATCHED, null, null);
      return LookupAnswer.notMatched();
    }
    throttle.matched(number);
    audit.lookedUp(clientAddress, Outcome.FOUND, found.number(), found.region());
    return found.answer();
  }

  private record Found(String number, String region, LookupAnswer answer) {}

  /**
   * The case's answer when the number and the tail match, else null (the same reads either way).
   */
  private Found read(String number, String tail) {
    // a number of the wrong shape is looked up all the same (same work, same answer)
    Optional<CaseView> found =
        caseFiles.find(NUMBER.matcher(number).matches() ? number : "XX-000000-0000-0");
    byte[] expected =
        registry
            .idTail(found.map(CaseView::applicantPersonId).orElse(-1L))
            .map(t -> t.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))
            .filter(b -> found.isPresent())
            .orElse(NO_TAIL);
    boolean tailMatches = MessageDigest.isEqual(expected, tail.getBytes(StandardCharsets.UTF_8));
    if (!(tailMatches & found.isPresent())) {
      return null;
    }
    CaseView c = found.get();
    boolean closed = c.status().isClosed();
    return new Found(
        c.caseNumber(),
        c.regionCode(),
        new LookupAnswer(
            Outcome.FOUND,
            c.caseNumber(),
            c.type().label(),
            c.status().label(),
            closed,
            closed ? null : nextDeadline(c),
            caseFiles.notices(c.caseNumber()).stream()
                .map(
                    n ->
                        new NoticeLine(n.title(), Formats.chinaDate(n.sentAt()), n.deliveryLabel()))
                .toList()));
  }

  /** The earliest due day of the case's running clocks, else the stage's due date. */
  private LocalDate nextDeadline(CaseView c) {
    return clocks
        .nextDueDay(c.caseNumber())
        .orElse(c.stageDueAt() == null ? null : Formats.chinaDate(c.stageDueAt()));
  }

  /** NFKC (full-width digits and letters), no spaces, upper case, at most {@code max} chars. */
  static String normalise(String s, int max) {
    if (s == null) {
      return "";
    }
    String n =
        Normalizer.normalize(s, Normalizer.Form.NFKC)
            .replaceAll("\\s+", "")
            .toUpperCase(Locale.ROOT);
    return n.length() > max ? n.substring(0, max) : n;
  }
}
