package org.casework.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.casework.common.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

  @ParameterizedTest(name = "{0} is valid")
  @ValueSource(
      strings = {
        "11010519491231002X",
        "440524188001010014",
        "350502196503120117",
        "350502197201150315"
      })
  void shouldAcceptNumbersWithTheRightCheckCharacter(String id) {
    assertThat(new IdNumber(id).value()).isEqualTo(id);
  }

  @Test
  void shouldComputeTheIso7064CheckCharacterIncludingX() {
    assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "110105194912310021, ID_NUMBER_CHECKSUM",
    "440524188001010013, ID_NUMBER_CHECKSUM",
    "11010519491231002, ID_NUMBER_FORMAT",
    "1101051949123100211, ID_NUMBER_FORMAT",
    "11010519491231002Y, ID_NUMBER_FORMAT",
    "350502197302300016, ID_NUMBER_BIRTH_DATE"
  })
  void shouldRefuseWrongNumbersWithAClearCode(String id, String code) {
    String candidate =
        code.equals("ID_NUMBER_BIRTH_DATE")
            ? id.substring(0, 17) + IdNumber.checkCharacter(id)
            : id;
    assertThatThrownBy(() -> new IdNumber(candidate))
        .isInstanceOf(BusinessRuleException.class)
        .hasFieldOrPropertyWithValue("code", code);
  }

  @Test
  void shouldExplainAWrongChecksumInChinese() {
    assertThatThrownBy(() -> new IdNumber("110105194912310021"))
        .extracting(e -> ((BusinessRuleException) e).userMessage())
        .isEqualTo("身份证号码校验位错误，请核对后重新输入");
  }

  @Test
  void shouldReadBirthDateAndGenderAndAcceptLowerCaseX() {
    IdNumber id = IdNumber.parse(" 11010519491231002x ");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.gender()).isEqualTo(Gender.FEMALE);
  }

  @Test
  void shouldCountTheAgeInFullYears() {
    LocalDate birth = LocalDate.of(1949, 12, 31);
    assertThat(IdNumber.ageOn(birth, LocalDate.of(2026, 12, 30))).isEqualTo(76);
    assertThat(IdNumber.ageOn(birth, LocalDate.of(2026, 12, 31))).isEqualTo(77);
  }

  @Test
  void shouldShowNoRegionOrBirthDigitsInTheMask() {
    String masked = new IdNumber("11010519491231002X").masked();
    assertThat(masked)
        .isEqualTo("**************002X")
        .doesNotContain("1101")
        .doesNotContain("1949");
    assertThat(masked.replace("*", "")).hasSize(4);
  }

  @Test
  void shouldNeverPrintTheFullNumber() {
    IdNumber id = new IdNumber("11010519491231002X");
    assertThat(id.toString()).isEqualTo("**************002X").doesNotContain("19491231");
  }
}
