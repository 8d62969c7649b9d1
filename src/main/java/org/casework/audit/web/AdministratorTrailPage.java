package org.casework.audit.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.casework.audit.AuditEntryView;
import org.casework.audit.AuditLog;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 管理员操作记录 (三员分立): what the system, security and audit administrators did — logins, staff, role and
 * region changes and the changes refused to them — for the audit administrator (and the auditors),
 * inside the reader's region. Read-only; the entries are the chained audit log's own.
 */
@Controller
class AdministratorTrailPage {

  static final Set<Role> ADMINISTRATORS =
      EnumSet.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

  private final AuditLog audit;

  AdministratorTrailPage(AuditLog audit) {
    this.audit = audit;
  }

  /** One line as the page shows it: role and kind in Chinese, numbers masked. */
  record Line(
      long id,
      Instant at,
      String kind,
      String actor,
      String role,
      String action,
      String outcome,
      String reason) {}

  @GetMapping("/audit/administrators")
  String trail(RegionScope scope, Model model) {
    List<Line> lines =
        audit.byActorRoles(ADMINISTRATORS, scope, 300).stream()
            .map(AuditEntryView::masked)
            .map(
                e ->
                    new Line(
                        e.id(),
                        e.at(),
                        e.kind().label(),
                        e.actor(),
                        roleLabel(e.actorRole()),
                        e.action(),
                        e.outcome(),
                        e.reason()))
            .toList();
    model.addAttribute("lines", lines);
    return "audit/administrators";
  }

  private static String roleLabel(String role) {
    try {
      return Role.valueOf(role).label();
    } catch (RuntimeException unknown) {
      return role == null ? "" : role;
    }
  }
}
