package org.casework.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.dmn.DecisionContext;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The authority and publicity tables of bpmn/hardship-authority.dmn, row by row. */
class HardshipAuthorityDecisionTest {

  static DecisionEngine engine;
  static ParsedDecisionRequirementsGraph drg;

  @BeforeAll
  static void parse() throws Exception {
    engine = DecisionEngineFactory.createDecisionEngine();
    try (InputStream dmn =
        HardshipAuthorityDecisionTest.class.getResourceAsStream("/bpmn/hardship-authority.dmn")) {
      drg = engine.parse(dmn);
    }
    assertThat(drg.isValid()).as(drg.getFailureMessage()).isTrue();
  }

  // township limit = 3 × ¥950 = ¥2,850; countersign from ¥10,000
  @ParameterizedTest(name = "¥{0} → {1}")
  @CsvSource({
    "0.01, TOWNSHIP",
    "2850.00, TOWNSHIP",
    "2850.01, COUNTY",
    "9999.99, COUNTY",
    "10000.00, COUNTY_HEAD",
    "50000.00, COUNTY_HEAD"
  })
  void shouldRouteTheApprovalByAmount(String amount, String level) {
    var result =
        engine.evaluateDecisionById(
            drg,
            "hardship-authority",
            context(
                Map.of(
                    "amount",
                    new BigDecimal(amount),
                    "townshipLimit",
                    new BigDecimal("2850.00"),
                    "countersignThreshold",
                    new BigDecimal("10000.00"))));
    assertThat(result.isFailure()).as(result.getFailureMessage()).isFalse();
    assertThat(MsgPackConverter.convertToJson(result.getOutput())).isEqualTo("\"" + level + "\"");
  }

  @ParameterizedTest(name = "¥{0} publicised: {1}")
  @CsvSource({"999.99, false", "1000.00, true", "12000.00, true"})
  void shouldPubliciseFromTheThreshold(String amount, boolean publicised) {
    var result =
        engine.evaluateDecisionById(
            drg,
            "hardship-publicity",
            context(
                Map.of(
                    "amount",
                    new BigDecimal(amount),
                    "publicityThreshold",
                    new BigDecimal("1000.00"))));
    assertThat(result.isFailure()).as(result.getFailureMessage()).isFalse();
    assertThat(MsgPackConverter.convertToJson(result.getOutput()))
        .isEqualTo(String.valueOf(publicised));
  }

  private static DecisionContext context(Map<String, Object> variables) {
    return () -> variables;
  }
}
