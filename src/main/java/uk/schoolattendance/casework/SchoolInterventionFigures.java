package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.ATTENDANCE_SOURCE;
import static uk.schoolattendance.casework.AttendanceCase.INTERVENTION_FIGURES_SHOWN;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_UPN;
import static uk.schoolattendance.casework.AttendanceCase.SCHOOL_INTERVENTION_OUTCOME;

import java.time.LocalDate;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * "Attendance improved: close the case" at Level 1 is the register's to say for a pupil with marks
 * (walk 14, defect 12: a school closed a case at 14.5 %, chronic, minutes after it opened, and the
 * pupil dropped out of all work). The DfE guidance "Working together to improve school attendance"
 * (2024) keeps support going until attendance improves, so for a case whose figures come from the
 * marks ({@code attendanceSource = marks}) the outcome {@code improved} is refused, naming
 * {@code schoolInterventionOutcome} and the figures, unless the register's attendance has risen by at
 * least {@link CaseSettings#schoolInterventionImprovementPoints} (default 2) percentage points since
 * the day the school's intervention began (the task's creation: the case's opening for a Level 1
 * start). A case on typed figures has no register to read and is closed on the school's word.
 *
 * <p>Create listener of {@code Task_InterveneInSchool} ({@code schoolInterventionFigures}): the
 * form says, task-local ({@code interventionFiguresShown}), the figures when the intervention began
 * and now. Tasks created before this listener (earlier deployments) have no such words; the check
 * at completion ({@link #checkImproved}) runs for them too, on their task's creation day.
 */
@Component("schoolInterventionFigures")
public class SchoolInterventionFigures implements TaskListener {

  private final RegisterFigures register;
  private final SchoolCalendar calendar;
  private final CaseSettings settings;

  public SchoolInterventionFigures(RegisterFigures register, SchoolCalendar calendar, CaseSettings settings) {
    this.register = register;
    this.calendar = calendar;
    this.settings = settings;
  }

  @Override
  public void notify(DelegateTask task) {
    Optional<RegisterFigures.CaseFigures> now = now(task);
    if (now.isEmpty()) {
      return;
    }
    LocalDate began = began(task);
    Optional<RegisterFigures.CaseFigures> then = then(task, began);
    INTERVENTION_FIGURES_SHOWN.setLocal(task, "From the register of marks: " + figures(then, began) + "; today, "
        + shown(now.get()) + ". \"Attendance improved\" closes the case only once attendance has risen by at least "
        + points() + " since then; otherwise refer the case to the local authority.");
  }

  /** Refuses {@code improved} for a case with marks whose register shows too little improvement. */
  void checkImproved(DelegateTask task) {
    Optional<RegisterFigures.CaseFigures> now = now(task);
    LocalDate began = began(task);
    Optional<RegisterFigures.CaseFigures> then = then(task, began);
    if (now.isEmpty() || then.isEmpty()) {
      return;
    }
    double rise = now.get().attendancePercent() - then.get().attendancePercent();
    if (Math.round(rise * 10) < Math.round(settings.schoolInterventionImprovementPoints() * 10)) {
      throw new InvalidInputException(
          SCHOOL_INTERVENTION_OUTCOME.name(),
          "cannot be \"Attendance improved\": the register of marks gives " + shown(now.get()) + " today against "
              + shown(then.get()) + " on " + Days.shown(began) + ", when the school's intervention began; it must have"
              + " risen by at least " + points() + ". Go on with the intervention, or refer the case to the local"
              + " authority (refer-to-la)");
    }
  }

  private Optional<RegisterFigures.CaseFigures> now(DelegateTask task) {
    return register.ofCase(ATTENDANCE_SOURCE.get(task.getExecution()), PUPIL_UPN.get(task.getExecution()),
        AttendanceCase.SCHOOL_URN.get(task.getExecution()));
  }

  private Optional<RegisterFigures.CaseFigures> then(DelegateTask task, LocalDate began) {
    return register.ofCaseAsOf(ATTENDANCE_SOURCE.get(task.getExecution()), PUPIL_UPN.get(task.getExecution()), began);
  }

  private LocalDate began(DelegateTask task) {
    Date created = task.getCreateTime();
    return created == null ? calendar.today() : calendar.day(created);
  }

  private static String figures(Optional<RegisterFigures.CaseFigures> then, LocalDate began) {
    return then.map(f -> shown(f) + " on " + Days.shown(began) + ", when the intervention began")
        .orElse("no figures for " + Days.shown(began) + ", when the intervention began");
  }

  private String points() {
    double points = settings.schoolInterventionImprovementPoints();
    return String.format(Locale.UK, points == Math.rint(points) ? "%.0f" : "%.1f", points)
        + (points == 1 ? " percentage point" : " percentage points");
  }

  private static String shown(RegisterFigures.CaseFigures f) {
    return String.format(Locale.UK, "%.1f%% attendance", f.attendancePercent()) + ", " + f.unauthorisedSessions()
        + (f.unauthorisedSessions() == 1 ? " unauthorised session" : " unauthorised sessions")
        + " in the last 10 school weeks";
  }
}
