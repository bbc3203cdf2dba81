package uk.schoolattendance.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Map;

/**
 * Engine REST API: a typed variable whose value does not fit its type ({@code "entryLevel":
 * {"value": "two", "type": "Integer"}}) is refused with a message naming the variable. Camunda
 * would refuse it too, but with "Cannot convert value 'two' of type 'Integer'…", without the
 * variable's name. Checked before the request reaches Camunda, on every JSON body (starts,
 * completions, messages, variable updates), at any depth.
 */
class EngineRestVariableTypes implements ContainerRequestFilter {

  /** Camunda REST's date format (its default {@code JacksonConfigurator} pattern). */
  static final String DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> RULES =
      Map.of(
          "integer", "must be a whole number",
          "long", "must be a whole number",
          "short", "must be a whole number",
          "double", "must be a number",
          "boolean", "must be true or false",
          "date", "must be a date (" + DATE_FORMAT + ")",
          "json", "must be a JSON document");

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!List.of("POST", "PUT").contains(request.getMethod())
        || !MediaType.APPLICATION_JSON_TYPE.isCompatible(request.getMediaType())
        || !request.hasEntity()) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      return; // Camunda answers 400 for a body that is not JSON
    }
    List<String> segments = request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList();
    String rootName = segments.isEmpty() ? "value" : segments.get(segments.size() - 1);
    String error = check(rootName, root);
    if (error != null) {
      request.abortWith(EngineRestErrors.answer(Response.Status.BAD_REQUEST, "InvalidRequestException", error));
    }
  }

  /** The first "<name>: <rule>" broken in this node or below, or null. */
  static String check(String name, JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isObject() && node.path("type").isTextual() && node.has("value")) {
      String rule = RULES.get(node.get("type").asText().toLowerCase());
      if (rule != null && !fits(node.get("type").asText().toLowerCase(), node.get("value"))) {
        return name + ": " + rule;
      }
    }
    if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        String error = check(field.getKey(), field.getValue());
        if (error != null) {
          return error;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        String error = check(name, element);
        if (error != null) {
          return error;
        }
      }
    }
    return null;
  }

  static boolean fits(String type, JsonNode value) {
    if (value.isNull()) {
      return true;
    }
    String text = value.asText();
    return switch (type) {
      case "integer", "long", "short" -> value.isIntegralNumber() || text.matches("-?\\d{1,18}");
      case "double" -> value.isNumber() || text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
      case "boolean" -> value.isBoolean() || text.equals("true") || text.equals("false");
      case "date" -> value.isTextual() && isDate(text);
      case "json" -> value.isContainerNode() || (value.isTextual() && isJson(text));
      default -> true;
    };
  }

  private static boolean isJson(String text) {
    try {
      JsonNode parsed = JSON.readTree(text);
      return parsed != null && parsed.isContainerNode();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static boolean isDate(String text) {
    SimpleDateFormat format = new SimpleDateFormat(DATE_FORMAT);
    format.setLenient(false);
    try {
      format.parse(text);
      return true;
    } catch (ParseException e) {
      return false;
    }
  }
}
