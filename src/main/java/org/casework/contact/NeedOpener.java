package org.casework.contact;

import java.time.LocalDate;

/**
 * Opens what answers a need found on a visit (a legal-aid consultation, a service request …). Which
 * opener a need kind uses is data ({@code contact_need_opener}: need kind → {@link #key()}); the
 * contact programme calls the opener after the visit has committed, once per visit, inside a
 * transaction that also stores the returned reference on the visit. A business refusal is a {@code
 * BusinessRuleException} whose Chinese message is kept on the visit for the liaison to see.
 */
public interface NeedOpener {

  /** The opener's key in {@code contact_need_opener.opener}. */
  String key();

  /** Opens the record for the need; called at most once per visit (unless it was refused). */
  Opened open(FoundNeed need);

  /**
   * The need as the visit recorded it; {@code recordedBy} is the liaison who recorded the visit.
   */
  record FoundNeed(
      long visitId,
      long personId,
      String townshipCode,
      String villageCode,
      NeedKind kind,
      String needText,
      String findings,
      LocalDate visitedOn,
      ContactMethod method,
      String recordedBy) {}

  /**
   * What was opened: a label for pages ("法律援助咨询"), its reference (stored on the visit) and a page
   * that shows it (may be null).
   */
  record Opened(String label, String reference, String link) {}
}
