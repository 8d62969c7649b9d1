package org.casework.legalaid.internal;

import java.util.Optional;
import java.util.Set;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CompletionAttempt;
import org.casework.casefile.CompletionRefusal;
import org.casework.casefile.CompletionRule;
import org.springframework.stereotype.Component;

/**
 * Separation of duties in legal aid, checked when the task is completed: the decision on an
 * objection to a refusal (Art. 49) is recorded by someone other than the officer who refused. From
 * the case's history of who completed the decision.
 */
@Component
class LegalAidCompletionRules implements CompletionRule {

  static final String SEPARATION_OF_DUTIES = "SEPARATION_OF_DUTIES";

  private final CaseFiles caseFiles;

  LegalAidCompletionRules(CaseFiles caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public String processKey() {
    return "legal-aid";
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(LegalAidSteps.OBJECTION_TASK);
  }

  @Override
  public Optional<CompletionRefusal> check(CompletionAttempt attempt) {
    String user = attempt.username();
    boolean decidedIt =
        caseFiles
            .lastCompletedBy(attempt.caseNumber(), LegalAidSteps.DECIDE_TASK)
            .filter(user::equals)
            .isPresent();
    if (!decidedIt) {
      return Optional.empty();
    }
    return Optional.of(
        new CompletionRefusal(
            SEPARATION_OF_DUTIES,
            "职责分离：您（" + user + "）作出了本案不予法律援助的决定，不能审查针对该决定的异议，请由其他工作人员登记司法行政部门的审查决定"));
  }
}
