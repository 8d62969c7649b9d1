package org.casework.condolence.internal;

import java.math.BigDecimal;

/** Process variables of bpmn/condolence.bpmn, one record per worker input/output. */
final class CondolenceVariables {

  private CondolenceVariables() {}

  /** What the forms show, read from the records; personal data masked. */
  record VisitFacts(
      String caseNumber,
      String person,
      String idNumber,
      String category,
      String township,
      String village,
      String household,
      String trigger,
      String description,
      String amount,
      String requestedBy) {}

  record Groups(String townshipCaseworker, String countyApprover) {}

  record LoadedVisit(VisitFacts visitFacts, Groups groups, BigDecimal amount) {}

  record CaseOnly(String caseNumber) {}

  record ConfirmationInput(String caseNumber, String confirmDecision, String confirmNote) {}

  record ApprovalInput(String caseNumber, String approvalDecision, String approvalReason) {}

  record VisitInput(
      String caseNumber,
      String visitedBy,
      String visitedOn,
      String handedOver,
      String receiptRef) {}

  record DeclineInput(String caseNumber, String declineReason) {}

  /** Clears the notice of a task that came back once the input is accepted. */
  record Accepted(String taskNotice) {}

  record DuplicateOutput(String duplicateWarning, String taskNotice) {}

  record PaymentOutput(String disbursementId, BigDecimal paidAmount) {}
}
