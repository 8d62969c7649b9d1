package org.casework.common;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a decision a form submitted (a string at the BPMN boundary) into the module's enum, once,
 * in the process adapter. Blank is "no decision" (null: the step asks for one); a value the enum
 * does not know is refused with a Chinese notice on the task ({@link StepOutcome}, back to the
 * form), never guessed.
 */
public final class Decisions {

  private static final Logger log = LoggerFactory.getLogger(Decisions.class);

  private Decisions() {}

  public static <E extends Enum<E>> E parse(
      Class<E> type, Object raw, String errorCode, String what) {
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    String value = raw.toString().strip();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    String notice = what + "「" + shown + "」无法识别，请在表单中重新选择";
    log.warn(
        "unknown {} '{}' (allowed: {}): back to the task",
        type.getSimpleName(),
        shown,
        names(type));
    throw new StepOutcome(errorCode, notice, Map.of("taskNotice", notice));
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("/"));
  }
}
