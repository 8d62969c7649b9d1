package org.casework.audit;

import java.util.List;
import org.casework.jurisdiction.RegionScope;

/** The audit log as auditors and other modules use it. There is no update or delete. */
public interface AuditLog {

  /** All entries of a case inside the auditor's region, oldest first. */
  List<AuditEntryView> caseTimeline(String caseNumber, RegionScope scope);

  /** The latest entries by one officer inside the auditor's region, newest first. */
  List<AuditEntryView> byActor(String username, RegionScope scope, int limit);

  /** Sort keys of {@link #byActorPage}: 时间 (the entry's order in the log, default newest first). */
  org.casework.common.web.PageParams.Sorting BY_ACTOR_SORTING =
      new org.casework.common.web.PageParams.Sorting(List.of("at"), true, 50);

  /** One page of an officer's entries inside the auditor's region, with their number. */
  org.casework.common.web.Paged<AuditEntryView> byActorPage(
      String username, RegionScope scope, org.casework.common.web.PageParams page);

  /** The cases an officer acted on inside the auditor's region, latest activity first. */
  List<CaseActivity> casesOfActor(String username, RegionScope scope, int limit);

  /**
   * Records that an auditor looked people up by ID number (only the masked form of what was typed
   * is stored), at once in its own transaction.
   */
  void recordPersonSearch(RegionScope scope, String maskedQuery, int hits);

  /** The latest refused accesses (role or region) inside the auditor's region, newest first. */
  List<AuditEntryView> refusals(RegionScope scope, int limit);

  /** Appends the unmasked view at once (not after commit: a read has nothing to commit). */
  void record(PersonalDataViewed event);

  /**
   * Appends an access to a person record (dossier opened, sheet imported, register exported) at
   * once, in its own transaction: a read has nothing to commit.
   */
  void record(PersonRecordAccessed event);

  /**
   * Appends several accesses in one transaction (one lock of the chain's head, one commit), in the
   * order given: for callers that queue their entries and write them in batches.
   */
  void recordAll(List<PersonRecordAccessed> events);

  /** The latest entries of a kind inside the auditor's region, newest first. */
  List<AuditEntryView> ofKind(AuditKind kind, RegionScope scope, int limit);

  /**
   * The latest entries of people acting in one of these roles (e.g. the three administrators:
   * logins, staff changes and their refusals) inside the reader's region, newest first.
   */
  List<AuditEntryView> byActorRoles(
      java.util.Set<org.casework.jurisdiction.Role> roles, RegionScope scope, int limit);

  /**
   * Recomputes every hash in order (streamed, constant memory), compares the chain with the last
   * signed checkpoint outside the database, and reports the first broken entry.
   */
  ChainVerification verify();

  /** The latest verification (scheduled or asked for), if one ran since start-up. */
  java.util.Optional<ChainVerification> lastVerification();

  /** Case history lines found without their audit entry, inside the auditor's region. */
  List<AuditEntryView> gaps(RegionScope scope, int limit);

  /** The latest signed checkpoints kept outside the database, oldest first. */
  List<AuditCheckpoint> checkpoints(int limit);

  /** Writes a signed checkpoint of the chain's head now (unless the last one names it). */
  AuditCheckpoint writeCheckpoint();
}
