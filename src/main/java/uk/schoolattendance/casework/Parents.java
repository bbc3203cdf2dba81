package uk.schoolattendance.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.schoolattendance.system.InvalidInputException;

/**
 * The liable parents of a case (contract: {@code parents}, Json array of {@code {id, name,
 * address}}, at least one). Tasklist's start form submits parent 1 and an optional parent 2 as
 * separate fields ({@code parent1Name}, {@code parent1Address}, {@code parent2Name},
 * {@code parent2Address}); they become {@code parents} here.
 */
final class Parents {

  private Parents() {}

  static ArrayNode validate(VariableScope scope) {
    ArrayNode parents;
    if (scope.getVariable("parents") == null) {
      parents = fromFormFields(scope);
    } else {
      JsonNode node = JsonVariables.read(scope, "parents");
      if (!(node instanceof ArrayNode array)) {
        throw new InvalidInputException("parents", "must be a Json array of {id, name, address}");
      }
      parents = array;
    }
    if (parents.isEmpty()) {
      throw new InvalidInputException("parents", "at least one parent is required");
    }
    ArrayNode clean = JsonVariables.MAPPER.createArrayNode();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < parents.size(); i++) {
      JsonNode parent = parents.get(i);
      String at = "parents[" + i + "]";
      if (!parent.isObject()) {
        throw new InvalidInputException(at, "must be an object {id, name, address}");
      }
      String name = text(parent, "name");
      String address = text(parent, "address");
      String id = text(parent, "id");
      if (name == null || name.length() > 200) {
        throw new InvalidInputException(at + ".name", "is required (at most 200 characters)");
      }
      if (address == null || address.length() > 500) {
        throw new InvalidInputException(at + ".address", "is required: a penalty notice is posted to it");
      }
      if (id == null) {
        id = "parent-" + (i + 1);
      }
      if (!ids.add(id)) {
        throw new InvalidInputException(at + ".id", "'" + id + "' is listed twice");
      }
      ObjectNode entry = clean.addObject();
      entry.put("id", id);
      entry.put("name", name);
      entry.put("address", address);
    }
    if (!clean.equals(parents) || !JsonVariables.isJson(scope, "parents")) {
      JsonVariables.write(scope, "parents", clean);
    }
    for (String field : new String[] {"parent1Name", "parent1Address", "parent2Name", "parent2Address"}) {
      scope.removeVariable(field);
    }
    return clean;
  }

  private static ArrayNode fromFormFields(VariableScope scope) {
    ArrayNode parents = JsonVariables.MAPPER.createArrayNode();
    for (int n = 1; n <= 2; n++) {
      String name = Inputs.optionalText(scope, "parent" + n + "Name", 200);
      String address = Inputs.optionalText(scope, "parent" + n + "Address", 500);
      if (name == null && address == null) {
        if (n == 1) {
          throw new InvalidInputException("parents", "at least one parent is required");
        }
        continue;
      }
      if (name == null) {
        throw new InvalidInputException("parent" + n + "Name", "is required");
      }
      if (address == null) {
        throw new InvalidInputException("parent" + n + "Address", "is required: a penalty notice is posted to it");
      }
      ObjectNode parent = parents.addObject();
      parent.put("id", "parent-" + n);
      parent.put("name", name);
      parent.put("address", address);
    }
    return parents;
  }

  private static String text(JsonNode parent, String field) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.asText().trim();
    return text.isEmpty() ? null : text;
  }
}
