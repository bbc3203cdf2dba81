package uk.schoolattendance.casefile.find;

import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.AttendanceRegister;
import uk.schoolattendance.attendance.Figures;
import uk.schoolattendance.attendance.MovedPupilCases;
import uk.schoolattendance.casefile.PeopleNames;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.security.CurrentUser;

/**
 * A pupil the register holds but no case names (walk 12, defect 15): found by UPN on "Find a
 * pupil" when no case is, with the register's figures and, for those the engine lets start a case,
 * where to open one. Only a pupil of a school the viewer may read is shown; two look-ups, the
 * pupil and its figures, and only when the case search found nothing. A pupil whose open case the
 * viewer may not read (it stayed at the school they left, review 3 M1) is shown with who to contact
 * about it: no "Open a case", which would be refused, and not the case's reference.
 */
@Component
class RegisterPupils {

  /** Tasklist's start form, where a case is opened. */
  static final String NEW_CASE = "/camunda/app/tasklist/default/#/";

  private final AttendanceRegister register;
  private final CurrentUser currentUser;
  private final SchoolDirectory schools;
  private final UkDates dates;
  private final RepositoryService repositoryService;
  private final MovedPupilCases movedPupils;
  private final PeopleNames people;

  RegisterPupils(AttendanceRegister register, CurrentUser currentUser, SchoolDirectory schools, UkDates dates,
      RepositoryService repositoryService, MovedPupilCases movedPupils, PeopleNames people) {
    this.movedPupils = movedPupils;
    this.people = people;
    this.register = register;
    this.currentUser = currentUser;
    this.schools = schools;
    this.dates = dates;
    this.repositoryService = repositoryService;
  }

  /**
   * A pupil of the register without a case, as shown.
   *
   * @param attendance "91.3% this year", or "No marks this year"
   * @param unauthorised "4 unauthorised sessions this year"
   * @param newCaseHref where to open a case, or "" for a viewer who may not, or when the pupil has a case
   * @param caseElsewhere who to contact about the pupil's open case the viewer may not read, or "" when none
   */
  record Shown(String name, String upn, String school, String born, String attendance, String unauthorised,
      String newCaseHref, String caseElsewhere) {}

  Optional<Shown> byUpn(String upn) {
    return register.pupil(upn)
        .filter(pupil -> currentUser.mayRead(pupil.schoolUrn()))
        .map(pupil -> {
          Optional<Figures> figures = register.figures(pupil.upn(), dates.today());
          Double percent = figures.map(Figures::attendancePercent).orElse(null);
          int unauthorised = figures.map(Figures::unauthorisedAbsence).orElse(0);
          String caseElsewhere = caseElsewhere(pupil.upn());
          return new Shown(
              pupil.forename() + " " + pupil.surname(), pupil.upn(),
              schools.find(pupil.schoolUrn()).map(School::name).orElse(pupil.schoolUrn()),
              dates.day(pupil.dateOfBirth()),
              percent == null ? "No marks this year" : String.format(Locale.UK, "%.1f%% this year", percent),
              (unauthorised == 1 ? "1 unauthorised session" : unauthorised + " unauthorised sessions") + " this year",
              caseElsewhere.isEmpty() && mayOpenACase() ? NEW_CASE : "", caseElsewhere);
        });
  }

  /** Where the pupil's open case is and whom to contact (one the viewer may not read, as the search found none), or "". */
  private String caseElsewhere(String upn) {
    return movedPupils.openCaseReferenceOf(upn)
        .map(reference -> movedPupils.stayed(reference)
            .map(stayed -> "Their case stayed at the school they left: contact " + stayed.contactWords(people::of) + ".")
            .orElse("Their case is held by another school: contact the local authority's attendance team."))
        .orElse("");
  }

  private boolean mayOpenACase() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(AttendanceCase.KEY)
        .latestVersion().startablePermissionCheck().count() > 0;
  }
}
