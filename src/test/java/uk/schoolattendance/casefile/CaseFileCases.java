package uk.schoolattendance.casefile;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.process.Upn;

/**
 * Cases for the case file's tests, started as the application (no authenticated user), each
 * with a pupil nobody else's test uses: tests share one application and its database.
 */
public final class CaseFileCases {

  private static final AtomicLong PUPILS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 100);

  private final RuntimeService runtimeService;

  public CaseFileCases(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** A UPN no other case of the test run has. */
  public static String newUpn() {
    return Upn.of(PUPILS.incrementAndGet());
  }

  /** A Level 1 case at the school for the pupil with these parents ({@code id} and {@code name}). */
  public ProcessInstance start(String school, String pupilName, String upn, String... parentIdsAndNames) {
    return start(Map.of(), school, pupilName, upn, parentIdsAndNames);
  }

  /** As {@link #start(String, String, String, String...)} with more start variables ({@code entryLevel}). */
  public ProcessInstance start(Map<String, Object> more, String school, String pupilName, String upn, String... parentIdsAndNames) {
    StringBuilder parents = new StringBuilder("[");
    for (int i = 0; i < parentIdsAndNames.length; i += 2) {
      parents.append(i == 0 ? "" : ",").append("{\"id\":\"").append(parentIdsAndNames[i]).append("\",\"name\":\"")
          .append(parentIdsAndNames[i + 1]).append("\",\"address\":\"1 High Street, Southend SS1 1AA\"}");
    }
    parents.append("]");
    Map<String, Object> variables =
        CaseFixtures.with(
            CaseFixtures.startVariables(),
            AttendanceCase.SCHOOL_URN.name(), school,
            AttendanceCase.PUPIL_NAME.name(), pupilName,
            AttendanceCase.PUPIL_UPN.name(), upn,
            AttendanceCase.PUPIL_DATE_OF_BIRTH.name(), CaseFixtures.london(2016, 5, 28, 0),
            AttendanceCase.PARENTS.name(), SpinValues.jsonValue(parents.toString()).create());
    variables.putAll(more);
    return runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, variables);
  }

  public String referenceOf(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), AttendanceCase.CASE_REFERENCE.name());
  }
}
