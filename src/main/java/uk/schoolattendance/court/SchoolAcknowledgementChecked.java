package uk.schoolattendance.court;

import static uk.schoolattendance.court.CourtProceedings.COURT_OUTCOME_ACKNOWLEDGED;
import static uk.schoolattendance.court.CourtProceedings.SCHOOL_ACKNOWLEDGEMENT_NOTES;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Completing "Acknowledge court outcome" ({@code schoolAcknowledgementChecked}, the school's task,
 * candidate group {@code school-{urn}}): the school confirms it read the outcome
 * ({@code courtOutcomeAcknowledged} true, required) with optional notes of what it will do; the
 * court record keeps the day, once.
 */
@Component("schoolAcknowledgementChecked")
public class SchoolAcknowledgementChecked implements TaskListener {

  private final CourtProceedingsRepository proceedings;
  private final SchoolCalendar calendar;

  public SchoolAcknowledgementChecked(CourtProceedingsRepository proceedings, SchoolCalendar calendar) {
    this.proceedings = proceedings;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(Inputs.yesNo(task, COURT_OUTCOME_ACKNOWLEDGED, true))) {
      throw new InvalidInputException(COURT_OUTCOME_ACKNOWLEDGED.name(), "must be true: the school confirms it read the outcome");
    }
    Inputs.optionalText(task, SCHOOL_ACKNOWLEDGEMENT_NOTES, Inputs.TEXT_MAX);
    proceedings.recordAcknowledgedBySchool(task.getProcessInstanceId(), calendar.today());
  }
}
