package org.casework.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casework.common.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

  @ParameterizedTest(name = "{0} is a {1} under {2}")
  @CsvSource({
    "350502, COUNTY, ''",
    "350502001, TOWNSHIP, 350502",
    "350502001001, VILLAGE, 350502001",
  })
  void shouldKnowItsLevelAndParent(String code, RegionLevel level, String parent) {
    RegionCode region = new RegionCode(code);
    assertThat(region.level()).isEqualTo(level);
    assertThat(region.parent().map(RegionCode::value).orElse("")).isEqualTo(parent);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"350502000000, 350502", "350502001000, 350502001", "350502001001, 350502001001"})
  void shouldNormaliseThe12DigitPaddedForm(String padded, String significant) {
    assertThat(RegionCode.parse(padded).value()).isEqualTo(significant);
    assertThat(RegionCode.parse(padded).padded()).isEqualTo(padded);
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(
      strings = {
        "",
        "35050",
        "3505021",
        "35050200100",
        "abcdef",
        "990502",
        "350500",
        "350502000",
        "350502001000x",
        "3505020010000"
      })
  void shouldRefuseMalformedOrForgedCodes(String code) {
    assertThatThrownBy(() -> new RegionCode(code)).isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void shouldContainOnlyItselfAndRegionsBelow() {
    RegionCode township = new RegionCode("350502001");
    assertThat(township.contains(new RegionCode("350502001001"))).isTrue();
    assertThat(township.contains(township)).isTrue();
    assertThat(township.contains(new RegionCode("350502002001"))).isFalse();
    assertThat(township.contains(new RegionCode("350502"))).isFalse();
  }

  @Test
  void shouldDeriveCandidateGroupsFromRegionAndRole() {
    assertThat(CandidateGroups.of(new RegionCode("350502001"), Role.TOWNSHIP_CASEWORKER))
        .isEqualTo("township-350502001-caseworker");
    assertThat(CandidateGroups.of(new RegionCode("350502"), Role.COUNTY_APPROVER))
        .isEqualTo("county-350502-approver");
    assertThat(CandidateGroups.of(new RegionCode("350502001001"), Role.VILLAGE_LIAISON))
        .isEqualTo("village-350502001001-liaison");
  }
}
