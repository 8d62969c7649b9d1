package org.casework.common.process;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.operaton.bpm.engine.delegate.VariableScope;

/**
 * Process variables as records: a step reads the record of what it needs (one variable per
 * component, by name) and writes its result record back (one variable per component). Values are
 * converted as JSON would convert them, so a number stored as Long reads into a BigDecimal.
 */
public final class ProcessVariables {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ProcessVariables() {}

  /** The record {@code type} from the variables visible at {@code scope}. */
  public static <T extends Record> T read(VariableScope scope, Class<T> type) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent c : type.getRecordComponents()) {
      values.put(c.getName(), scope.getVariable(c.getName()));
    }
    return JSON.convertValue(values, type);
  }

  /** A single variable converted to {@code type} (null when absent). */
  public static <T> T read(VariableScope scope, String name, Class<T> type) {
    Object value = scope.getVariable(name);
    return value == null ? null : JSON.convertValue(value, type);
  }

  /**
   * Writes each component of {@code result} as a variable (null too: it clears an earlier value).
   * Nested records and collections become JSON-like maps and lists.
   */
  public static void write(VariableScope scope, Object result) {
    if (result == null) {
      return;
    }
    scope.setVariables(asVariables(result));
  }

  /** The variables a record stands for, as {@link #write} would set them. */
  public static Map<String, Object> asVariables(Object result) {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (result instanceof Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          // variable records are package-private in each module's internal package
          java.lang.reflect.Method accessor = c.getAccessor();
          accessor.setAccessible(true);
          variables.put(c.getName(), plain(accessor.invoke(r)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + c.getName() + " of " + r, e);
        }
      }
    } else if (result instanceof Map<?, ?> m) {
      m.forEach((k, v) -> variables.put(k.toString(), plain(v)));
    } else {
      throw new IllegalArgumentException("not a record: " + result.getClass());
    }
    return variables;
  }

  /** Strings, numbers, booleans and dates stay; enums become names; the rest becomes JSON-like. */
  static Object plain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof java.util.Date) {
      return value;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof java.time.temporal.TemporalAccessor) {
      return value.toString();
    }
    return JSON.convertValue(value, Object.class);
  }
}
