package uk.schoolattendance.casefile.casepage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import uk.schoolattendance.casework.AttendanceCase;

/**
 * A deployed start form as Tasklist is given it, with each parent's "Relationship to the child"
 * offering the relationships configured ({@code attendance.parents.relationships}) in place of the
 * national list the form's file holds: the list is configuration, the form is not redeployed for
 * it, and what the form offers is what the start accepts. Any other form, or one without those
 * fields, is given unchanged.
 */
final class StartFormRelationships {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of(AttendanceCase.PARENT_1_RELATIONSHIP.name(), AttendanceCase.PARENT_2_RELATIONSHIP.name());

  private StartFormRelationships() {}

  static InputStream offered(InputStream deployed, Map<String, String> relationships) {
    return offered(deployed, FIELDS, relationships);
  }

  /**
   * A deployed form whose select fields named {@code fields} offer {@code options} (value to words)
   * in place of the options its file holds; the same rule for any list that is configuration, such
   * as the early escalation reasons of "Watch improvement period"
   * ({@code attendance.notice-to-improve.early-escalation-reasons}).
   */
  static InputStream offered(InputStream deployed, Set<String> fields, Map<String, String> options) {
    if (deployed == null) {
      return null;
    }
    byte[] bytes;
    try (deployed) {
      bytes = deployed.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (IOException notJson) {
      // an HTML or other embedded form: not ours to change
      return new ByteArrayInputStream(bytes);
    }
    if (form == null || !replace(form, fields, options)) {
      return new ByteArrayInputStream(bytes);
    }
    try {
      return new ByteArrayInputStream(JSON.writeValueAsBytes(form));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the options of every relationship field under the node; whether there was one. */
  private static boolean replace(JsonNode node, Set<String> fields, Map<String, String> options) {
    boolean replaced = false;
    if (node instanceof ObjectNode field && fields.contains(field.path("key").asText(""))
        && field.path("values").isArray()) {
      ArrayNode values = JSON.createArrayNode();
      options.forEach((value, words) -> values.addObject().put("label", words).put("value", value));
      field.set("values", values);
      replaced = true;
    }
    for (JsonNode child : node) {
      replaced |= replace(child, fields, options);
    }
    return replaced;
  }
}
