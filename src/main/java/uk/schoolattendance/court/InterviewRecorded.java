package uk.schoolattendance.court;

import static uk.schoolattendance.court.CourtProceedings.EVIDENCE_LIST;
import static uk.schoolattendance.court.CourtProceedings.INTERVIEW_DATE;
import static uk.schoolattendance.court.CourtProceedings.INTERVIEW_RECORD_REFERENCE;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Completing "Interview the parent under caution" (s444(1A) only): the interview date and where
 * its record is kept; the record joins the evidence list.
 */
@Component("interviewRecorded")
public class InterviewRecorded implements TaskListener {

  private final SchoolCalendar dates;

  public InterviewRecorded(SchoolCalendar dates) {
    this.dates = dates;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate held = Inputs.requiredDay(task, INTERVIEW_DATE, dates.properties().zone());
    if (held.isAfter(dates.today())) {
      throw new InvalidInputException(INTERVIEW_DATE.name(), "must not be in the future");
    }
    String record = Inputs.requiredText(task, INTERVIEW_RECORD_REFERENCE, 200);
    String list = EVIDENCE_LIST.get(task);
    EVIDENCE_LIST.set(
        task,
        (list == null ? "" : list + "\n") + "Record of the interview under caution (s444(1A)), held on " + Days.shown(held) + ": " + record);
  }
}
