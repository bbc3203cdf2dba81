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

  /**
   * {@code CaseClosed}: closes the case at any point with a reason, except while penalty notices
   * or court proceedings of the case are open (they end by payment, withdrawal or outcome).
   */
  public void caseClosed(DelegateExecution execution) {
    String reason = Inputs.optionalText(execution, "closureReason", 4000);
    if (reason == null) {
      throw new InvalidInputException("closureReason", "is required: say why the case is closed");
    }
    long enforcement =
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .superProcessInstanceId(execution.getProcessInstanceId())
            .processDefinitionKeyIn("PenaltyNotice", "CourtProceedings")
            .count();
    if (enforcement > 0) {
      // An issued notice or a prosecution is a legal record with its own end (paid, withdrawn, outcome)
      throw new InvalidInputException(
          "CaseClosed", "the case has penalty notices or court proceedings open: withdraw or conclude them first");
    }
    execution.setVariable("caseOutcome", "closed");
    pathway.record(execution, "case-closed", reason);
  }
}
