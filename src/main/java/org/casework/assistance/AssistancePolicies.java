package org.casework.assistance;

import java.math.BigDecimal;
import org.casework.jurisdiction.RegionCode;

/** Per-region assistance numbers (configuration, not code). */
public interface AssistancePolicies {

  /** The policy in force for the region: its own row, or the nearest one above it. */
  AssistancePolicy forRegion(RegionCode region);

  /**
   * Sets a region's monthly 低保 standard; other numbers are taken from the policy in force above it.
   */
  AssistancePolicy setMinimumLiving(RegionCode region, BigDecimal minLivingMonthly);
}
