package uk.schoolattendance.court;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.Inputs;
import uk.schoolattendance.notices.NoticeDates;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Completing "Prepare the court case". A prosecution needs the s444(1) or s444(1A) decision,
 * the education supervision order considered first (Education Act 1996 s447) and the
 * information laid within the 6-month limit; an education supervision order cannot be sought
 * for a child in care. The hearing date must lie ahead; it becomes the hearing timer.
 */
@Component("courtCasePrepared")
public class CourtCasePrepared implements TaskListener {

  static final Set<String> SECTIONS = Set.of("s444-1", "s444-1A");

  private final CourtProceedingsRepository proceedings;
  private final NoticeDates dates;
  private final CourtProperties properties;

  public CourtCasePrepared(CourtProceedingsRepository proceedings, NoticeDates dates, CourtProperties properties) {
    this.proceedings = proceedings;
    this.dates = dates;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate today = dates.today();
    String section = null;
    if ("prosecution".equals(task.getVariable("proceedingsType"))) {
      section = Inputs.oneOf(task, "offenceSection", SECTIONS);
      if (!Inputs.requiredBoolean(task, "supervisionOrderConsidered")) {
        throw new InvalidInputException(
            "supervisionOrderConsidered", "an education supervision order must be considered before prosecuting (Education Act 1996 s447)");
      }
      LocalDate laid = Inputs.requiredDate(task, "informationLaidOn", dates.zone());
      LocalDate limit = Inputs.optionalDate(task, "informationDeadline", dates.zone());
      if (laid.isAfter(today)) {
        throw new InvalidInputException("informationLaidOn", "must not be in the future");
      }
      if (limit != null && laid.isAfter(limit)) {
        throw new InvalidInputException(
            "informationLaidOn", "is after the 6-month limit " + limit + " (Magistrates' Courts Act 1980 s127): the prosecution is time-barred");
      }
      task.setVariable("informationLaidOn", dates.startOfDay(laid));
    } else if (Inputs.requiredBoolean(task, "childLookedAfter")) {
      throw new InvalidInputException(
          "childLookedAfter", "an education supervision order cannot be made for a child in the care of a local authority (Children Act 1989 s36(6))");
    }
    task.setVariable("offenceSection", section);
    LocalDate hearing = Inputs.requiredDate(task, "hearingDate", dates.zone());
    if (!hearing.isAfter(today)) {
      throw new InvalidInputException("hearingDate", "must be after today");
    }
    task.setVariable("hearingDate", dates.atTimeOfDay(hearing));
    task.setVariable("outcomeDueDate", dates.atTimeOfDay(dates.addWorkingDays(hearing, properties.outcomeWorkingDays())));
    proceedings.recordPreparation(task.getProcessInstanceId(), section, hearing);
  }
}
