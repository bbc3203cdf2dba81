package uk.schoolattendance.court;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.Inputs;
import uk.schoolattendance.notices.NoticeDates;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Completing "Interview the parent under caution" (s444(1A) only): the interview date and where
 * its record is kept; the record joins the evidence list.
 */
@Component("interviewRecorded")
public class InterviewRecorded implements TaskListener {

  private final NoticeDates dates;

  public InterviewRecorded(NoticeDates dates) {
    this.dates = dates;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate held = Inputs.requiredDate(task, "interviewDate", dates.zone());
    if (held.isAfter(dates.today())) {
      throw new InvalidInputException("interviewDate", "must not be in the future");
    }
    String record = Inputs.requiredText(task, "interviewRecordReference", 200);
    task.setVariable("interviewDate", dates.startOfDay(held));
    Object list = task.getVariable("evidenceList");
    task.setVariable(
        "evidenceList",
        (list == null ? "" : list + "\n") + "Record of the interview under caution (s444(1A)), held " + held + ": " + record);
  }
}
