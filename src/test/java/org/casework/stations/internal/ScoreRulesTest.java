package org.casework.stations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casework.common.BusinessRuleException;
import org.casework.stations.BonusTier;
import org.casework.stations.ItemKind;
import org.casework.stations.ItemScore;
import org.casework.stations.ScoreResult;
import org.casework.stations.ScoreSheet;
import org.casework.stations.SheetItem;
import org.junit.jupiter.api.Test;

/** The score sheet's rules without a database: points, reasons, bonus tiers and cap, veto, pass. */
class ScoreRulesTest {

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  /** 3 scored items (50 + 40 + 10 = 100), two bonus matters, one veto; pass 90, bonus cap 10. */
  static final ScoreSheet SHEET =
      new ScoreSheet(
          1,
          "T",
          1,
          "测试表",
          "",
          LocalDate.of(2025, 1, 1),
          null,
          d("100"),
          d("90"),
          d("10"),
          null,
          List.of(
              new SheetItem("1", 1, "组织领导", ItemKind.SCORED, "甲", d("50"), null, List.of()),
              new SheetItem("2", 1, "组织领导", ItemKind.SCORED, "乙", d("40"), null, List.of()),
              new SheetItem("3", 2, "工作保障", ItemKind.SCORED, "丙", d("10"), null, List.of()),
              new SheetItem(
                  "58",
                  3,
                  "加分项",
                  ItemKind.BONUS,
                  "表彰",
                  d("10"),
                  null,
                  List.of(
                      new BonusTier(1, "国家级", d("10")),
                      new BonusTier(2, "省级", d("6")),
                      new BonusTier(3, "县级", d("2")))),
              new SheetItem(
                  "59",
                  3,
                  "加分项",
                  ItemKind.BONUS,
                  "推广",
                  d("5"),
                  null,
                  List.of(new BonusTier(1, "国家级", d("5")), new BonusTier(2, "县级", d("1")))),
              new SheetItem("F1", 4, "一票否决", ItemKind.VETO, "重大群体性事件", d("0"), null, List.of())));

  static List<ItemScore> full() {
    return new ArrayList<>(
        List.of(
            ItemScore.points("1", "50", null),
            ItemScore.points("2", "40", null),
            ItemScore.points("3", "10", null)));
  }

  static ScoreResult township(List<ItemScore> s) {
    return ScoreRules.evaluate(SHEET, s, ScoreRules.Scorer.TOWNSHIP);
  }

  @Test
  void shouldAddTheItemsAndPassAtTheMark() {
    List<ItemScore> s =
        List.of(
            ItemScore.points("1", "45", "少5"),
            ItemScore.points("2", "35", "少5"),
            ItemScore.points("3", "10", null));
    ScoreResult r = township(s);
    assertThat(r.base()).isEqualByComparingTo("90");
    assertThat(r.passed()).isTrue();
    List<ItemScore> below =
        List.of(
            ItemScore.points("1", "44.5", "x"),
            ItemScore.points("2", "35", "x"),
            ItemScore.points("3", "10", null));
    assertThat(township(below).passed()).isFalse();
  }

  @Test
  void shouldRefuseAScoreAboveTheItemOrNegativeOrOffTheHalfPointStep() {
    assertRefused(
            () ->
                township(
                    List.of(
                        ItemScore.points("1", "51", null),
                        ItemScore.points("2", "40", null),
                        ItemScore.points("3", "10", null))))
        .isEqualTo("第1项满分50分，不能打51分");
    assertRefused(
            () ->
                township(
                    List.of(
                        ItemScore.points("1", "-1", "x"),
                        ItemScore.points("2", "40", null),
                        ItemScore.points("3", "10", null))))
        .isEqualTo("第1项得分不能为负数");
    assertRefused(
            () ->
                township(
                    List.of(
                        ItemScore.points("1", "49.3", "x"),
                        ItemScore.points("2", "40", null),
                        ItemScore.points("3", "10", null))))
        .isEqualTo("第1项得分须为0.5分的整数倍");
  }

  @Test
  void shouldAskTheTownshipForTheReasonOfEveryDeductionButNotTheStation() {
    List<ItemScore> s =
        List.of(
            ItemScore.points("1", "48", null),
            ItemScore.points("2", "40", null),
            ItemScore.points("3", "10", null));
    assertRefused(() -> township(s)).isEqualTo("第1项扣了2分，请写明扣分理由");
    assertThat(ScoreRules.evaluate(SHEET, s, ScoreRules.Scorer.SELF).base())
        .isEqualByComparingTo("98");
  }

