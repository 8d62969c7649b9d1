package org.casework.security.internal;

import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.Jurisdiction;
import org.casework.jurisdiction.StaffMember;
import org.casework.security.CurrentOfficer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

@Service
class CurrentOfficerService implements CurrentOfficer {

  private final Jurisdiction jurisdiction;

  CurrentOfficerService(Jurisdiction jurisdiction) {
    this.jurisdiction = jurisdiction;
  }

  @Override
  public StaffMember officer() {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    if (who == null
        || !who.isAuthenticated()
        || !(who.getPrincipal() instanceof OfficerPrincipal)) {
      throw BusinessRuleException.forbidden("NOT_LOGGED_IN", "请先登录", "no officer in context");
    }
    return jurisdiction
        .staff(who.getName())
        .filter(StaffMember::enabled)
        .orElseThrow(
            () ->
                BusinessRuleException.forbidden(
                    "OFFICER_DISABLED", "您的账号已停用，请联系系统管理员", "staff disabled: " + who.getName()));
  }
}
