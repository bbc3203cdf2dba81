package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No form decides a day of the law by the browser's clock. A day of the law is a calendar day in
 * England (Europe/London): a browser in another zone, or with its clock wrong, is already on
 * tomorrow, or still on yesterday, near midnight. So the forms compare no date with "today" in the
 * browser (form-js's {@code disallowPassedDates} takes the browser's today; FEEL's {@code today()}
 * and {@code now()} run in the browser): the server's rule on Start or Complete decides, naming the
 * field ({@code CourtProceedingsProcessTest#anInterviewDatedTomorrowInEnglandIsRefusedThoughItIsTodayInTheBrowser}).
 */
class FormDatesTest {

  private static final Pattern BROWSERS_TODAY = Pattern.compile("\\b(today|now)\\s*\\(");

  @Test
  void noFormComparesADateWithTheBrowsersToday() throws IOException {
    List<String> found = new ArrayList<>();
    List<Path> forms;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      forms = files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).isNotEmpty();
    for (Path form : forms) {
      look(form.getFileName().toString(), new ObjectMapper().readTree(form.toFile()), "", found);
    }
    assertThat(found).as("what in the forms takes the browser's today").isEmpty();
  }

  @Test
  void theCheckFindsWhatItLooksFor() throws IOException {
    List<String> found = new ArrayList<>();
    look("example.form", new ObjectMapper().readTree("""
        {"components": [
          {"type": "datetime", "key": "reviewDate", "subtype": "date", "disallowPassedDates": true},
          {"type": "text", "text": "Today is a school day", "conditional": {"hide": "=reviewDate < today()"}},
          {"type": "textfield", "key": "at", "defaultValue": "=string(now ())"}
        ]}"""), "", found);
    assertThat(found).containsExactly(
        "example.form components[0] disallowPassedDates",
        "example.form components[1].conditional.hide: =reviewDate < today()",
        "example.form components[2].defaultValue: =string(now ())");
  }

  private static void look(String form, JsonNode node, String path, List<String> found) {
    if (node.isObject()) {
      node.fields().forEachRemaining(entry -> {
        String at = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
        if (entry.getKey().equals("disallowPassedDates") && entry.getValue().asBoolean()) {
          found.add(form + " " + path + " disallowPassedDates");
        } else {
          look(form, entry.getValue(), at, found);
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        look(form, node.get(i), path + "[" + i + "]", found);
      }
    } else if (node.isTextual() && node.asText().startsWith("=") && BROWSERS_TODAY.matcher(node.asText()).find()) {
      found.add(form + " " + path + ": " + node.asText());
    }
  }
}
