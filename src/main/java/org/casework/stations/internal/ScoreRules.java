package org.casework.stations.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casework.common.BusinessRuleException;
import org.casework.stations.BonusTier;
import org.casework.stations.ItemKind;
import org.casework.stations.ItemScore;
import org.casework.stations.ScoreResult;
import org.casework.stations.ScoreSheet;
import org.casework.stations.SheetItem;

/**
 * The rules of a score sheet, with no database: every scored item needs points between 0 and its
 * maximum in half points; the township gives a reason for every point taken off; a bonus stays
 * within its tier, only the highest tier of one matter counts and the bonus total is capped; a veto
 * needs its reason and fails the station whatever its score; pass at the sheet's pass mark.
 */
final class ScoreRules {

  private static final BigDecimal HALF = new BigDecimal("0.5");

  /** Who scores: the station itself (no reasons needed, no veto) or the township/county. */
  enum Scorer {
    SELF,
    TOWNSHIP
  }

  private ScoreRules() {}

  static ScoreResult evaluate(ScoreSheet sheet, List<ItemScore> scores, Scorer scorer) {
    Map<String, BigDecimal> scored = new HashMap<>();
    Map<String, BigDecimal> bestBonus = new HashMap<>();
    Set<String> seen = new HashSet<>();
    boolean vetoed = false;
    for (ItemScore s : scores) {
      SheetItem item =
          sheet
              .item(s.itemCode())
              .orElseThrow(
                  () ->
                      BusinessRuleException.invalid(
                          "STATION_ITEM_UNKNOWN",
                          "评分表中没有第" + s.itemCode() + "项",
                          "no item " + s.itemCode() + " on sheet " + sheet.id()));
      switch (item.kind()) {
        case SCORED -> {
          if (!seen.add(item.code())) {
            throw invalid("STATION_ITEM_TWICE", item.label() + "重复评分", "item twice " + item.code());
          }
          scored.put(item.code(), checkPoints(item, s, scorer));
        }
        case BONUS -> {
          BigDecimal p = checkBonus(item, s);
          bestBonus.merge(item.code(), p, BigDecimal::max);
        }
        case VETO -> {
          if (s.veto()) {
            if (scorer == Scorer.SELF) {
              throw invalid("STATION_VETO_SELF", "一票否决事项由乡镇评定，自评时不能勾选", "veto in self-assessment");
            }
            if (blank(s.reason())) {
              throw invalid(
                  "STATION_VETO_REASON",
                  "一票否决（" + item.text() + "）须写明理由",
                  "veto " + item.code() + " without reason");
            }
            vetoed = true;
          }
        }
      }
    }
    for (SheetItem item : sheet.ofKind(ItemKind.SCORED)) {
      if (!scored.containsKey(item.code())) {
        throw invalid(
            "STATION_ITEM_MISSING",
            item.label() + "（" + item.text() + "）尚未评分",
            "item " + item.code() + " not scored");
      }
    }
    BigDecimal base = scored.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal bonus = bonusTotal(sheet, bestBonus);
    BigDecimal total = base.add(bonus);
    boolean passed = !vetoed && total.compareTo(sheet.passMark()) >= 0;
    return new ScoreResult(base, bonus, vetoed, total, passed);
  }

  /** The bonus counted: the best of each matter (already merged), summed, at most the cap. */
  static BigDecimal bonusTotal(ScoreSheet sheet, Map<String, BigDecimal> bestPerMatter) {
    BigDecimal sum = bestPerMatter.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.min(sheet.bonusCap());
  }

  private static BigDecimal checkPoints(SheetItem item, ItemScore s, Scorer scorer) {
    BigDecimal p = s.points();
    if (p == null) {
      throw invalid(
          "STATION_ITEM_MISSING",
          item.label() + "（" + item.text() + "）尚未评分",
          "item " + item.code() + " without points");
    }
    if (p.signum() < 0) {
      throw invalid(
          "STATION_POINTS_NEGATIVE", item.label() + "得分不能为负数", "negative points " + item.code());
    }
    if (p.compareTo(item.points()) > 0) {
      throw invalid(
          "STATION_POINTS_ABOVE_ITEM",
          item.label() + "满分" + plain(item.points()) + "分，不能打" + plain(p) + "分",
          "points " + p + " above " + item.points() + " for item " + item.code());
    }
    if (p.remainder(HALF).signum() != 0) {
      throw invalid(
          "STATION_POINTS_STEP", item.label() + "得分须为0.5分的整数倍", "points " + p + " not in 0.5");
    }
    if (scorer == Scorer.TOWNSHIP && p.compareTo(item.points()) < 0 && blank(s.reason())) {
      throw invalid(
          "STATION_DEDUCTION_REASON",
          item.label() + "扣了" + plain(item.points().subtract(p)) + "分，请写明扣分理由",
          "deduction without reason on item " + item.code());
    }
    return p;
  }

  private static BigDecimal checkBonus(SheetItem item, ItemScore s) {
    if (s.tier() == null) {
      return BigDecimal.ZERO;
    }
    BonusTier tier =
        item.tiers().stream()
            .filter(t -> t.tier() == s.tier())
            .findFirst()
            .orElseThrow(
                () ->
                    invalid(
                        "STATION_TIER_UNKNOWN",
                        item.label() + "没有所选的加分档次",
                        "no tier " + s.tier() + " on item " + item.code()));
    BigDecimal p = s.points() == null ? tier.points() : s.points();
    if (p.signum() < 0) {
      throw invalid(
          "STATION_POINTS_NEGATIVE", item.label() + "加分不能为负数", "negative bonus " + item.code());
    }
    if (p.compareTo(tier.points()) > 0) {
      throw invalid(
          "STATION_BONUS_ABOVE_TIER",
          item.label()
              + "「"
              + tier.label()
              + "」档最多加"
              + plain(tier.points())
              + "分，不能加"
              + plain(p)
              + "分",
          "bonus " + p + " above tier " + tier.tier() + " of item " + item.code());
    }
    return p;
  }

  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static BusinessRuleException invalid(String code, String message, String detail) {
    return BusinessRuleException.invalid(code, message, detail);
  }
}
