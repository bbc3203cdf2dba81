package uk.schoolattendance.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record closure" ({@code recordCaseClosure}): the case ends {@code closed}, with the reason in its history. */
@Component("recordCaseClosure")
public class RecordCaseClosure implements JavaDelegate {

  private final CasePathway pathway;

  public RecordCaseClosure(CasePathway pathway) {
    this.pathway = pathway;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AttendanceCase.CASE_OUTCOME.set(execution, AttendanceCase.CLOSED);
    pathway.record(execution, "case-closed", AttendanceCase.CLOSURE_REASON.get(execution));
  }
}
