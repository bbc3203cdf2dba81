package uk.schoolattendance.court;

import static uk.schoolattendance.court.CourtProceedings.EVIDENCE_LIST;
import static uk.schoolattendance.court.CourtProceedings.INFORMATION_LAID_ON;
import static uk.schoolattendance.court.CourtProceedings.INTERVIEW_DATE;
import static uk.schoolattendance.court.CourtProceedings.INTERVIEW_HELD;
import static uk.schoolattendance.court.CourtProceedings.INTERVIEW_NOT_HELD_REASON;
import static uk.schoolattendance.court.CourtProceedings.INTERVIEW_RECORD_REFERENCE;
import static uk.schoolattendance.court.CourtProceedings.OFFENCE_TO;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Completing "Interview the parent under caution" (PACE Code C), before the decision to lay the
 * information: when it was held and where its record is kept, or, when the parent declined or did
 * not attend, why it was not held. The interview is about the offence period's absence, so it is
 * held on or after the period's last day, and not in the future. The record (or the reason) joins
 * the evidence list. Instances of the earlier version reach this task after the information was laid
 * ({@code interviewHeld} absent there means held, as its form asked only for the interview).
 */
@Component("interviewRecorded")
public class InterviewRecorded implements TaskListener {

  private final SchoolCalendar dates;

  public InterviewRecorded(SchoolCalendar dates) {
    this.dates = dates;
  }

  @Override
  public void notify(DelegateTask task) {
    Boolean heldAnswer = Inputs.yesNo(task, INTERVIEW_HELD, false);
    boolean held = heldAnswer == null || heldAnswer;
    INTERVIEW_HELD.set(task, held);
    String list = EVIDENCE_LIST.get(task);
    String line;
    if (held) {
      LocalDate on = Inputs.requiredDay(task, INTERVIEW_DATE, dates.properties().zone());
      if (on.isAfter(dates.today())) {
        throw new InvalidInputException(INTERVIEW_DATE.name(), "must not be in the future");
      }
      LocalDate offenceTo = OFFENCE_TO.get(task);
      if (offenceTo != null && on.isBefore(offenceTo)) {
        throw new InvalidInputException(
            INTERVIEW_DATE.name(),
            "must be on or after the last day of the offence period (" + Days.shown(offenceTo)
                + "): the interview is about the absence in that period");
      }
      String record = Inputs.requiredText(task, INTERVIEW_RECORD_REFERENCE, 200);
      clear(task, INTERVIEW_NOT_HELD_REASON.name());
      line = "Record of the interview under caution (PACE Code C), held on " + Days.shown(on) + ": " + record;
    } else {
      if (INFORMATION_LAID_ON.get(task) != null) {
        // the earlier version: the s444(1A) information is already laid on the interview's evidence
        throw new InvalidInputException(
            INTERVIEW_HELD.name(), "the information under s444(1A) is laid: record the interview under caution");
      }
      String reason = Inputs.requiredText(task, INTERVIEW_NOT_HELD_REASON, 500);
      clear(task, INTERVIEW_DATE.name());
      clear(task, INTERVIEW_RECORD_REFERENCE.name());
      line = "Interview under caution: not held: " + reason;
    }
    EVIDENCE_LIST.set(task, (list == null ? "" : list + "\n") + line);
  }

  private static void clear(DelegateTask task, String name) {
    if (task.hasVariable(name)) {
      task.removeVariable(name);
    }
  }
}
