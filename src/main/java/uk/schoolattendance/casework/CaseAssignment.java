package uk.schoolattendance.casework;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.schoolattendance.identity.Groups;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * Who gets a case's tasks ({@code caseAssignment} in candidate expressions), by Southend's model
 * (seed 000, domain notes §1):
 *
 * <ul>
 *   <li>Levels 1–3 (the school's casework: {@link #LEVELS_1_TO_3}): a school that buys the LA's
 *       traded service has its named officer do them (candidate user); a school with the
 *       universal service only does them itself (candidate group {@code school-{urn}}), and the
 *       LA comes in at Level 4. At Levels 2–3 the officers' team is the named officer's fallback
 *       (candidate group {@code attendance-officers}, so a colleague can claim one when the named
 *       officer is away); Level 1's intervention goes to the named officer alone, instead of the
 *       school (contract.md's task table), so every officer is not offered every traded school's
 *       new case ({@link #interventionGroups}).
 *   <li>The LA's officer work from Level 4 on (Notice to Improve, court), for every school: its
 *       named officer (candidate user) and the team ({@code attendance-officers} in the model).
 *   <li>A case a senior practitioner gave to another officer ({@link CaseReassignment}) has that
 *       officer in place of the school's named officer, for every task created afterwards.
 * </ul>
 *
 * <p>A candidate user sees the task in Tasklist's "My tasks" and may claim and complete it
 * (Camunda grants a candidate the task's default permissions); a school never is a candidate of
 * a traded school's task.
 */
@Component("caseAssignment")
public class CaseAssignment {

  private final SchoolDirectory schools;

  public CaseAssignment(SchoolDirectory schools) {
    this.schools = schools;
  }

  /** The case's tasks routed by the school's service level. */
  public static final Set<String> LEVELS_1_TO_3 =
      Set.of(
          AttendanceCase.INTERVENE_IN_SCHOOL.id(),
          AttendanceCase.HOLD_ATTENDANCE_MEETING.id(),
          AttendanceCase.REVIEW_ATTENDANCE.id(),
          AttendanceCase.WORK_WITH_FAMILY.id(),
          AttendanceCase.AGREE_ATTENDANCE_CONTRACT.id(),
          AttendanceCase.REVIEW_ATTENDANCE_CONTRACT.id());

  /**
   * Candidate groups of a Level 1–3 task: the school's group for the universal service; the
   * officers' team (the named officer's fallback) for the traded service.
   */
  public List<String> schoolGroups(String schoolUrn) {
    School school = schools.get(schoolUrn);
    return school.buysTradedService() ? List.of(Groups.ATTENDANCE_OFFICERS) : List.of(school.group());
  }

  /**
   * Candidate groups of Level 1's "Intervene in school" (contract.md): the school's group for the
   * universal service; none for the traded service, where the case's officer does it instead of
   * the school, unless the school has no named officer, when the officers' team is offered it
   * rather than no one.
   */
  public List<String> interventionGroups(String schoolUrn, DelegateExecution execution) {
    return interventionGroupsOf(schoolUrn, caseOfficer(execution));
  }

  /** Level 1's candidate groups for a case given to {@code caseOfficer} (null: the school's named officer). */
  public List<String> interventionGroupsOf(String schoolUrn, String caseOfficer) {
    School school = schools.get(schoolUrn);
    if (!school.buysTradedService()) {
      return List.of(school.group());
    }
    return schoolUsersOf(schoolUrn, caseOfficer).isEmpty() ? List.of(Groups.ATTENDANCE_OFFICERS) : List.of();
  }

  /** Candidate groups of a Level 1–3 task of this kind ({@code Task_InterveneInSchool} is Level 1's rule). */
  public List<String> schoolGroupsOf(String taskKey, String schoolUrn, String caseOfficer) {
    return AttendanceCase.INTERVENE_IN_SCHOOL.id().equals(taskKey)
        ? interventionGroupsOf(schoolUrn, caseOfficer)
        : schoolGroups(schoolUrn);
  }

  /** Candidate users of a Level 1–3 task: the named officer when the school buys the traded service. */
  public List<String> schoolUsers(String schoolUrn) {
    return schoolUsersOf(schoolUrn, null);
  }

  /**
   * Candidate users of a Level 1–3 task of this case: its officer when the school buys the traded
   * service (the one a senior practitioner gave the case to, else the school's named officer).
   */
  public List<String> schoolUsers(String schoolUrn, DelegateExecution execution) {
    return schoolUsersOf(schoolUrn, caseOfficer(execution));
  }

  /** Candidate users of a Level 1–3 task of a case given to {@code caseOfficer} (null: the school's named officer). */
  public List<String> schoolUsersOf(String schoolUrn, String caseOfficer) {
    School school = schools.get(schoolUrn);
    String officer = caseOfficer != null ? caseOfficer : school.namedOfficer();
    return school.buysTradedService() && officer != null ? List.of(officer) : List.of();
  }

  /** The school's named officer. */
  public List<String> namedOfficer(String schoolUrn) {
    return officerOf(schoolUrn, null);
  }

  /**
   * The case's officer: the LA's work from Level 4 on, and Targeting Support Meetings. The
   * school's named officer, unless a senior practitioner gave the case to another officer
   * ({@link CaseReassignment}, the case's {@code caseOfficer}).
   */
  public List<String> namedOfficer(String schoolUrn, DelegateExecution execution) {
    return officerOf(schoolUrn, caseOfficer(execution));
  }

  /** The officer of a case given to {@code caseOfficer} (null: the school's named officer), as a candidate list. */
  public List<String> officerOf(String schoolUrn, String caseOfficer) {
    String officer = caseOfficer != null ? caseOfficer : schools.get(schoolUrn).namedOfficer();
    return officer == null ? List.of() : List.of(officer);
  }

  /**
   * The officer the case was given: its variable {@code caseOfficer}, read on the attendance case
   * at the top of the running process (a Notice to Improve or court proceedings it called); null
   * outside a process, or when the case has none.
   */
  private static String caseOfficer(DelegateExecution execution) {
    if (execution == null) {
      return null;
    }
    DelegateExecution instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    Object officer = instance.getVariableLocal(AttendanceCase.CASE_OFFICER.name());
    return officer instanceof String id && !id.isBlank() ? id : null;
  }
}
