package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.ATTENDANCE_BAND;
import static uk.schoolattendance.casework.AttendanceCase.ATTENDANCE_PERCENT;
import static uk.schoolattendance.casework.AttendanceCase.ATTENDANCE_SOURCE;
import static uk.schoolattendance.casework.AttendanceCase.CASE_REFERENCE;
import static uk.schoolattendance.casework.AttendanceCase.ENTRY_LEVEL;
import static uk.schoolattendance.casework.AttendanceCase.LEVEL;
import static uk.schoolattendance.casework.AttendanceCase.PREVIOUS_NOTICE_TO_IMPROVE;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_DATE_OF_BIRTH;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_UPN;
import static uk.schoolattendance.casework.AttendanceCase.ROUTE;
import static uk.schoolattendance.casework.AttendanceCase.STAGE;
import static uk.schoolattendance.casework.AttendanceCase.SUPPORT_SO_FAR;
import static uk.schoolattendance.casework.AttendanceCase.UNAUTHORISED_SESSIONS;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.persons.Persons;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Start listener of AttendanceCase ({@code caseStart}): normalises and checks every start
 * variable (the whole start rolls back on a bad one, nothing is created), fills the defaults,
 * builds {@code parents} from the start form's fields, takes the figures from the register of
 * marks when it holds the pupil's (whatever was typed; {@code attendanceSource} {@code marks}, else
 * {@code entered} and the typed figures are required), allocates the case reference when the
 * caller gave no business key, refuses a pupil who has an open case ({@link OpenCaseOfPupil}), and
 * opens the case's level, stage and history.
 */
@Component("caseStart")
public class CaseStartListener implements ExecutionListener {

  private final SchoolDirectory schools;
  private final CaseReferences references;
  private final CasePathway pathway;
  private final SchoolCalendar calendar;
  private final OffencePeriods offencePeriods;
  private final RegisterFigures register;
  private final OpenCaseOfPupil openCases;

  private final Persons persons;
  /** The relationships a parent may be given at the start (attendance.parents.relationships). */
  private final uk.schoolattendance.process.ParentRelationshipsInUse relationships;

  public CaseStartListener(
      SchoolDirectory schools, CaseReferences references, CasePathway pathway, SchoolCalendar calendar,
      OffencePeriods offencePeriods, RegisterFigures register, OpenCaseOfPupil openCases, Persons persons,
      uk.schoolattendance.process.ParentRelationshipsInUse relationships) {
    this.relationships = relationships;
    this.persons = persons;
    this.schools = schools;
    this.references = references;
    this.pathway = pathway;
    this.calendar = calendar;
    this.offencePeriods = offencePeriods;
    this.register = register;
    this.openCases = openCases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CaseFacts.checkPupil(execution, schools);
    LocalDate born = Inputs.optionalDay(execution, PUPIL_DATE_OF_BIRTH, calendar.properties().zone());
    if (born != null && born.isAfter(calendar.today())) {
      throw new InvalidInputException(PUPIL_DATE_OF_BIRTH.name(), "must not be in the future");
    }
    String upn = PUPIL_UPN.get(execution);
    String route = Inputs.oneOf(execution, ROUTE, AttendanceCase.ROUTES, AttendanceCase.SUPPORT_FIRST);
    int entryLevel = Inputs.wholeNumber(execution, ENTRY_LEVEL, 1, 4, 1);
    double attendance = figures(execution, upn);
    CaseParents.normalise(execution, relationships.relationships(), calendar.properties().zone());
    if (AttendanceCase.TERM_TIME_LEAVE.equals(route)) {
      // the leave taken is the offence period of the notices this case may lead to
      offencePeriods.record(execution, execution.getProcessEngineServices().getDecisionService(), false);
    }
    PREVIOUS_NOTICE_TO_IMPROVE.set(
        execution, Boolean.TRUE.equals(Inputs.yesNo(execution, PREVIOUS_NOTICE_TO_IMPROVE, false)));
    Inputs.optionalText(execution, SUPPORT_SO_FAR, Inputs.TEXT_MAX);
    Inputs.optionalText(execution, AttendanceCase.PUPIL_ADDRESS, CaseCorrections.ADDRESS_MAX);

    String reference = caseReference(execution);
    CASE_REFERENCE.set(execution, reference);
    // one open case per pupil: refused naming the open one (issue #12 item 15)
    openCases.open(execution, upn, reference);
    // each parent is a person (issue #12 item 3): after the open-case check, so a refused start makes no person
    CaseParents.becomePersons(execution, persons, calendar.properties().zone());
    ATTENDANCE_BAND.set(execution, Decisions.attendanceBand(execution.getProcessEngineServices().getDecisionService(), attendance));
    LEVEL.set(execution, entryLevel);
    // the stage of the level the case opens at (domain notes §2): monitor is the school's work before any level
    STAGE.set(execution, Stage.ofLevel(entryLevel).value());
    pathway.record(
        execution,
        "case-opened",
        AttendanceCase.TERM_TIME_LEAVE.equals(route) ? "term-time leave" : "entry at level " + entryLevel);
  }

  /** The register's figures for a pupil with marks, else the typed ones (required); records which. */
  private double figures(DelegateExecution execution, String upn) {
    RegisterFigures.CaseFigures marks = register.current(upn).orElse(null);
    if (marks == null) {
      double attendance = Inputs.percent(execution, ATTENDANCE_PERCENT, true);
      Inputs.wholeNumber(execution, UNAUTHORISED_SESSIONS, 0, 1000, null);
      ATTENDANCE_SOURCE.set(execution, CaseFacts.ENTERED);
      return attendance;
    }
    ATTENDANCE_PERCENT.set(execution, marks.attendancePercent());
    UNAUTHORISED_SESSIONS.set(execution, marks.unauthorisedSessions());
    ATTENDANCE_SOURCE.set(execution, CaseFacts.FROM_MARKS);
    return marks.attendancePercent();
  }

  private String caseReference(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      key = references.next();
      execution.setProcessBusinessKey(key);
    } else if (key.trim().length() > 64) {
      throw new InvalidInputException("businessKey", "the case reference must be at most 64 characters");
    } else if (!key.equals(key.trim())) {
      key = key.trim();
      execution.setProcessBusinessKey(key);
    }
    long existing =
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey(AttendanceCase.KEY)
            .processInstanceBusinessKey(key)
            .count();
    if (existing > 0) {
      throw new InvalidInputException("businessKey", "case reference " + key + " is already in use");
    }
    return key;
  }
}
