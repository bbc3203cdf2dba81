package uk.schoolattendance.casefile.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every date a person types into a Camunda Form is checked in the browser, naming the field
 * (Tasklist's scripts/form-errors.js, browser/TasklistFormErrorsBrowserTest): that check reads
 * day/month/year typed into a date picker. So every date input of the forms is a date picker of
 * subtype date, never a date-time or time input (whose time the check would not read), and no field
 * a person fills in is a text field for a date (an ISO date typed as text would not be checked in
 * the browser). A date shown as words ("…Shown") is read-only.
 */
class FormDatesAreCheckedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The variable of a field that holds a day: reviewDate, dispatchedOn, pupilDateOfBirth, offenceFrom, finalDeadline. */
  private static final Pattern A_DAY = Pattern.compile("(Date|Day|Deadline|Birth|(?<=[a-z])(On|From|To|Until))$|^(date|day)");

  @Test
  void everyDateAPersonTypesIsADayMonthYearPicker() throws IOException {
    List<String> unchecked = new ArrayList<>();
    for (Path form : FormsReadAsWrittenTest.forms()) {
      for (JsonNode field : FormsReadAsWrittenTest.components(JSON.readTree(form.toFile()))) {
        String type = field.path("type").asText();
        String where = form.getFileName() + " " + field.path("id").asText();
        boolean typedIn = !field.path("disabled").asBoolean() && !field.path("readonly").asBoolean();
        if ("datetime".equals(type) && !"date".equals(field.path("subtype").asText())) {
          unchecked.add(where + ": a " + field.path("subtype").asText() + " input (its time is not checked)");
        }
        if (typedIn && ("textfield".equals(type) || "textarea".equals(type))
            && A_DAY.matcher(field.path("key").asText()).find()) {
          unchecked.add(where + ": a date typed as text (use a date picker)");
        }
      }
    }
    assertThat(unchecked).isEmpty();
  }
}
