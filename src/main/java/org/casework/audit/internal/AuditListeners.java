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
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
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

  /** A division code sheet checked or imported: recorded with the run, in its transaction. */
  @EventListener
  public void on(org.casework.jurisdiction.DivisionsImported e) {
    audit.append(
        new AuditRecord(
            "division-import:" + e.reportId(),
            AuditKind.DIVISION_IMPORT,
            null,
            e.countyCode(),
            e.at(),
            e.username(),
            e.role(),
            "导入区划与服务站代码（" + e.mode() + "）",
            e.summary(),
            e.fileName()));
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

  /** A login through the login form (the app's or the web apps'). */
  @EventListener
  public void on(InteractiveAuthenticationSuccessEvent e) {
    login(AuditKind.LOGIN, e.getAuthentication(), "登录", "成功", null, e.getTimestamp());
  }

  /**
   * A refused login (wrong password, unknown or disabled account). Attempts refused because the
   * account or address is already locked are not written again: the lock itself is an entry.
   */
  @EventListener
  public void on(AbstractAuthenticationFailureEvent e) {
    if (e instanceof AuthenticationFailureLockedEvent) {
      return;
    }
    login(
        AuditKind.LOGIN_FAILED,
        e.getAuthentication(),
        "登录失败",
        "拒绝",
        e.getException().getClass().getSimpleName(),
        e.getTimestamp());
  }

  @EventListener
  public void on(LogoutSuccessEvent e) {
    login(AuditKind.LOGOUT, e.getAuthentication(), "退出登录", "成功", null, e.getTimestamp());
  }

  private void login(
      AuditKind kind, Authentication a, String action, String outcome, String why, long timestamp) {
    String username = a == null || a.getName() == null ? "" : a.getName().strip();
    if (username.length() > 64) {
      username = username.substring(0, 64);
    }
    String address =
        a != null && a.getDetails() instanceof WebAuthenticationDetails d
            ? d.getRemoteAddress()
            : null;
    var staff =
        username.isEmpty() ? java.util.Optional.<StaffMember>empty() : jurisdiction.staff(username);
    audit.appendNow(
        new AuditRecord(
            kind.name().toLowerCase() + ":" + UUID.randomUUID(),
            kind,
            null,
            staff.map(StaffMember::region).map(Object::toString).orElse(null),
            java.time.Instant.ofEpochMilli(timestamp),
            username,
            staff.map(s -> s.role().name()).orElse(null),
            action,
            outcome,
            (address == null ? "" : "地址 " + address)
                + (why == null ? "" : (address == null ? "" : "；") + why)
                + (staff.isEmpty() && kind == AuditKind.LOGIN_FAILED ? "；无此账号" : "")));
  }
}
