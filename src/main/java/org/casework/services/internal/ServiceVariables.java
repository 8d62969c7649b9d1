package org.casework.services.internal;

import java.util.Map;

/** Process variables of bpmn/service-request.bpmn, one record per worker input/output. */
final class ServiceVariables {

  private ServiceVariables() {}

  record Groups(String stationCaseworker) {}

  /**
   * What the load step writes: the facts the forms show (person masked), who works the tasks,
   * whether the identity is still to be confirmed, and the path the item takes ({@code
   * servicePath}: STATION, REFERRAL or PROXY; the gateway reads it).
   */
  record Loaded(
      Map<String, Object> requestFacts,
      Groups groups,
      boolean verified,
      String servicePath,
      String resultKind,
      boolean supplementUsed,
      boolean needsSupplement) {}

  record CaseOnly(String caseNumber) {}

  record IdentityInput(String caseNumber, String identityDecision, String identityNote) {}

  record Eligible(String eligibility) {}

  record AcceptanceInput(
      String caseNumber,
      String acceptDecision,
      String missingDocuments,
      String acceptNote,
      Boolean supplementUsed) {}

  record AcceptanceOutput(
      boolean needsSupplement, boolean supplementUsed, String supplementDueAt, String taskNotice) {}

  record SupplementInput(String caseNumber, String supplementDecision, String supplementNote) {}

  record Accepted(String taskNotice) {}

  record Declined(String declineReason) {}

  record ReferralOutput(String referralDueAt, String referralRemindAt) {}

  record HandlingInput(String caseNumber, String handlingNote) {}

  record AnswerInput(String caseNumber, String referralAnswer, String answerNote) {}

  record ResultInput(
      String caseNumber,
      String resultOutcome,
      String resultNote,
      String amount,
      String place,
      String employmentStatus) {}

  record FollowUpInput(
      String caseNumber,
      String satisfaction,
      String satisfactionChannel,
      String satisfactionReason,
      String followUpNote) {}

  record DeclineInput(String caseNumber, String declineReason) {}
}
