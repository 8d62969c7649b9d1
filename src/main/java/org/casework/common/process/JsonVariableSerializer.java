package org.casework.common.process;

import com.fasterxml.jackson.databind.JavaType;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.operaton.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;
import org.operaton.bpm.engine.variable.Variables;

/**
 * Maps and lists (e.g. {@code groups}, {@code caseFacts}) as JSON variables ({@code
 * application/json}) instead of Java serialization, which the engine rightly refuses. Only JSON
 * shapes are stored: maps, lists, strings, numbers, booleans; a type name from outside (a REST
 * client) is read only if it is one of these, so no other class is ever instantiated.
 */
class JsonVariableSerializer extends AbstractObjectValueSerializer {

  static final String FORMAT = Variables.SerializationDataFormats.JSON.getName();

  JsonVariableSerializer() {
    super(FORMAT);
  }

  @Override
  public String getName() {
    return "casework-json";
  }

  @Override
  protected String getTypeNameForDeserialized(Object deserializedObject) {
    return deserializedObject instanceof Map<?, ?>
        ? "java.util.LinkedHashMap"
        : "java.util.ArrayList";
  }

  @Override
  protected byte[] serializeToByteArray(Object deserializedObject) throws Exception {
    return ProcessVariables.JSON.writeValueAsBytes(deserializedObject);
  }

  @Override
  protected Object deserializeFromByteArray(byte[] object, String objectTypeName) throws Exception {
    JavaType type =
        switch (objectTypeName) {
          case "java.util.LinkedHashMap", "java.util.HashMap", "java.util.Map" ->
              ProcessVariables.JSON.getTypeFactory().constructType(Map.class);
          case "java.util.ArrayList", "java.util.List" ->
              ProcessVariables.JSON.getTypeFactory().constructType(java.util.List.class);
          default ->
              throw new IllegalArgumentException(
                  "JSON variables are maps or lists, not " + objectTypeName);
        };
    return ProcessVariables.JSON.readValue(new String(object, StandardCharsets.UTF_8), type);
  }

  @Override
  protected boolean isSerializationTextBased() {
    return true;
  }

  @Override
  protected boolean canSerializeValue(Object value) {
    return value instanceof Map<?, ?> || value instanceof Collection<?>;
  }
}
