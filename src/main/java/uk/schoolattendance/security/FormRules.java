package uk.schoolattendance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import uk.schoolattendance.system.InvalidInputException;

/** A Camunda Form is a JSON document. */
final class FormRules {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormRules() {}

  static void check(String resource, byte[] bytes) {
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new InvalidInputException(resource, "is not a Camunda Form (JSON)");
    }
    if (form == null || !form.isObject()) {
      throw new InvalidInputException(resource, "is not a Camunda Form (JSON)");
    }
  }
}
