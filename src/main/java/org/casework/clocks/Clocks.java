package org.casework.clocks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Legal clocks (法定期限) of cases: start, pause, resume, extend, stop, and what they show. Every
 * operation is written to the case history ({@link ClockRecorded}); repeating one (a retried job)
 * is harmless.
 */
public interface Clocks {

  /** The whole-case clock's key. */
  String CASE_CLOCK = "CASE";

  /** Starts the clock, or returns it when it already exists; empty when no period applies. */
  Optional<ClockView> start(StartClock command);

  /**
   * Pauses a running clock (a paused one stays as it is); empty when the case has no such clock.
   */
  Optional<ClockView> pause(String caseNumber, String clockKey, String reason, String actor);

  /**
   * Resumes a paused clock: its warning points and due day move by the days it stood still. Empty
   * when the case has no such clock.
   */
  Optional<ClockView> resume(String caseNumber, String clockKey, String actor);

  /**
   * Extends the due day by {@code days} of the clock's unit, approved by {@code approver}; refused
   * with a Chinese message beyond the policy's allowance (number of extensions, total days).
   */
  ClockView extend(String caseNumber, String clockKey, int days, String reason, String approver);

  /**
   * Moves a running clock's start back to {@code startedAt} (a case taken over from paper files or
   * another system, whose period began there); refused for a later start or a stopped clock.
   */
  ClockView backdate(
      String caseNumber, String clockKey, java.time.Instant startedAt, String reason, String actor);

  /** Stops the clock for good (stage done, case closed); a stopped clock stays stopped. */
  Optional<ClockView> stop(String caseNumber, String clockKey, String actor);

  /**
   * Stops a stage clock whose task ended without being done (cancelled by an interrupting event or
   * with its instance); recorded as withdrawn, neither on time nor late.
   */
  Optional<ClockView> withdraw(String caseNumber, String clockKey, String reason, String actor);

  /** Stops every clock of a case that still runs or stands paused (the case is closed). */
  int stopAll(String caseNumber, String actor);

  Optional<ClockView> find(String caseNumber, String clockKey);

  /**
   * The earliest due day (China date) of the case's running clocks, in one indexed read; empty when
   * none runs. What an applicant is told as the next deadline.
   */
  Optional<java.time.LocalDate> nextDueDay(String caseNumber);

  /** All clocks of a case, the whole-case clock first. */
  List<ClockView> clocks(String caseNumber);

  /** Notices sent to the case's officers about breaches, oldest first. */
  List<OfficerNotice> officerNotices(String caseNumber);

  /** The policy rows a case of {@code caseType} in {@code regionCode} would start under today. */
  List<DeadlinePolicy> currentPolicy(String caseType, String regionCode);

  /**
   * Records a notice to the officer handling a case (a breach was escalated), once per {@code
   * stepKey}; true when it is new.
   */
  boolean addOfficerNotice(OfficerNotice notice, String stepKey);

  /** Running clocks whose next warning point or due time has passed at {@code now}. */
  List<WatchedClock> alertsDue(Instant now);

  /**
   * Raises the next alert level of a running clock whose point has passed at {@code now}, with its
   * history line; empty when none is due (the clock stopped, or the level is already raised).
   */
  Optional<AlertLevel> raiseAlert(long clockId, Instant now);

  /** The clock {@code clockId} as the deadline watch sees it. */
  WatchedClock watched(long clockId);
}