  @Test
  void shouldRefuseAMissingOrUnknownOrRepeatedItem() {
    assertRefused(() -> township(List.of(ItemScore.points("1", "50", null))))
        .isEqualTo("第2项（乙）尚未评分");
    List<ItemScore> unknown = full();
    unknown.add(ItemScore.points("99", "1", null));
    assertRefused(() -> township(unknown)).isEqualTo("评分表中没有第99项");
    List<ItemScore> twice = full();
    twice.add(ItemScore.points("3", "10", null));
    assertRefused(() -> township(twice)).isEqualTo("第3项重复评分");
  }

  @Test
  void shouldCountTheHighestTierOfOneMatterNotTheSumAndCapTheBonus() {
    List<ItemScore> s = full();
    s.add(ItemScore.bonus("58", 2, "6"));
    s.add(ItemScore.bonus("58", 3, "2"));
    assertThat(township(s).bonus()).isEqualByComparingTo("6");
    s.add(ItemScore.bonus("59", 1, "5"));
    // 6 + 5 = 11, capped at 10
    ScoreResult r = township(s);
    assertThat(r.bonus()).isEqualByComparingTo("10");
    assertThat(r.finalScore()).isEqualByComparingTo("110");
    assertThat(ScoreRules.bonusTotal(SHEET, Map.of("58", d("2"), "59", d("1"))))
        .isEqualByComparingTo("3");
  }

  @Test
  void shouldRefuseABonusAboveItsTierOrAnUnknownTier() {
    List<ItemScore> s = full();
    s.add(ItemScore.bonus("58", 3, "2.5"));
    assertRefused(() -> township(s)).isEqualTo("第58项「县级」档最多加2分，不能加2.5分");
    List<ItemScore> t = full();
    t.add(ItemScore.bonus("59", 7, "1"));
    assertRefused(() -> township(t)).isEqualTo("第59项没有所选的加分档次");
  }

  @Test
  void shouldFailAVetoedStationWhateverItsScoreAndWantTheReason() {
    List<ItemScore> s = full();
    s.add(ItemScore.bonus("58", 1, "10"));
    s.add(ItemScore.veto("F1", "3月发生群体性上访"));
    ScoreResult r = township(s);
    assertThat(r.finalScore()).isEqualByComparingTo("110");
    assertThat(r.vetoed()).isTrue();
    assertThat(r.passed()).isFalse();
    List<ItemScore> noReason = full();
    noReason.add(ItemScore.veto("F1", " "));
    assertRefused(() -> township(noReason)).isEqualTo("一票否决（重大群体性事件）须写明理由");
    List<ItemScore> self = full();
    self.add(ItemScore.veto("F1", "x"));
    assertRefused(() -> ScoreRules.evaluate(SHEET, self, ScoreRules.Scorer.SELF)).contains("由乡镇评定");
  }

  @Test
  void shouldDrawTheSameSampleFromTheSameCountyAndQuarter() {
    List<Long> population = List.of(5L, 3L, 9L, 11L, 20L, 7L, 1L);
    long seed = Sampling.seed("350502", "2026Q2");
    assertThat(seed)
        .isEqualTo(Sampling.seed("350502", "2026Q2"))
        .isNotEqualTo(Sampling.seed("350502", "2026Q3"));
    List<Long> a = Sampling.draw(seed, population, d("0.3"));
    assertThat(a)
        .hasSize(3)
        .isEqualTo(Sampling.draw(seed, List.of(1L, 3L, 5L, 7L, 9L, 11L, 20L), d("0.3")));
    assertThat(population).containsAll(a);
    assertThat(Sampling.size(1, d("0.1"))).isEqualTo(1);
    assertThat(Sampling.size(0, d("0.3"))).isZero();
  }

  @Test
  void shouldRoundSystemPointsDownToHalfPoints() {
    assertThat(SystemFacts.halfPoints(d("1.74"))).isEqualByComparingTo("1.5");
    assertThat(SystemFacts.halfPoints(d("2.0"))).isEqualByComparingTo("2");
  }

  /** The Chinese message of the refusal {@code call} throws. */
  static org.assertj.core.api.AbstractStringAssert<?> assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(BusinessRuleException.class);
    return assertThat(((BusinessRuleException) t).userMessage());
  }
}
