package org.casework.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.casework.common.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarSnapshotTest {

  private static final LocalDate SAT_1_FEB_2025 = LocalDate.parse("2025-02-01");

  /** The same Saturday decided differently at each level (test data, not real days). */
  private static final List<CalendarDay> LAYERED =
      List.of(
          CalendarDay.of("", SAT_1_FEB_2025, DayKind.HOLIDAY, "春节"),
          CalendarDay.of("3505", SAT_1_FEB_2025, DayKind.WORKDAY, "市调休"),
          CalendarDay.of("350502", SAT_1_FEB_2025, DayKind.HOLIDAY, "县节日"),
          CalendarDay.of("4505", SAT_1_FEB_2025, DayKind.WORKDAY, "他市调休"));

  @Test
  void shouldLetTheMostSpecificRegionWin() {
    assertThat(entry("350502001001").name()).isEqualTo("县节日");
    assertThat(entry("350502").name()).isEqualTo("县节日");
    assertThat(entry("350503").name()).isEqualTo("市调休");
    assertThat(entry("3505").kind()).isEqualTo(DayKind.WORKDAY);
    assertThat(entry("35").name()).isEqualTo("春节");
    assertThat(entry("").name()).isEqualTo("春节");
    assertThat(entry("450502").name()).isEqualTo("他市调休");
  }

  @Test
  void shouldResolveTownshipsAndVillagesToTheirCounty() {
    assertThat(CalendarRegion.chain("350502001001")).containsExactly("", "35", "3505", "350502");
    assertThat(CalendarRegion.calendarOwner("350502001")).isEqualTo("350502");
    assertThat(CalendarRegion.chain(null)).containsExactly("");
  }

  @Test
  void shouldTakeLoadedYearsFromTheMostSpecificRegion() {
    List<CalendarYear> years =
        List.of(
            new CalendarYear("", 2026, true),
            new CalendarYear("35", 2027, true),
            new CalendarYear("350502", 2026, false));

    assertThat(CalendarSnapshot.resolve("350503", List.of(), years).loadedYears())
        .containsExactlyInAnyOrder(2026, 2027);
    assertThat(CalendarSnapshot.resolve("350502", List.of(), years).loadedYears())
        .containsExactly(2027);
    assertThat(CalendarSnapshot.resolve("", List.of(), years).loadedYears()).containsExactly(2026);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "350", "35050", "3505020", "35050200100", "3505020010010", "35a502"})
  void shouldRefuseRegionCodesOfOtherLengthsInChinese(String code) {
    assertThatThrownBy(() -> CalendarSnapshot.resolve(code, List.of(), List.of()))
        .isInstanceOfSatisfying(
            BusinessRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("SLA_REGION_CODE_FORMAT");
              assertThat(e.userMessage()).startsWith("地区代码格式不正确");
            });
  }

  private static CalendarSnapshot.Entry entry(String region) {
    return CalendarSnapshot.resolve(region, LAYERED, List.of()).entry(SAT_1_FEB_2025).orElseThrow();
  }
}
