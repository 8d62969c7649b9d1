package org.casework.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casework.common.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseNumberTest {

  @Test
  void shouldFormatTypeCountyYearAndSixDigitSequence() {
    assertThat(CaseNumber.of(CaseType.HARDSHIP, "350502", 2026, 1).value())
        .isEqualTo("BF-350502-2026-000001");
    assertThat(CaseNumber.of(CaseType.PETITION, "350502", 2026, 123456).value())
        .isEqualTo("XF-350502-2026-123456");
  }

  @Test
  void shouldReadItsParts() {
    CaseNumber n = new CaseNumber("FY-350502-2025-000042");
    assertThat(n.type()).isEqualTo(CaseType.LEGAL_AID);
    assertThat(n.countyCode()).isEqualTo("350502");
    assertThat(n.year()).isEqualTo(2025);
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(
      strings = {
        "",
        "BF-350502-2026-1",
        "XX-350502-2026-000001",
        "bf-350502-2026-000001",
        "BF-350502-2026-000001 OR 1=1"
      })
  void shouldRefuseMalformedNumbers(String raw) {
    assertThatThrownBy(() -> new CaseNumber(raw)).isInstanceOf(BusinessRuleException.class);
  }
}
