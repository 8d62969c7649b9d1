package org.casework.audit.web;

import org.casework.audit.AuditLog;
import org.casework.audit.ChainVerification;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The latest failed verification of the audit chain, as {@code auditAlarm} for every page; the
 * supervisors' cockpit and the auditors' page show it as a red banner.
 */
@ControllerAdvice
class AuditAlarm {

  private final ObjectProvider<AuditLog> audit;

  /** Looked up per request: a web slice test (@WebMvcTest) has no audit log, and no banner. */
  AuditAlarm(ObjectProvider<AuditLog> audit) {
    this.audit = audit;
  }

  @ModelAttribute("auditAlarm")
  ChainVerification alarm() {
    AuditLog log = audit.getIfAvailable();
    return log == null ? null : log.lastVerification().filter(v -> !v.intact()).orElse(null);
  }
}
