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

  record CampaignFacts(
      String name, String festival, String budgetLine, String deadline, String amounts) {}

  /** One township of the multi-instance: code, name and the caseworkers' candidate group. */
  record TownshipRef(String code, String name, String caseworkerGroup) {}

  record CampaignLoaded(
      CampaignFacts campaignFacts,
      java.util.List<TownshipRef> townships,
      String countyApproverGroup,
      String deadlineAt) {}

  record CampaignOnly(long campaignId) {}

  record TownshipInput(long campaignId, TownshipRef township) {}

  record ListInput(long campaignId, TownshipRef township, String removals, String additions) {}

  record TownshipApprovalInput(
      long campaignId, TownshipRef township, String approvalDecision, String approvalReason) {}

  record VisitsInput(long campaignId, TownshipRef township, String visitRecords) {}

  record TownshipList(String townshipList, String townshipSummary, String taskNotice) {}

  record TownshipPaid(int paidCount, BigDecimal paidAmount) {}

  record CampaignClosed(String campaignTotals) {}
}
