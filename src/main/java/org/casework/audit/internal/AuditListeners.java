package org.casework.audit.internal;

import java.util.UUID;
import org.casework.audit.AuditKind;
import org.casework.casefile.CaseHistoryAppended;
import org.casework.casefile.TaskCompletionRefused;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.ScopeRefused;
import org.casework.jurisdiction.StaffMember;
import org.casework.security.AccessDenied;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What lands in the audit log. Case events arrive after their transaction commits, through the
 * event publication registry (an entry is retried after a crash and written once per source key).
 * Refusals are recorded synchronously in their own transaction: the refused request rolls back, the
 * record of the attempt must not.
 */
@Component
class AuditListeners {

  private final AuditService audit;
  private final Jurisdiction jurisdiction;

  AuditListeners(AuditService audit, Jurisdiction jurisdiction) {
    this.audit = audit;
    this.jurisdiction = jurisdiction;
  }

  @ApplicationModuleListener
  void on(CaseHistoryAppended e) {
    append(e);
  }

  void append(CaseHistoryAppended e) {
    audit.append(
        new AuditRecord(
            sourceKey(e),
            AuditKind.CASE_HISTORY,
            e.caseNumber(),
            e.regionCode(),
            e.at(),
            e.actor(),
            e.actorRole(),
            e.action(),
            e.outcome(),
            e.reason()));
  }

  static String sourceKey(CaseHistoryAppended e) {
    return "history:" + e.historyId();
  }

  /**
   * A task completion refused (not the task's group, not its officer, or fields not in its form).
   */
  @EventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(TaskCompletionRefused e) {
    audit.append(
        new AuditRecord(
            "task-refused:" + UUID.randomUUID(),
            e.rule() == null ? AuditKind.TASK_OUTSIDE_GROUP : AuditKind.TASK_RULE_REFUSED,
            e.caseNumber(),
            e.regionCode(),
            e.at(),
            e.username(),
            e.userGroup() == null ? "UNKNOWN" : e.userGroup(),
            "拒绝办理任务：" + e.elementId(),
            "拒绝",
            e.reason()
                + (e.candidateGroups() == null || e.candidateGroups().isEmpty()
                    ? ""
                    : "（候选组 " + String.join("、", e.candidateGroups()) + "）")));
  }

  @EventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(ScopeRefused e) {
    audit.append(
        new AuditRecord(
            "refused:" + UUID.randomUUID(),
            AuditKind.ACCESS_REFUSED,
            e.caseNumber(),
            e.targetRegion(),
            e.at(),
            e.username(),
            e.role(),
            e.what(),
            "拒绝（403）",
            "本人辖区 " + e.officerRegion() + "，目标地区 " + e.targetRegion()));
  }

  @EventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(AccessDenied e) {
    String region =
        e.username() == null
            ? null
            : jurisdiction
                .staff(e.username())
                .map(StaffMember::region)
                .map(Object::toString)
                .orElse(null);
    audit.append(
        new AuditRecord(
            "denied:" + UUID.randomUUID(),
            AuditKind.ACCESS_DENIED,
            null,
            region,
            e.at(),
            e.username(),
            e.role(),
            e.method() + " " + e.path(),
            "拒绝",
            e.reason()));
  }
}
