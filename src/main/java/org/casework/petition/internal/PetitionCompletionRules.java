package org.casework.petition.internal;

import java.util.Optional;
import java.util.Set;
import org.casework.casefile.CompletionAttempt;
import org.casework.casefile.CompletionRefusal;
import org.casework.casefile.CompletionRule;
import org.springframework.stereotype.Component;

/**
 * Who may complete a petition's tasks, checked when the task is completed: an officer with a
 * recorded conflict of interest (回避) completes none of them; 复查 and 复核 are decided by someone who
 * took no part in the matter (neither decided its acceptance nor handled it); the extension is not
 * approved by the handling officer who asked for it. From the petition's own record.
 */
@Component
class PetitionCompletionRules implements CompletionRule {

  static final String RECUSAL = "RECUSAL";
  static final String SEPARATION_OF_DUTIES = "SEPARATION_OF_DUTIES";

  private final PetitionRepository petitions;
  private final ConflictRepository conflicts;

  PetitionCompletionRules(PetitionRepository petitions, ConflictRepository conflicts) {
    this.petitions = petitions;
    this.conflicts = conflicts;
  }

  @Override
  public String processKey() {
    return "petition";
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(
        PetitionSteps.DECISION_TASK,
        PetitionSteps.INVESTIGATION_TASK,
        PetitionSteps.MEETING_TASK,
        PetitionSteps.OPINION_TASK,
        PetitionSteps.EXTENSION_TASK,
        PetitionSteps.REVIEW_TASK,
        PetitionSteps.REREVIEW_TASK);
  }

  @Override
  public Optional<CompletionRefusal> check(CompletionAttempt attempt) {
    String user = attempt.username();
    Optional<ConflictEntity> conflict =
        conflicts.findByCaseNumberAndUsername(attempt.caseNumber(), user);
    if (conflict.isPresent()) {
      return Optional.of(
          new CompletionRefusal(
              RECUSAL,
              "回避：您（"
                  + user
                  + "）已登记与本信访事项存在利害关系（"
                  + conflict.get().reason
                  + "），应当回避，不能办理「"
                  + attempt.taskName()
                  + "」"));
    }
    Optional<PetitionEntity> found = petitions.findByCaseNumber(attempt.caseNumber());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    PetitionEntity p = found.get();
    String task = attempt.taskKey();
    boolean review =
        PetitionSteps.REVIEW_TASK.equals(task) || PetitionSteps.REREVIEW_TASK.equals(task);
    if (review && (user.equals(p.decidedBy) || user.equals(p.handlingOfficer))) {
      return Optional.of(
          new CompletionRefusal(
              SEPARATION_OF_DUTIES,
              "职责分离：您（"
                  + user
                  + "）参与了本信访事项的受理或办理，不能作出"
                  + (PetitionSteps.REVIEW_TASK.equals(task) ? "复查" : "复核")
                  + "意见，请由未参与原办理的工作人员办理"));
    }
    if (PetitionSteps.EXTENSION_TASK.equals(task) && user.equals(p.handlingOfficer)) {
      return Optional.of(
          new CompletionRefusal(
              SEPARATION_OF_DUTIES, "职责分离：您（" + user + "）是本信访事项的承办人，不能审批自己的延期申请"));
    }
    return Optional.empty();
  }
}
