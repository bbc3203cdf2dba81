package uk.schoolattendance.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record court outcome on the case" ({@code recordCaseCourtOutcome}): the case ends {@code court-outcome}. */
@Component("recordCaseCourtOutcome")
public class RecordCaseCourtOutcome implements JavaDelegate {

  private final CasePathway pathway;

  public RecordCaseCourtOutcome(CasePathway pathway) {
    this.pathway = pathway;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AttendanceCase.CASE_OUTCOME.set(execution, AttendanceCase.COURT);
    pathway.record(execution, AttendanceCase.COURT, AttendanceCase.COURT_OUTCOME.get(execution));
  }
}
