package uk.schoolattendance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.Inputs;

/**
 * A date that is no date cannot reach a case rolled over to another day by the server: Tasklist's
 * forms send a day as ISO text, read strictly (31 February is refused, not 3 March); a typed Date
 * through the engine's REST API is read strictly before Camunda's lenient format would roll it
 * over. (The typo a person makes in a form's date picker is caught in the browser:
 * scripts/form-errors.js, browser/TasklistFormErrorsBrowserTest.)
 */
class RolledOverDatesTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void aFormsDayThatIsNoDateIsRefusedNamingTheField() {
    assertThatThrownBy(() -> Inputs.day("reviewDate", "2027-02-31", LONDON))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reviewDate")
        .hasMessageContaining("2027-02-31");
    assertThat(Inputs.day("reviewDate", "2027-02-28", LONDON)).isEqualTo(LocalDate.of(2027, 2, 28));
  }

  @Test
  void aRestDateThatIsNoDateIsRefusedNamingTheVariable() throws Exception {
    var body = new ObjectMapper().readTree(
        "{\"variables\": {\"reviewDate\": {\"type\": \"Date\", \"value\": \"2027-02-31T00:00:00.000+0000\"}}}");
    assertThat(EngineRestVariableTypes.check("complete", body)).startsWith("reviewDate: must be a date");
    var real = new ObjectMapper().readTree(
        "{\"variables\": {\"reviewDate\": {\"type\": \"Date\", \"value\": \"2027-02-28T00:00:00.000+0000\"}}}");
    assertThat(EngineRestVariableTypes.check("complete", real)).isNull();
  }
}
