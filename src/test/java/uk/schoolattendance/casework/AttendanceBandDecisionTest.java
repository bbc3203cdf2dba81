package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AttendanceBand at 90, 50 and 30 %, the ends of the scale and just either side. */
class AttendanceBandDecisionTest {

  private static final DmnDecision DECISION = DecisionTables.load("AttendanceBand");

  @ParameterizedTest(name = "{0} % -> {1}")
  @CsvSource({
    "100, not-persistent",
    "90.1, not-persistent",
    "90.0, persistent",
    "89.9, persistent",
    "50.1, persistent",
    "50.0, severe",
    "49.9, severe",
    "30.0, severe",
    "29.9, chronic",
    "0, chronic"
  })
  void bandsAttendance(double percent, String band) {
    String result =
        DecisionTables.evaluate(DECISION, Map.of("attendancePercent", percent)).getSingleEntry();
    assertThat(result).isEqualTo(band);
  }
}
