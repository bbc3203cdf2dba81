package uk.schoolattendance.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Start listeners of the case's event subprocesses ({@code caseMessages}): the messages
 * {@code AttendanceUpdated} and {@code CaseClosed} carry variables; bad ones are refused and
 * the correlation rolls back (the engine REST API answers 400 naming the variable).
 */
@Component("caseMessages")
public class CaseMessages implements ExecutionListener {

  private final CasePathway pathway;

  public CaseMessages(CasePathway pathway) {
    this.pathway = pathway;
  }

  @Override
  public void notify(DelegateExecution execution) {
    switch (execution.getCurrentActivityId()) {
      case "Event_AttendanceUpdated" -> attendanceUpdated(execution);
      case "Event_CaseClosedRequested" -> caseClosed(execution);
      default -> throw new IllegalStateException("caseMessages is not for " + execution.getCurrentActivityId());
    }
  }

  /** {@code AttendanceUpdated}: the school's latest figures. */
  public void attendanceUpdated(DelegateExecution execution) {
    double percent = Inputs.percent(execution, "attendancePercent", true);
    int sessions = Inputs.integer(execution, "unauthorisedSessions", 0, 1000, null);
    pathway.record(execution, "attendance-updated", percent + " %, " + sessions + " unauthorised sessions");
  }

  /** {@code CaseClosed}: closes the case at any point with a reason. */
  public void caseClosed(DelegateExecution execution) {
    String reason = Inputs.optionalText(execution, "closureReason", 4000);
    if (reason == null) {
      throw new InvalidInputException("closureReason", "is required: say why the case is closed");
    }
    execution.setVariable("caseOutcome", "closed");
    pathway.record(execution, "case-closed", reason);
  }
}
