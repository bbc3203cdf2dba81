package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ReviewOutcome at its boundaries: the target, and a rise of exactly the 2-point margin. */
class ReviewOutcomeDecisionTest {

  private static final DmnDecision DECISION = DecisionTables.load("ReviewOutcome");

  @ParameterizedTest(name = "start {0} %, target {1} %, now {2} % -> {3}")
  @CsvSource({
    // The domain notes' example
    "80, 92, 86, some-progress",
    "80, 92, 79, no-progress",
    "80, 92, 81, no-progress",
    "80, 92, 92, target-met",
    // Boundaries
    "80, 92, 91.9, some-progress",
    "80, 92, 82, some-progress",
    "80, 92, 81.9, no-progress",
    "80, 92, 80, no-progress",
    "80, 92, 100, target-met",
    // A target already met at the start stays met
    "95, 92, 93, target-met",
    // Falling attendance
    "70, 90, 60, no-progress"
  })
  void readsAReview(double start, double target, double now, String outcome) {
    String result =
        DecisionTables.evaluate(
                DECISION,
                Map.of(
                    "reviewStartPercent", start,
                    "attendanceTarget", target,
                    "currentAttendancePercent", now))
            .getSingleEntry();
    assertThat(result).isEqualTo(outcome);
  }

  /**
   * Review 2, C1: "improved" is defined twice, by this table's margin at a Level 2 review and by
   * {@code attendance.case.school-intervention-improvement-points} at Level 1. Their national
   * defaults are the same margin (domain notes §2); changing one without the other fails here.
   */
  @org.junit.jupiter.api.Test
  void theLevel1ImprovementMarginIsTheReviewsMargin() {
    double points = new CaseSettings(null, null, null, null, null, null, null).schoolInterventionImprovementPoints();
    assertThat(outcome(50, 90, 50 + points)).isEqualTo("some-progress");
    assertThat(outcome(50, 90, 50 + points - 0.1)).isEqualTo("no-progress");
  }

  private static String outcome(double start, double target, double now) {
    return DecisionTables.evaluate(DECISION, Map.of("reviewStartPercent", start, "attendanceTarget", target,
        "currentAttendancePercent", now)).getSingleEntry();
  }
}
