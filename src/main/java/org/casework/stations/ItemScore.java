package org.casework.stations;

import java.math.BigDecimal;

/**
 * A score given to one item: points (scored items), the tier and its points (bonus items), whether
 * a veto ground applies (veto items), and the reason (every deduction and every veto needs one).
 */
public record ItemScore(
    String itemCode, BigDecimal points, Integer tier, boolean veto, String reason) {

  public static ItemScore points(String code, String points, String reason) {
    return new ItemScore(code, new BigDecimal(points), null, false, reason);
  }

  public static ItemScore bonus(String code, int tier, String points) {
    return new ItemScore(code, new BigDecimal(points), tier, false, null);
  }

  public static ItemScore veto(String code, String reason) {
    return new ItemScore(code, BigDecimal.ZERO, null, true, reason);
  }
}
