package org.casework.assistance.internal;

import java.util.Optional;
import java.util.Set;
import org.casework.casefile.CompletionAttempt;
import org.casework.casefile.CompletionRefusal;
import org.casework.casefile.CompletionRule;
import org.springframework.stereotype.Component;

/**
 * Separation of duties in hardship assistance, checked when the task is completed (so the officer
 * reads the refusal in Tasklist and nothing moves): whoever reviewed the case may not approve or
 * countersign it, and 复核 is decided by someone who took no part in the refusal (neither refused nor
 * reviewed the case). From the application's own record of who reviewed and who refused.
 */
@Component
class HardshipCompletionRules implements CompletionRule {

  static final String SEPARATION_OF_DUTIES = "SEPARATION_OF_DUTIES";

  private static final Set<String> APPROVALS =
      Set.of("Task_TownshipHeadApproval", "Task_CountyApproval", "Task_CountyHeadCountersign");

  private final ApplicationRepository applications;

  HardshipCompletionRules(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  public String processKey() {
    return "hardship-assistance";
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(
        "Task_TownshipHeadApproval",
        "Task_CountyApproval",
        "Task_CountyHeadCountersign",
        HardshipSteps.RECONSIDERATION_TASK);
  }

  @Override
  public Optional<CompletionRefusal> check(CompletionAttempt attempt) {
    Optional<ApplicationEntity> found = applications.findByCaseNumber(attempt.caseNumber());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApplicationEntity a = found.get();
    String user = attempt.username();
    if (APPROVALS.contains(attempt.taskKey()) && user.equals(a.getReviewer())) {
      return Optional.of(
          new CompletionRefusal(
              SEPARATION_OF_DUTIES,
              "职责分离：您（" + user + "）是本案的审核人，不能审批或会签本案，请由其他有权人员办理「" + attempt.taskName() + "」"));
    }
    if (HardshipSteps.RECONSIDERATION_TASK.equals(attempt.taskKey())
        && (user.equals(a.getRefusedBy()) || user.equals(a.getReviewer()))) {
      return Optional.of(
          new CompletionRefusal(
              SEPARATION_OF_DUTIES,
              "职责分离：您（" + user + "）参与了原不予帮扶决定（作出决定或审核），不能复核本案，请由未参与原决定的县局审批人复核"));
    }
    return Optional.empty();
  }
}
