package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Complete listener of every user task of AttendanceCase ({@code caseTaskRules}): a completion
 * without a required variable, or with a value outside its list, is refused with an
 * {@link InvalidInputException} naming the variable; the task stays open. Each task's rules are
 * those of the contract's "Decisions taken in user tasks" table.
 */
@Component("caseTaskRules")
public class CaseTaskRules implements TaskListener {

  static final List<String> SCHOOL_OUTCOMES = List.of("improved", "refer-to-la");
  static final List<String> CASEWORK_OUTCOMES = List.of("improved", "formalise");
  static final List<String> CONTRACT_OUTCOMES = List.of("improved", "not-improved");
  static final List<String> LEGAL_ROUTES =
      List.of("penalty-notice", "prosecution", "education-supervision-order", "further-support");

  private final SchoolCalendar calendar;
  private final CasePathway pathway;

  public CaseTaskRules(SchoolCalendar calendar, CasePathway pathway) {
    this.calendar = calendar;
    this.pathway = pathway;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case "Task_InterveneInSchool" -> interveneInSchool(task);
      case "Task_HoldAttendanceMeeting" -> holdAttendanceMeeting(task);
      case "Task_ReviewAttendance" -> reviewAttendance(task);
      case "Task_WorkWithFamily" -> workWithFamily(task);
      case "Task_AgreeAttendanceContract" -> agreeAttendanceContract(task);
      case "Task_ReviewAttendanceContract" -> reviewAttendanceContract(task);
      case "Task_HoldPupilPlanningMeeting" -> holdPupilPlanningMeeting(task);
      default -> throw new IllegalStateException("caseTaskRules has no rules for " + task.getTaskDefinitionKey());
    }
  }

  private void interveneInSchool(DelegateTask task) {
    String outcome = Inputs.oneOf(task, "schoolInterventionOutcome", SCHOOL_OUTCOMES, null);
    Inputs.optionalText(task, "schoolInterventionNotes", 4000);
    pathway.record(task, "school-intervention-" + outcome, (String) task.getVariable("schoolInterventionNotes"));
  }

  private void holdAttendanceMeeting(DelegateTask task) {
    double target = Inputs.percent(task, "attendanceTarget", true);
    Object current = task.getVariable("attendancePercent");
    if (current instanceof Number n && target <= n.doubleValue()) {
      throw new InvalidInputException(
          "attendanceTarget", "must be above the pupil's current attendance (" + n + " %)");
    }
    futureSchoolDay(task, "reviewDate");
    Inputs.optionalText(task, "barriers", 4000);
    Inputs.optionalText(task, "attendancePlan", 4000);
    pathway.record(task, "attendance-meeting-held", "target " + target + " %");
  }

  private void reviewAttendance(DelegateTask task) {
    double now = Inputs.percent(task, "currentAttendancePercent", true);
    task.setVariable("attendancePercent", now);
    task.setVariable("attendanceBand", Decisions.attendanceBand(decisions(task), now));
    Inputs.optionalText(task, "reviewNotes", 4000);
  }

  private void workWithFamily(DelegateTask task) {
    boolean consent = Inputs.bool(task, "earlyHelpConsent", true);
    Boolean assessment = Inputs.bool(task, "earlyHelpAssessment", false);
    if (Boolean.TRUE.equals(assessment) && !consent) {
      throw new InvalidInputException(
          "earlyHelpAssessment", "an early help assessment needs the parent's consent (earlyHelpConsent)");
    }
    String outcome = Inputs.oneOf(task, "caseworkOutcome", CASEWORK_OUTCOMES, null);
    Inputs.optionalText(task, "agenciesInvolved", 4000);
    Inputs.optionalText(task, "caseworkNotes", 4000);
    String support = Inputs.optionalText(task, "supportSoFar", 4000);
    pathway.record(task, "casework-" + outcome, support);
  }

  private void agreeAttendanceContract(DelegateTask task) {
    boolean agreed = Inputs.bool(task, "contractAgreed", true);
    if (agreed) {
      futureSchoolDay(task, "contractReviewDate");
      pathway.record(task, "attendance-contract-agreed", null);
    } else {
      String reason = Inputs.optionalText(task, "noContractReason", 4000);
      if (reason == null) {
        throw new InvalidInputException(
            "noContractReason", "is required when no attendance contract is agreed (domain notes §6)");
      }
      pathway.record(task, "no-attendance-contract", reason);
    }
  }

  private void reviewAttendanceContract(DelegateTask task) {
    String outcome = Inputs.oneOf(task, "contractOutcome", CONTRACT_OUTCOMES, null);
    Inputs.optionalText(task, "contractReviewNotes", 4000);
    pathway.record(task, "attendance-contract-" + outcome, (String) task.getVariable("contractReviewNotes"));
  }

  private void holdPupilPlanningMeeting(DelegateTask task) {
    String route = Inputs.oneOf(task, "legalRoute", LEGAL_ROUTES, null);
    Inputs.bool(task, "lateArrival", false);
    if ("penalty-notice".equals(route)) {
      Object sessions = task.getVariable("unauthorisedSessions");
      int count = sessions instanceof Number n ? n.intValue() : 0;
      if (!Decisions.nationalThresholdMet(decisions(task), count)) {
        throw new InvalidInputException(
            "legalRoute",
            "a penalty notice needs the national threshold (10 unauthorised sessions in 10 school weeks);"
                + " this pupil has " + count + ": choose prosecution, education-supervision-order or further-support");
      }
    }
    String reason = Inputs.optionalText(task, "legalRouteReason", 4000);
    pathway.record(task, "legal-route-" + route, reason);
  }

  private void futureSchoolDay(DelegateTask task, String name) {
    LocalDate day = Inputs.optionalDate(task, name, calendar.properties().zone());
    if (day == null) {
      return;
    }
    if (!day.isAfter(calendar.today())) {
      throw new InvalidInputException(name, "must be after today");
    }
    boolean schoolDay;
    try {
      schoolDay = calendar.isSchoolDay(day);
    } catch (IllegalStateException e) {
      throw new InvalidInputException(name, "is beyond the term dates the authority has configured");
    }
    if (!schoolDay) {
      throw new InvalidInputException(name, day + " is not a school day (weekend, holiday or bank holiday)");
    }
  }

  private static DecisionService decisions(DelegateTask task) {
    return task.getProcessEngineServices().getDecisionService();
  }
}
