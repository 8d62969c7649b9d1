package org.casework.audit;

import java.util.List;
import org.casework.jurisdiction.RegionScope;

/** The audit log as auditors and other modules use it. There is no update or delete. */
public interface AuditLog {

  /** All entries of a case inside the auditor's region, oldest first. */
  List<AuditEntryView> caseTimeline(String caseNumber, RegionScope scope);

  /** The latest entries by one officer inside the auditor's region, newest first. */
  List<AuditEntryView> byActor(String username, RegionScope scope, int limit);

  /** The latest refused accesses (role or region) inside the auditor's region, newest first. */
  List<AuditEntryView> refusals(RegionScope scope, int limit);

  /** Appends the unmasked view at once (not after commit: a read has nothing to commit). */
  void record(PersonalDataViewed event);

  /** Recomputes every hash in order and reports the first broken entry. */
  ChainVerification verify();
}
