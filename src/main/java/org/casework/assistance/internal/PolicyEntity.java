package org.casework.assistance.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "assistance_policy")
class PolicyEntity {

  @Id
  @Column(name = "region_code")
  private String regionCode;

  @Column(name = "min_living_monthly")
  private BigDecimal minLivingMonthly;

  @Column(name = "township_limit_multiplier")
  private BigDecimal townshipLimitMultiplier;

  @Column(name = "countersign_threshold")
  private BigDecimal countersignThreshold;

  @Column(name = "publicity_threshold")
  private BigDecimal publicityThreshold;

  @Column(name = "publicity_days")
  private int publicityDays;

  @Column(name = "max_amount")
  private BigDecimal maxAmount;

  @Column(name = "emergency_max")
  private BigDecimal emergencyMax;

  @Column(name = "reconsideration_days")
  private int reconsiderationDays = 15;

  protected PolicyEntity() {}

  PolicyEntity(String regionCode, BigDecimal minLivingMonthly, PolicyEntity defaults) {
    this.regionCode = regionCode;
    this.minLivingMonthly = minLivingMonthly;
    this.townshipLimitMultiplier = defaults.townshipLimitMultiplier;
    this.countersignThreshold = defaults.countersignThreshold;
    this.publicityThreshold = defaults.publicityThreshold;
    this.publicityDays = defaults.publicityDays;
    this.maxAmount = defaults.maxAmount;
    this.emergencyMax = defaults.emergencyMax;
  }

  String getRegionCode() {
    return regionCode;
  }

  BigDecimal getMinLivingMonthly() {
    return minLivingMonthly;
  }

  BigDecimal getTownshipLimitMultiplier() {
    return townshipLimitMultiplier;
  }

  BigDecimal getCountersignThreshold() {
    return countersignThreshold;
  }

  BigDecimal getPublicityThreshold() {
    return publicityThreshold;
  }

  int getPublicityDays() {
    return publicityDays;
  }

  BigDecimal getMaxAmount() {
    return maxAmount;
  }

  int getReconsiderationDays() {
    return reconsiderationDays;
  }

  BigDecimal getEmergencyMax() {
    return emergencyMax;
  }
}
