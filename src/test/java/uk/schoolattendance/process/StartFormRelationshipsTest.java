package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.casework.AttendanceCase;

/**
 * The start form's file offers each parent's relationship to the child as the national list
 * ({@link ParentRelationships#NATIONAL}), the options a form opened in Tasklist shows when a
 * council keeps the default; a council's own list replaces them as the form is opened
 * ({@code StartFormRelationships}). The file's options are exactly the national list, same values,
 * same words, same order.
 */
class StartFormRelationshipsTest {

  private static final Path START_FORM = Path.of("forms", "start-attendance-case.form");

  @Test
  void eachParentsRelationshipOptionsAreExactlyTheRelationshipsTheReaderAccepts() throws IOException {
    JsonNode form = new ObjectMapper().readTree(START_FORM.toFile());
    for (String key : List.of(AttendanceCase.PARENT_1_RELATIONSHIP.name(), AttendanceCase.PARENT_2_RELATIONSHIP.name())) {
      JsonNode field = field(form, key);
      assertThat(field).as(key + " on the start form").isNotNull();
      Map<String, String> offered = new LinkedHashMap<>();
      field.path("values").forEach(option -> offered.put(option.path("value").asText(), option.path("label").asText()));
      assertThat(offered).as(key).containsExactlyEntriesOf(ParentRelationships.national().withWords());
    }
  }

  private static JsonNode field(JsonNode node, String key) {
    if (node.isObject() && key.equals(node.path("key").asText(null))) {
      return node;
    }
    for (JsonNode child : node) {
      JsonNode found = field(child, key);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
