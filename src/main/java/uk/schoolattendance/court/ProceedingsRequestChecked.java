package uk.schoolattendance.court;

import static uk.schoolattendance.court.CourtProceedings.CASE_REFERENCE;
import static uk.schoolattendance.court.CourtProceedings.INFORMATION_DEADLINE;
import static uk.schoolattendance.court.CourtProceedings.NOTICE_NUMBER;
import static uk.schoolattendance.court.CourtProceedings.PARENTS;
import static uk.schoolattendance.court.CourtProceedings.PARENT_ID;
import static uk.schoolattendance.court.CourtProceedings.PARENT_IDS;
import static uk.schoolattendance.court.CourtProceedings.PARENT_NAME;
import static uk.schoolattendance.court.CourtProceedings.PARENT_NAMES;
import static uk.schoolattendance.court.CourtProceedings.PREPARATION_DUE_DATE;
import static uk.schoolattendance.court.CourtProceedings.PROCEEDINGS_TYPE;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Checks the start of {@code CourtProceedings}: normalises and checks the inputs of
 * docs/adr/0002 (a bad one refuses the start, nothing is created) and works out when
 * preparation falls due: within the preparation period, and before the 6-month limit for laying
 * an information when it is known. "Open court record" then records the proceedings.
 */
@Component("proceedingsRequestChecked")
public class ProceedingsRequestChecked implements ExecutionListener {

  private final SchoolDirectory schools;
  private final SchoolCalendar dates;
  private final CourtProperties properties;

  public ProceedingsRequestChecked(SchoolDirectory schools, SchoolCalendar dates, CourtProperties properties) {
    this.schools = schools;
    this.dates = dates;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Inputs.optionalText(execution, CASE_REFERENCE, 64);
    CaseFacts.checkPupil(execution, schools);
    Inputs.oneOf(execution, PROCEEDINGS_TYPE, CourtProceedings.TYPES, null);
    String noticeNumber =
        Inputs.shaped(
            NOTICE_NUMBER.name(), NOTICE_NUMBER.raw(execution), CaseFacts.NOTICE_NUMBER_SHAPE,
            "must be a notice number like PN-2026-000123");
    if (noticeNumber != null) {
      NOTICE_NUMBER.set(execution, noticeNumber);
    }
    LocalDate informationDeadline = Inputs.optionalDate(execution, INFORMATION_DEADLINE, zone());
    Inputs.optionalDate(execution, CourtProceedings.OFFENCE_FROM, zone());
    Inputs.optionalDate(execution, CourtProceedings.OFFENCE_TO, zone());
    Inputs.optionalWholeNumber(execution, CourtProceedings.UNAUTHORISED_SESSIONS, 0, 1000);
    List<Parent> parents = parents(execution);
    PARENT_IDS.set(execution, String.join(", ", parents.stream().map(Parent::id).toList()));
    PARENT_NAMES.set(execution, Parents.names(parents));

    LocalDate due = dates.addWorkingDays(dates.today(), properties.preparationWorkingDays());
    if (informationDeadline != null && due.isAfter(informationDeadline.minusDays(properties.informationMarginDays()))) {
      due = informationDeadline.minusDays(properties.informationMarginDays());
      due = due.isBefore(dates.today()) ? dates.today() : due;
    }
    PREPARATION_DUE_DATE.set(execution, dates.atTimeOfDay(due));
  }

  private java.time.ZoneId zone() {
    return dates.properties().zone();
  }

  /**
   * The liable parents: the case's {@code parents} (read by {@link Parents}, like everywhere), or
   * the one parent of a penalty notice ({@code parentId}, {@code parentName}).
   */
  static List<Parent> parents(DelegateExecution execution) {
    if (PARENTS.raw(execution) != null) {
      return Parents.parse(PARENTS.name(), PARENTS.raw(execution));
    }
    if (PARENT_ID.raw(execution) == null) {
      throw new InvalidInputException(PARENTS.name(), "is required: a Json array of parents, or parentId and parentName");
    }
    String id = Inputs.requiredText(execution, PARENT_ID, Parents.MAX_ID);
    String name = Inputs.requiredText(execution, PARENT_NAME, Parents.MAX_NAME);
    String address = Inputs.optionalText(execution, CourtProceedings.PARENT_ADDRESS, Parents.MAX_ADDRESS);
    return List.of(new Parent(id, name, address));
  }
}
