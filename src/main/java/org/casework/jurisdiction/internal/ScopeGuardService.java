package org.casework.jurisdiction.internal;

import java.time.Clock;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionCode;
import org.casework.jurisdiction.RegionScope;
import org.casework.jurisdiction.ScopeGuard;
import org.casework.jurisdiction.ScopeRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

@Service
class ScopeGuardService implements ScopeGuard {

  private static final Logger log = LoggerFactory.getLogger(ScopeGuardService.class);

  private final ApplicationEventPublisher events;
  private final Clock clock;

  ScopeGuardService(ApplicationEventPublisher events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void require(RegionScope scope, RegionCode target, String caseNumber, String what) {
    if (!scope.covers(target)) {
      throw refuse(scope, target, caseNumber, what);
    }
  }

  @Override
  public BusinessRuleException refuse(
      RegionScope scope, RegionCode target, String caseNumber, String what) {
    log.warn(
        "refused {} by {} ({} in {}) for region {} case {}",
        what,
        scope.username(),
        scope.role(),
        scope.region(),
        target,
        caseNumber);
    events.publishEvent(
        new ScopeRefused(
            clock.instant(),
            scope.username(),
            scope.role().name(),
            scope.region().value(),
            target.value(),
            caseNumber,
            what));
    String subject = caseNumber == null ? "该地区（" + target + "）" : "案件 " + caseNumber;
    return BusinessRuleException.forbidden(
        "OUTSIDE_REGION",
        subject + "不在您的管辖范围（" + scope.region() + "）内，无权查看或办理；本次访问已记录",
        scope.username() + " in " + scope.region() + " refused " + what + " for " + target);
  }
}
