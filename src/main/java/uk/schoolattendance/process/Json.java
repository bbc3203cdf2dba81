package uk.schoolattendance.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The one way Json is read and written in Java code: Jackson trees. What arrives may be a Spin
 * Json variable, Json text (a form, a REST client, an object variable in Json format) or a Java
 * list or map; all become a {@link JsonNode}. What is stored is a Spin Json variable, so BPMN
 * expressions ({@code S(parents)}) and Cockpit see Json.
 */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The value as a Json tree; bad Json is refused as bad input naming the field. */
  public static JsonNode parse(String field, Object value) {
    try {
      if (value instanceof JsonNode node) {
        return node;
      }
      if (value instanceof String text) {
        return MAPPER.readTree(text);
      }
      if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
        return MAPPER.valueToTree(value);
      }
      // a Spin SpinJsonNode prints as its Json text
      return MAPPER.readTree(value.toString());
    } catch (JsonProcessingException e) {
      throw new uk.schoolattendance.process.InvalidInputException(field, "is not valid Json");
    }
  }

  /** The value as a Json array; anything else is an empty array. */
  public static ArrayNode list(JsonNode node) {
    return node instanceof ArrayNode array ? array : MAPPER.createArrayNode();
  }

  public static ArrayNode newList() {
    return MAPPER.createArrayNode();
  }

  /** The tree as a Spin Json variable value. */
  public static TypedValue value(JsonNode node) {
    return SpinValues.jsonValue(node.toString()).create();
  }
}
