package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.ATTENDANCE_PERCENT;
import static uk.schoolattendance.casework.AttendanceCase.CLOSURE_REASON;
import static uk.schoolattendance.casework.AttendanceCase.UNAUTHORISED_SESSIONS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.court.CourtProceedings;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Start listeners of the case's event subprocesses ({@code caseMessages}): they check what the
 * messages {@code AttendanceUpdated} and {@code CaseClosed} carry; a bad value is refused and the
 * correlation rolls back (the engine REST API answers 400 naming the variable).
 */
@Component("caseMessages")
public class CaseMessages implements ExecutionListener {

  private final CasePathway pathway;

  public CaseMessages(CasePathway pathway) {
    this.pathway = pathway;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String activity = execution.getCurrentActivityId();
    if (AttendanceCase.ATTENDANCE_UPDATED_EVENT.equals(activity)) {
      attendanceUpdated(execution);
    } else if (AttendanceCase.CASE_CLOSED_EVENT.equals(activity)) {
      caseClosed(execution);
    } else {
      throw new IllegalStateException("caseMessages is not for " + activity);
    }
  }

  /** {@code AttendanceUpdated}: the school's latest figures. */
  public void attendanceUpdated(DelegateExecution execution) {
    double percent = Inputs.percent(execution, ATTENDANCE_PERCENT, true);
    int sessions = Inputs.wholeNumber(execution, UNAUTHORISED_SESSIONS, 0, 1000, null);
    pathway.record(execution, "attendance-updated", percent + "%, " + sessions + " unauthorised sessions");
  }

  /**
   * {@code CaseClosed}: a case closes at any point with a reason, except while penalty notices or
   * court proceedings of the case are open (they end by payment, withdrawal or outcome). "Record
   * closure" then records it.
   */
  public void caseClosed(DelegateExecution execution) {
    String reason = Inputs.optionalText(execution, CLOSURE_REASON, Inputs.TEXT_MAX);
    if (reason == null) {
      throw new InvalidInputException(CLOSURE_REASON.name(), "is required: say why the case is closed");
    }
    long enforcement =
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .superProcessInstanceId(execution.getProcessInstanceId())
            .processDefinitionKeyIn(PenaltyNotice.KEY, CourtProceedings.KEY)
            .count();
    if (enforcement > 0) {
      // An issued notice or a prosecution is a legal record with its own end (paid, withdrawn, outcome)
      throw new InvalidInputException(
          AttendanceCase.CASE_CLOSED.name(),
          "the case has penalty notices or court proceedings open: withdraw or conclude them first");
    }
  }
}
