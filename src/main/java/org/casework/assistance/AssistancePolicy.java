package org.casework.assistance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The assistance numbers in force for a region (most specific region row wins, '' = national). The
 * authority DMN compares the amount with {@link #townshipLimit()} and the countersign threshold;
 * those comparisons are rules, these numbers are configuration.
 */
public record AssistancePolicy(
    String regionCode,
    BigDecimal minLivingMonthly,
    BigDecimal townshipLimitMultiplier,
    BigDecimal countersignThreshold,
    BigDecimal publicityThreshold,
    int publicityDays,
    BigDecimal maxAmount,
    BigDecimal emergencyMax,
    int reconsiderationDays) {

  /** Default: 3 × the local monthly minimum-living-allowance standard (低保标准). */
  public BigDecimal townshipLimit() {
    return minLivingMonthly.multiply(townshipLimitMultiplier).setScale(2, RoundingMode.HALF_UP);
  }
}
