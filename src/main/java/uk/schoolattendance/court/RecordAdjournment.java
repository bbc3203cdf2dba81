package uk.schoolattendance.court;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * "Record adjournment" ({@code recordAdjournment}): the new hearing date goes into the court
 * record, and the process waits for it again with no outcome and no adjournment pending.
 */
@Component("recordAdjournment")
public class RecordAdjournment implements JavaDelegate {

  private final CourtProceedingsRepository proceedings;
  private final SchoolCalendar calendar;

  public RecordAdjournment(CourtProceedingsRepository proceedings, SchoolCalendar calendar) {
    this.proceedings = proceedings;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    proceedings.recordHearingDate(
        execution.getProcessInstanceId(), CourtProceedings.HEARING_DATE.get(execution));
    CourtProceedings.COURT_OUTCOME.remove(execution);
    CourtProceedings.HEARING_ADJOURNED.remove(execution);
  }
}
