package org.casework.jurisdiction;

import org.casework.common.BusinessRuleException;

/**
 * Refuses, and makes known (event {@link ScopeRefused}), an action outside the officer's region.
 */
public interface ScopeGuard {

  /** Passes when {@code scope} covers {@code target}; else publishes and throws a 403. */
  void require(RegionScope scope, RegionCode target, String caseNumber, String what);

  /** Publishes the refusal and returns the Chinese 403 to throw. */
  BusinessRuleException refuse(
      RegionScope scope, RegionCode target, String caseNumber, String what);
}
