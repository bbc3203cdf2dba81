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
 * The start form offers each parent's relationship to the child as fixed options; the reader
 * accepts {@link ParentStanding#RELATIONSHIPS}. A relationship added to one and not the other
 * would be refused at start or never offered: the form's options are exactly the list, same
 * values, same words, same order.
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
      assertThat(offered).as(key).containsExactlyEntriesOf(ParentStanding.RELATIONSHIPS);
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
