package uk.schoolattendance.court;

import static uk.schoolattendance.court.CourtProceedings.CHILD_LOOKED_AFTER;
import static uk.schoolattendance.court.CourtProceedings.HEARING_DATE;
import static uk.schoolattendance.court.CourtProceedings.INFORMATION_DEADLINE;
import static uk.schoolattendance.court.CourtProceedings.INFORMATION_LAID_ON;
import static uk.schoolattendance.court.CourtProceedings.OFFENCE_SECTION;
import static uk.schoolattendance.court.CourtProceedings.OUTCOME_DUE_DATE;
import static uk.schoolattendance.court.CourtProceedings.PROCEEDINGS_TYPE;
import static uk.schoolattendance.court.CourtProceedings.SUPERVISION_ORDER_CONSIDERED;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Checks the completion of "Prepare the court case": a prosecution needs the s444(1) or
 * s444(1A) decision, the education supervision order considered first (Education Act 1996 s447)
 * and the information laid within the 6-month limit; an education supervision order cannot be
 * sought for a child in care. The hearing date must lie ahead; it becomes the hearing timer.
 * "Record preparation" then writes it to the court record.
 */
@Component("courtCaseReady")
public class CourtCaseReady implements TaskListener {

  private final SchoolCalendar dates;
  private final CourtProperties properties;

  public CourtCaseReady(SchoolCalendar dates, CourtProperties properties) {
    this.dates = dates;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate today = dates.today();
    String section = null;
    if (CourtProceedings.PROSECUTION.equals(PROCEEDINGS_TYPE.get(task))) {
      section = Inputs.oneOf(task, OFFENCE_SECTION, CourtProceedings.SECTIONS, null);
      if (!Inputs.yesNo(task, SUPERVISION_ORDER_CONSIDERED, true)) {
        throw new InvalidInputException(
            SUPERVISION_ORDER_CONSIDERED.name(),
            "an education supervision order must be considered before prosecuting (Education Act 1996 s447)");
      }
      LocalDate laid = Inputs.requiredDay(task, INFORMATION_LAID_ON, dates.properties().zone());
      LocalDate limit = INFORMATION_DEADLINE.get(task);
      if (laid.isAfter(today)) {
        throw new InvalidInputException(INFORMATION_LAID_ON.name(), "must not be in the future");
      }
      LocalDate offenceTo = CourtProceedings.OFFENCE_TO.get(task);
      if (offenceTo != null && laid.isBefore(offenceTo)) {
        throw new InvalidInputException(
            INFORMATION_LAID_ON.name(),
            "must be on or after the last day of the offence period (" + Days.shown(offenceTo)
                + "): an information cannot charge absence that has not yet happened");
      }
      LocalDate interviewed = CourtProceedings.INTERVIEW_DATE.get(task);
      if (interviewed != null && laid.isBefore(interviewed)) {
        throw new InvalidInputException(
            INFORMATION_LAID_ON.name(),
            "must be on or after the interview under caution (" + Days.shown(interviewed)
                + "): the interview is evidence for the decision to lay it");
      }
      // s444(1A) is not refused when the interview was not held: neither s444(1A) nor PACE Code C
      // requires an interview before an information is laid (Code C governs an interview if one is
      // held), and the parent's knowledge can be proved otherwise (letters, meetings, the Notice to
      // Improve). Why it was not held is already in the evidence list (InterviewRecorded).
      if (limit != null && laid.isAfter(limit)) {
        throw new InvalidInputException(
            INFORMATION_LAID_ON.name(),
            "is after the 6-month limit, " + Days.shown(limit) + " (Magistrates' Courts Act 1980 s127): the prosecution is time-barred");
      }
      // the officer has now confirmed it: the witness statement may say so
      CourtProceedings.WITNESS_STATEMENT.set(
          task, CaseFileBuilder.withSupervisionOrderConsidered(CourtProceedings.WITNESS_STATEMENT.get(task)));
    } else if (Inputs.yesNo(task, CHILD_LOOKED_AFTER, true)) {
      throw new InvalidInputException(
          CHILD_LOOKED_AFTER.name(),
          "an education supervision order cannot be made for a child in the care of a local authority (Children Act 1989 s36(6))");
    }
    OFFENCE_SECTION.set(task, section);
    CourtProceedings.OFFENCE_SECTION_SHOWN.set(task, CourtProceedings.sectionShown(section));
    LocalDate hearing = Inputs.requiredDay(task, HEARING_DATE, dates.properties().zone());
    if (!hearing.isAfter(today)) {
      throw new InvalidInputException(HEARING_DATE.name(), "must be after today");
    }
    CourtProceedings.HEARING_DATE_SHOWN.set(task, Days.shown(hearing));
    OUTCOME_DUE_DATE.set(task, dates.atTimeOfDay(dates.addWorkingDays(hearing, properties.outcomeWorkingDays())));
  }
}
