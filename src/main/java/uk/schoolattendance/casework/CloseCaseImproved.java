package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.CASE_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.STAGE;
import static uk.schoolattendance.casework.AttendanceCase.SUPPORT_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close case: attendance improved" ({@code closeCaseImproved}): after a level ended with
 * attendance improved ({@code supportOutcome} {@code improved}, the escalation's code), the case's
 * outcome is {@code improved}, it returns to the school's monitoring, and its history says so.
 */
@Component("closeCaseImproved")
public class CloseCaseImproved implements JavaDelegate {

  private final CasePathway pathway;

  public CloseCaseImproved(CasePathway pathway) {
    this.pathway = pathway;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!AttendanceCase.IMPROVED.equals(SUPPORT_OUTCOME.get(execution))) {
      throw new IllegalStateException("closeCaseImproved after support outcome " + SUPPORT_OUTCOME.get(execution));
    }
    CASE_OUTCOME.set(execution, AttendanceCase.IMPROVED);
    STAGE.set(execution, Stage.MONITOR.value());
    pathway.record(execution, "case-closed", "attendance improved");
  }
}
