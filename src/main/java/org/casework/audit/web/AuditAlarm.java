package org.casework.audit.web;

import org.casework.audit.AuditLog;
import org.casework.audit.ChainVerification;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The latest failed verification of the audit chain, as {@code auditAlarm} for every page; the
 * supervisors' cockpit and the auditors' page show it as a red banner.
 */
@ControllerAdvice
class AuditAlarm {

  private final AuditLog audit;

  AuditAlarm(AuditLog audit) {
    this.audit = audit;
  }

  @ModelAttribute("auditAlarm")
  ChainVerification alarm() {
    return audit.lastVerification().filter(v -> !v.intact()).orElse(null);
  }
}
