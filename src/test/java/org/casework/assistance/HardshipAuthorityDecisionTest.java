package org.casework.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The authority and publicity tables of bpmn/hardship-authority.dmn, row by row, on Operaton's DMN
 * engine. The inputs are given as the process holds them (numbers as Double, see HardshipWorkers)
 * and as BigDecimal, so either works.
 */
class HardshipAuthorityDecisionTest {

  static DmnEngine engine;
  static Map<String, DmnDecision> decisions = new HashMap<>();

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn =
        HardshipAuthorityDecisionTest.class.getResourceAsStream("/bpmn/hardship-authority.dmn")) {
      List<DmnDecision> parsed = engine.parseDecisions(dmn);
      parsed.forEach(d -> decisions.put(d.getKey(), d));
    }
    assertThat(decisions).containsOnlyKeys("hardship-authority", "hardship-publicity");
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
    for (boolean asDouble : new boolean[] {true, false}) {
      DmnDecisionResult result =
          engine.evaluateDecision(
              decisions.get("hardship-authority"),
              Map.of(
                  "amount",
                  number(amount, asDouble),
                  "townshipLimit",
                  number("2850.00", asDouble),
                  "countersignThreshold",
                  number("10000.00", asDouble)));
      assertThat((Object) result.getSingleEntry()).as("as double: %s", asDouble).isEqualTo(level);
    }
  }

  @ParameterizedTest(name = "¥{0} publicised: {1}")
  @CsvSource({"999.99, false", "1000.00, true", "12000.00, true"})
  void shouldPubliciseFromTheThreshold(String amount, boolean publicised) {
    for (boolean asDouble : new boolean[] {true, false}) {
      DmnDecisionResult result =
          engine.evaluateDecision(
              decisions.get("hardship-publicity"),
              Map.of(
                  "amount",
                  number(amount, asDouble),
                  "publicityThreshold",
                  number("1000.00", asDouble)));
      assertThat((Object) result.getSingleEntry())
          .as("as double: %s", asDouble)
          .isEqualTo(publicised);
    }
  }

  private static Object number(String value, boolean asDouble) {
    return asDouble ? Double.valueOf(value) : new BigDecimal(value);
  }
}
