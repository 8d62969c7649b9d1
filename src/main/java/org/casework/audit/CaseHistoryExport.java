package org.casework.audit;

import org.casework.jurisdiction.RegionScope;

/** A case's audited history as a PDF for auditors; every export is itself an audit entry. */
public interface CaseHistoryExport {

  /**
   * The case's timeline (who, role, what, outcome, reason, hash) and its applicant, for a case
   * inside {@code scope} (else 403, recorded). Personal data is masked — the applicant's name, ID
   * number and phone, and every ID or mobile number typed into a reason — unless {@code unmasked}
   * is asked by a role allowed to ({@code casework.exports.unmasked-roles}) with a {@code reason};
   * that export is also recorded as a view of personal data.
   */
  byte[] pdf(String caseNumber, RegionScope scope, boolean unmasked, String reason);
}
