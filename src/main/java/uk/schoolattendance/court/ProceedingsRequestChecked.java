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
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.process.ProsecutionTimeLimit;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.notices.ProsecutionBar;
import uk.schoolattendance.schools.CompulsorySchoolAge;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Checks the start of {@code CourtProceedings}: normalises and checks the inputs of
 * docs/adr/0002 (a bad one refuses the start, nothing is created) and works out when
 * preparation falls due: within the preparation period, and before the 6-month limit for laying
 * an information when it is known. A prosecution of a parent whose withdrawn penalty notice covers
 * part of the offence period is refused ({@link ProsecutionBar}, reg 8), whichever way it starts.
 * "Open court record" then records the proceedings.
 */
@Component("proceedingsRequestChecked")
public class ProceedingsRequestChecked implements ExecutionListener {

  private final SchoolDirectory schools;
  private final SchoolCalendar dates;
  private final CourtProperties properties;

  private final PenaltyNoticeProperties notices;
  private final CompulsorySchoolAge age;
  private final ProsecutionBar bar;

  public ProceedingsRequestChecked(
      SchoolDirectory schools, SchoolCalendar dates, CourtProperties properties, PenaltyNoticeProperties notices,
      CompulsorySchoolAge age, ProsecutionBar bar) {
    this.bar = bar;
    this.schools = schools;
    this.dates = dates;
    this.properties = properties;
    this.notices = notices;
    this.age = age;
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
    LocalDate from = Inputs.optionalDay(execution, CourtProceedings.OFFENCE_FROM, zone());
    LocalDate to = Inputs.optionalDay(execution, CourtProceedings.OFFENCE_TO, zone());
    LocalDate informationDeadline = Inputs.optionalDay(execution, INFORMATION_DEADLINE, zone());
    if (CourtProceedings.PROSECUTION.equals(PROCEEDINGS_TYPE.get(execution))) {
      informationDeadline = prosecutable(execution, from, to);
    }
    CourtProceedings.INFORMATION_DEADLINE_SHOWN.set(execution, Days.shown(informationDeadline));
    CourtProceedings.PROCEEDINGS_TYPE_SHOWN.set(execution, CourtProceedings.proceedingsShown(PROCEEDINGS_TYPE.get(execution)));
    CourtProceedings.OFFENCE_PERIOD_SHOWN.set(execution, Days.shown(from, to));
    Inputs.optionalWholeNumber(execution, CourtProceedings.UNAUTHORISED_SESSIONS, 0, 1000);
    List<Parent> parents = parents(execution, zone());
    if (CourtProceedings.PROSECUTION.equals(PROCEEDINGS_TYPE.get(execution))) {
      // reg 8: no proceedings against the recipient of a withdrawn notice for the offence it related to
      String field = PARENTS.raw(execution) != null ? PARENTS.name() : PARENT_ID.name();
      for (Parent parent : parents) {
        bar.requireProsecutable(field, parent, CourtProceedings.PUPIL_UPN.get(execution), from, to);
      }
    }
    PARENT_IDS.set(execution, String.join(", ", parents.stream().map(Parent::id).toList()));
    PARENT_NAMES.set(execution, Parents.names(parents));

    LocalDate due = dates.addWorkingDays(dates.today(), properties.preparationWorkingDays());
    if (informationDeadline != null && due.isAfter(informationDeadline.minusDays(properties.informationMarginDays()))) {
      due = informationDeadline.minusDays(properties.informationMarginDays());
      due = due.isBefore(dates.today()) ? dates.today() : due;
    }
    PREPARATION_DUE_DATE.set(execution, dates.atTimeOfDay(due));
  }

  /**
   * Every prosecution knows its offence period, whether a notice went before it or not: the child
   * was of compulsory school age throughout (EA 1996 s8), and the information can still be laid
   * within 6 months of the offence (Magistrates' Courts Act 1980 s127). Returns that deadline.
   */
  private LocalDate prosecutable(DelegateExecution execution, LocalDate from, LocalDate to) {
    Inputs.required(CourtProceedings.OFFENCE_FROM.name(), from, "is required for a prosecution: the first day of the offence period");
    Inputs.required(CourtProceedings.OFFENCE_TO.name(), to, "is required for a prosecution: the last day of the offence period");
    if (to.isBefore(from)) {
      throw new InvalidInputException(CourtProceedings.OFFENCE_TO.name(), "must not be before offenceFrom");
    }
    age.requireCovers(Inputs.optionalDay(execution, CourtProceedings.PUPIL_DATE_OF_BIRTH, zone()), from, to);
    LocalDate deadline = ProsecutionTimeLimit.requireInTime(
        CourtProceedings.OFFENCE_TO.name(), to, notices.informationLimitMonths(), dates.today());
    INFORMATION_DEADLINE.set(execution, deadline);
    return deadline;
  }

  private java.time.ZoneId zone() {
    return dates.properties().zone();
  }

  /**
   * The liable parents: the case's {@code parents} (read by {@link Parents}, like everywhere), or
   * the one parent of a penalty notice ({@code parentId}, {@code parentName}).
   */
  static List<Parent> parents(DelegateExecution execution, java.time.ZoneId zone) {
    if (PARENTS.raw(execution) != null) {
      return Parents.parse(PARENTS.name(), PARENTS.raw(execution), zone);
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
