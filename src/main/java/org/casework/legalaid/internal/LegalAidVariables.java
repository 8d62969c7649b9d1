package org.casework.legalaid.internal;

import java.math.BigDecimal;

/** Process variables of bpmn/legal-aid.bpmn, one record per worker input/output. */
final class LegalAidVariables {

  private LegalAidVariables() {}

  /** What the forms show: read from the case record, personal data masked. */
  record CaseFacts(
      String caseNumber,
      String applicant,
      String idNumber,
      String category,
      String township,
      String matterType,
      String matterSummary,
      String opposingParty,
      String hearingDate,
      String limitationDate,
      String materialsPresent,
      String urgent,
      String hardshipCheck,
      String hardshipGround,
      String lawyers) {}

  /** Candidate groups for this case's region. */
  record Groups(String legalAid) {}

  record LoadedCase(
      CaseFacts caseFacts,
      Groups groups,
      boolean urgent,
      String hardshipCheck,
      boolean granted,
      boolean assigned,
      String materialsDuration,
      String objectionWindow,
      String taskNotice) {}

  record CompletenessInput(String caseNumber, String materialsCheck, String missingMaterials) {}

  record CompletenessOutput(boolean materialsComplete, String taskNotice) {}

  record DecisionInput(
      String caseNumber, String decision, String decisionReason, Boolean hardshipVerified) {}

  record DecisionOutput(String decision, boolean granted, String taskNotice) {}

  record ObjectionInput(String caseNumber, String objectionOutcome, String objectionReason) {}

  record ObjectionOutput(String objectionOutcome, boolean granted, String taskNotice) {}

  record AssignmentInput(String caseNumber, String lawyerUsername) {}

  record AssignmentOutput(String lawyer, boolean assigned, String taskNotice) {}

  record ProgressInput(
      String caseNumber,
      String progressAction,
      String progressNote,
      String terminationGround,
      String terminationReason) {}

  /** The note is cleared so the next round of the case-work form starts empty. */
  record ProgressOutput(String progressAction, String progressNote, String taskNotice) {}

  record ClosingInput(
      String caseNumber, String outcome, BigDecimal moneyRecovered, String closingSummary) {}

  record SurveyInput(String caseNumber, String satisfaction, String surveyComment) {}

  record TaskNotice(String taskNotice) {}

  record CaseOnly(String caseNumber) {}
}
