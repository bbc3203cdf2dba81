package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NationalThreshold: 10 unauthorised sessions in 10 school weeks, at the boundary. */
class NationalThresholdDecisionTest {

  private static final DmnDecision DECISION = DecisionTables.load("NationalThreshold");

  @ParameterizedTest(name = "{0} sessions -> met {1}")
  @CsvSource({"0, false", "9, false", "10, true", "11, true", "380, true"})
  void decidesTheThreshold(int sessions, boolean met) {
    Boolean result =
        DecisionTables.evaluate(DECISION, Map.of("unauthorisedSessions", sessions)).getSingleEntry();
    assertThat(result).isEqualTo(met);
  }
}
