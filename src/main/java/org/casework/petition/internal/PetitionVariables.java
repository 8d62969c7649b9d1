package org.casework.petition.internal;

/** Process variables of bpmn/petition.bpmn, one record per worker input/output. */
final class PetitionVariables {

  private PetitionVariables() {}

  /** What the forms show, read from the records; personal data masked. */
  record PetitionFacts(
      String caseNumber,
      String channel,
      String petitioners,
      int groupSize,
      String subject,
      String requests,
      String unit,
      String registeredAt,
      String decisionDue,
      String sameMatter) {}

  /** Candidate groups of the tasks; review and re-review may name two (comma-separated). */
  record Groups(String handling, String head, String review, String rereview) {}

  record Loaded(PetitionFacts petitionFacts, Groups groups, String taskNotice) {}

  record CaseOnly(String caseNumber) {}

  record DecisionInput(
      String caseNumber,
      String decision,
      String decisionReason,
      String transferTo,
      String handlingOfficer) {}

  /** {@code handlingOfficer} as recorded (trimmed): the assignee of the handling tasks. */
  record DecisionOutput(
      String decision, String handlingOfficer, String handlingDue, String taskNotice) {}

  /** After an opinion or review notice: how long the petitioner may ask for the next step. */
  record NoticeOutput(String requestWindow, String requestDue) {}

  record InvestigationInput(String caseNumber, String investigationFindings) {}

  record MeetingInput(String caseNumber, String meetingOn, String meetingSummary) {}

  record OpinionInput(
      String caseNumber,
      String opinionAction,
      String opinionText,
      Integer extensionDays,
      String extensionReason) {}

  record OpinionOutput(String opinionAction, String taskNotice) {}

  record ExtensionInput(
      String caseNumber,
      String extensionDecision,
      String extensionNote,
      Integer extensionDays,
      String extensionReason) {}

  record ExtensionOutput(boolean extensionApproved, String handlingDue, String taskNotice) {}

  record ReviewInput(String caseNumber, String reviewOutcome, String reviewOpinion) {}

  record ReReviewInput(String caseNumber, String rereviewOutcome, String rereviewOpinion) {}

  /** Clears the notice of a task that came back once the input is accepted. */
  record Accepted(String taskNotice) {}
}
