package org.casework.casefile.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.casework.casefile.CaseFiles;
import org.casework.casefile.CaseView;
import org.casework.casefile.CompletionAttempt;
import org.casework.casefile.CompletionRefusal;
import org.casework.casefile.CompletionRule;
import org.casework.casefile.TaskCompletionRefused;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asks the programmes' {@link CompletionRule}s about a completion. Used by the Tasklist guard
 * (before the engine is called) and by the task listener (inside the completion). The rules are
 * looked up at each call: they depend on the case file themselves.
 */
@Component
public class CompletionRules {

  private static final Logger log = LoggerFactory.getLogger(CompletionRules.class);

  private final ObjectProvider<CompletionRule> rules;
  private final CaseFiles caseFiles;
  private final Jurisdiction jurisdiction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CompletionRules(
      ObjectProvider<CompletionRule> rules,
      CaseFiles caseFiles,
      Jurisdiction jurisdiction,
      ApplicationEventPublisher events,
      Clock clock) {
    this.rules = rules;
    this.caseFiles = caseFiles;
    this.jurisdiction = jurisdiction;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The first refusal of a rule for {@code attempt}, recorded in the audit log (its own
   * transaction: the refused completion rolls back, the record of the attempt stays); empty when
   * every rule lets it go ahead.
   */
  public Optional<CompletionRefusal> refusal(
      CompletionAttempt attempt, List<String> candidateGroups) {
    if (attempt.caseNumber() == null || attempt.processKey() == null) {
      return Optional.empty();
    }
    Optional<CompletionRefusal> refusal =
        rules
            .orderedStream()
            .filter(r -> r.processKey().equals(attempt.processKey()))
            .filter(r -> r.taskKeys().contains(attempt.taskKey()))
            .map(r -> r.check(attempt))
            .flatMap(Optional::stream)
            .findFirst();
    refusal.ifPresent(r -> record(attempt, candidateGroups, r));
    return refusal;
  }

  /** Throws the refusal (a Chinese 403) when a rule refuses {@code attempt}. */
  void require(CompletionAttempt attempt, List<String> candidateGroups) {
    refusal(attempt, candidateGroups)
        .ifPresent(
            r -> {
              throw BusinessRuleException.forbidden(
                  r.code(),
                  r.reason(),
                  "case "
                      + attempt.caseNumber()
                      + ": "
                      + attempt.username()
                      + " may not complete "
                      + attempt.taskKey()
                      + " ("
                      + r.code()
                      + ")");
            });
  }

  private void record(
      CompletionAttempt attempt, List<String> candidateGroups, CompletionRefusal refusal) {
    log.warn(
        "case {}: completion of {} by {} refused by rule {}",
        attempt.caseNumber(),
        attempt.taskKey(),
        attempt.username(),
        refusal.code());
    events.publishEvent(
        new TaskCompletionRefused(
            attempt.caseNumber(),
            caseFiles.find(attempt.caseNumber()).map(CaseView::regionCode).orElse(null),
            clock.instant(),
            attempt.username(),
            jurisdiction.staff(attempt.username()).map(StaffMember::candidateGroup).orElse(null),
            attempt.taskKey(),
            candidateGroups,
            refusal.reason(),
            refusal.code()));
  }
}
