package uk.schoolattendance.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/** Json process variables (parents, history, noticeOutcomes) read and written as Jackson trees. */
public final class JsonVariables {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonVariables() {}

  /** The variable as a Json tree: a Spin Json value, a Json string, or a Java list/map; null when absent. */
  public static JsonNode read(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    return parse(name, value);
  }

  static JsonNode parse(String name, Object value) {
    try {
      if (value instanceof String text) {
        return MAPPER.readTree(text);
      }
      if (value instanceof java.util.Collection<?> || value instanceof java.util.Map<?, ?>) {
        return MAPPER.valueToTree(value);
      }
      // A Spin SpinJsonNode prints as its Json text
      return MAPPER.readTree(value.toString());
    } catch (JsonProcessingException e) {
      throw new uk.schoolattendance.system.InvalidInputException(name, "is not valid Json");
    }
  }

  public static ArrayNode readList(VariableScope scope, String name) {
    JsonNode node = read(scope, name);
    return node instanceof ArrayNode array ? array : MAPPER.createArrayNode();
  }

  public static TypedValue json(JsonNode node) {
    return SpinValues.jsonValue(node.toString()).create();
  }

  /** Whether the variable is already stored as a Spin Json value (not a string or a Java object). */
  static boolean isJson(VariableScope scope, String name) {
    TypedValue value = scope.getVariableTyped(name);
    return value != null && value.getType() != null && "json".equals(value.getType().getName());
  }

  public static void write(VariableScope scope, String name, JsonNode node) {
    scope.setVariable(name, json(node));
  }
}
