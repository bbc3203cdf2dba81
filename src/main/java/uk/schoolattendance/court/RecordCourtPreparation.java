package uk.schoolattendance.court;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolCalendar;

/** "Record preparation" ({@code recordCourtPreparation}): the offence section and the hearing date go into the court record. */
@Component("recordCourtPreparation")
public class RecordCourtPreparation implements JavaDelegate {

  private final CourtProceedingsRepository proceedings;
  private final SchoolCalendar calendar;

  public RecordCourtPreparation(CourtProceedingsRepository proceedings, SchoolCalendar calendar) {
    this.proceedings = proceedings;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    proceedings.recordPreparation(
        execution.getProcessInstanceId(),
        CourtProceedings.OFFENCE_SECTION.get(execution),
        CourtProceedings.HEARING_DATE.get(execution));
  }
}
