package org.casework.assistance.internal;

import java.math.BigDecimal;

/** Process variables of bpmn/hardship-assistance.bpmn, one record per worker input/output. */
final class HardshipVariables {

  private HardshipVariables() {}

  /** What the forms show: read from the case record, personal data masked. */
  record CaseFacts(
      String caseNumber,
      String applicant,
      String idNumber,
      String category,
      String township,
      String village,
      int householdSize,
      String householdMembers,
      String monthlyIncome,
      String cause,
      String description,
      String amountRequested,
      String emergency,
      String earlierCases,
      String townshipLimit) {}

  /** Candidate groups for this case's region. */
  record Groups(
      String verification,
      String townshipCaseworker,
      String townshipHead,
      String countyApprover,
      String countyHead) {}

  record LoadedCase(
      CaseFacts caseFacts,
      Groups groups,
      BigDecimal amountRequested,
      boolean emergency,
      boolean materialsRequested,
      BigDecimal townshipLimit,
      BigDecimal countersignThreshold,
      BigDecimal publicityThreshold,
      BigDecimal emergencyMax,
      String publicityDuration,
      String materialsDuration,
      String reconsiderationWindow,
      boolean reconsidered) {}

  record ReconsiderationInput(
      String caseNumber, String reconsiderationDecision, String reconsiderationReason) {}

  /** {@code reconsidered} closes the 复核 door for a later refusal (once per case). */
  record ReconsiderationOutput(
      String reconsiderationOutcome, boolean reconsidered, String taskNotice) {}

  record EmergencyInput(String caseNumber, BigDecimal emergencyAmount, String emergencyNote) {}

  record VerificationInput(
      String caseNumber, Boolean verificationConfirmed, String verificationFindings) {}

  record ReviewInput(
      String caseNumber,
      String reviewDecision,
      String reviewReason,
      String missingMaterials,
      BigDecimal recommendedAmount) {}

  record ReviewOutput(
      String reviewOutcome, BigDecimal amount, boolean materialsRequested, String taskNotice) {}

  record ApprovalInput(String caseNumber, String approvalDecision, String approvalReason) {}

  record ApprovalOutput(String approvalOutcome, String taskNotice) {}

  /** {@code taskNotice} is cleared ("") once a step succeeds, so no form shows an old warning. */
  record PaymentOutput(String disbursementId, BigDecimal paidAmount, String taskNotice) {}

  record FollowUpInput(String caseNumber, String followUpNotes) {}

  record CaseOnly(String caseNumber) {}
}
