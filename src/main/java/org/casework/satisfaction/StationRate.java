package org.casework.satisfaction;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One station's (township's or village's) ratings in a period: the rate is (满意 + 基本满意) ÷ all
 * ratings; {@code meetsTarget} compares it with the acceptance sheet's line (90 %).
 */
public record StationRate(
    String regionCode,
    String name,
    boolean township,
    long ratings,
    long satisfied,
    long basicallySatisfied,
    long dissatisfied,
    BigDecimal targetPct) {

  /** The rate in percent (one decimal), or null without ratings. */
  public BigDecimal ratePct() {
    if (ratings == 0) {
      return null;
    }
    return BigDecimal.valueOf((satisfied + basicallySatisfied) * 100L)
        .divide(BigDecimal.valueOf(ratings), 1, RoundingMode.HALF_UP);
  }

  public boolean meetsTarget() {
    BigDecimal rate = ratePct();
    return rate != null && rate.compareTo(targetPct) >= 0;
  }

  public String rateLabel() {
    BigDecimal rate = ratePct();
    return rate == null ? "—" : rate.toPlainString() + "%";
  }

  public String verdict() {
    if (ratings == 0) {
      return "暂无评价";
    }
    return meetsTarget() ? "达标" : "未达标";
  }
}
