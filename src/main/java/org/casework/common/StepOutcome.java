package org.casework.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business outcome of a process step (refused, duplicate, invalid input): not a fault. The step
 * throws it; the engine adapter ({@code common.process}) turns it into the BPMN error {@code code}
 * caught by a boundary event, after writing {@code variables} into the process. The message is in
 * Chinese (it is shown to the caseworker as the task's notice).
 */
public class StepOutcome extends RuntimeException {

  private final String code;
  private final transient Map<String, Object> variables;

  public StepOutcome(String code, String message, Map<String, ?> variables) {
    super(message, null, false, false);
    this.code = code;
    this.variables = new LinkedHashMap<>(variables);
  }

  public String code() {
    return code;
  }

  public Map<String, Object> variables() {
    return Map.copyOf(variables);
  }
}
