package org.casework.assistance.internal;

import java.math.BigDecimal;
import org.casework.assistance.AssistancePolicies;
import org.casework.assistance.AssistancePolicy;
import org.casework.common.BusinessRuleException;
import org.casework.jurisdiction.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Township → county → city → province → national: the most specific row wins. */
@Service
class PolicyLookup implements AssistancePolicies {

  private final PolicyRepository policies;

  PolicyLookup(PolicyRepository policies) {
    this.policies = policies;
  }

  @Override
  @Transactional(readOnly = true)
  public AssistancePolicy forRegion(RegionCode region) {
    return toPolicy(rowFor(region.value()));
  }

  @Override
  @Transactional
  public AssistancePolicy setMinimumLiving(RegionCode region, BigDecimal minLivingMonthly) {
    String regionCode = region.value();
    if (minLivingMonthly == null || minLivingMonthly.signum() <= 0) {
      throw BusinessRuleException.invalid(
          "MIN_LIVING_POSITIVE", "低保标准必须大于零", "min living " + minLivingMonthly);
    }
    PolicyEntity inherited = rowFor(regionCode);
    return toPolicy(policies.save(new PolicyEntity(regionCode, minLivingMonthly, inherited)));
  }

  private PolicyEntity rowFor(String regionCode) {
    for (int len : new int[] {9, 6, 4, 2, 0}) {
      if (regionCode.length() >= len) {
        var row = policies.findById(regionCode.substring(0, len));
        if (row.isPresent()) {
          return row.get();
        }
      }
    }
    throw new IllegalStateException("no national assistance_policy row");
  }

  private static AssistancePolicy toPolicy(PolicyEntity p) {
    return new AssistancePolicy(
        p.getRegionCode(),
        p.getMinLivingMonthly(),
        p.getTownshipLimitMultiplier(),
        p.getCountersignThreshold(),
        p.getPublicityThreshold(),
        p.getPublicityDays(),
        p.getMaxAmount(),
        p.getEmergencyMax(),
        p.getReconsiderationDays());
  }
}
