package uk.schoolattendance.attendance;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.schools.SchoolAccess;

/**
 * The national threshold's number of unauthorised sessions, from its one source: the latest
 * deployed {@code NationalThreshold} decision (docs/analysts.md, "The national threshold"). The
 * case's own check evaluates that decision; the register counts a whole school's marks in one SQL
 * query, which needs the number, so the number is read off the decision: the fewest unauthorised
 * sessions for which it answers {@code thresholdMet = true}. A decision that does not answer false
 * below one number and true from it is no threshold and is refused ({@link #of}; the model guard
 * refuses it at deployment). Each read asks the engine for the latest version's id (one indexed
 * query) and works the number out once per version, so an analyst's new version applies to the
 * register, the identified pupils, the case page and the data pack at once. The window, in school
 * weeks, stays {@code attendance.register.threshold.school-weeks}: the decision's input is the
 * count over that window.
 */
@Component
public class ThresholdSessions {

  /** The most unauthorised sessions a threshold may need: far more than two a day for a school year. */
  static final int MOST = 1000;

  private record Derived(String id, int sessions) {}

  private final RepositoryService repository;
  private final DmnEngine dmn;
  private final SchoolAccess access;
  private volatile Derived derived;

  ThresholdSessions(ProcessEngine engine, SchoolAccess access) {
    this.repository = engine.getRepositoryService();
    // a plain DMN engine: the process engine's own writes decision history for each evaluation
    this.dmn = org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    this.access = access;
  }

  /** The threshold's sessions as the latest deployed NationalThreshold decision sets them. */
  public int sessions() {
    return access.asSystem(() -> {
      DecisionDefinition latest = repository.createDecisionDefinitionQuery()
          .decisionDefinitionKey(AttendanceCase.NATIONAL_THRESHOLD_DECISION).latestVersion().singleResult();
      if (latest == null) {
        throw new IllegalStateException("decision " + AttendanceCase.NATIONAL_THRESHOLD_DECISION + " is not deployed");
      }
      Derived current = derived;
      if (current != null && current.id().equals(latest.getId())) {
        return current.sessions();
      }
      // the engine's own parsed decision, from its deployment cache
      int sessions = of(dmn, (DmnDecision) repository.getDecisionDefinition(latest.getId()));
      derived = new Derived(latest.getId(), sessions);
      return sessions;
    });
  }

  /**
   * The fewest unauthorised sessions for which {@code decision} answers {@code thresholdMet = true},
   * provided it answers false for every count below and true for every count from it up to
   * {@value #MOST}; otherwise an {@link IllegalArgumentException} saying which counts disagree.
   */
  public static int of(DmnEngine dmn, DmnDecision decision) {
    String input = AttendanceCase.UNAUTHORISED_SESSIONS.name();
    String output = AttendanceCase.THRESHOLD_MET.name();
    Integer first = null;
    List<Integer> wrong = new ArrayList<>();
    for (int n = 0; n <= MOST; n++) {
      Object met = dmn.evaluateDecisionTable(decision, Variables.createVariables().putValue(input, n)).getSingleEntry();
      if (!(met instanceof Boolean)) {
        throw new IllegalArgumentException(
            "gives " + output + " = " + met + " for " + n + " unauthorised sessions; it must answer true or false for every count");
      }
      if (first == null && (Boolean) met) {
        first = n;
      } else if (first != null && !(Boolean) met && wrong.size() < 3) {
        wrong.add(n);
      }
    }
    if (first == null) {
      throw new IllegalArgumentException("never gives " + output + " = true (0 to " + MOST + " unauthorised sessions)");
    }
    if (first == 0) {
      throw new IllegalArgumentException("gives " + output + " = true for 0 unauthorised sessions; the threshold is at least 1 session");
    }
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException("gives " + output + " = true from " + first + " unauthorised sessions but false again for "
          + wrong + "; a threshold is met from one number of sessions upwards");
    }
    return first;
  }
}
