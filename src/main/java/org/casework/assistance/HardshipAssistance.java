package org.casework.assistance;

import java.util.Optional;
import org.casework.casefile.CaseView;
import org.casework.jurisdiction.RegionScope;

/** 困难帮扶: filing and what applicants and the public send in while a case runs. */
public interface HardshipAssistance {

  /** Validates, opens the case and starts its process, all or nothing. */
  CaseView apply(ApplyForAssistance application);

  /**
   * As {@link #apply(ApplyForAssistance)}, remembering the client's idempotency key (unique per
   * filing officer): a second submission with the key fails on the unique key and opens nothing.
   */
  CaseView apply(ApplyForAssistance application, String idempotencyKey);

  /** The case an officer already filed with this idempotency key, if any. */
  Optional<CaseView> filedWithKey(String filedBy, String idempotencyKey);

  /**
   * The applicant brought the missing materials (补正): the review resumes. {@code receivedBy} must
   * be an enabled officer whose region covers the case (else 403, recorded).
   */
  void materialsSubmitted(String caseNumber, String note, String receivedBy);

  /** An objection during publicity (公示异议): the case goes back to township review. */
  void objectionLodged(String caseNumber, String objection, String receivedBy);

  /**
   * The applicant asks for 复核 of a refusal (once per case, within the region's period): a county
   * approver who took no part in the refusal decides.
   */
  void reconsiderationRequested(String caseNumber, String reason, String receivedBy);

  ApplicationView application(String caseNumber);

  /** The application of a case inside {@code scope} (else 403, recorded). */
  ApplicationView application(String caseNumber, RegionScope scope);
}
