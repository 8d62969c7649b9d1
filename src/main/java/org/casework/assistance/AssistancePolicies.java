package org.casework.assistance;

import java.math.BigDecimal;

/** Per-region assistance numbers (configuration, not code). */
public interface AssistancePolicies {

  AssistancePolicy forRegion(String regionCode);

  /**
   * Sets a region's monthly 低保 standard; other numbers are taken from the policy in force above it.
   */
  AssistancePolicy setMinimumLiving(String regionCode, BigDecimal minLivingMonthly);
}
