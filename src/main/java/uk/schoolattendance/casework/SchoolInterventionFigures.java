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
import uk.schoolattendance.process.CaseFacts;
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
 * start), each figure over the same rolling window of school weeks ({@link RegisterFigures#rolling}:
 * review 2, L3), and refused too while the register has no figures for either window. A case on
 * typed figures has no register to read and is closed on the school's word.
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
    if (!CaseFacts.FROM_MARKS.equals(ATTENDANCE_SOURCE.get(task.getExecution()))) {
      return;
    }
    LocalDate began = began(task);
    Optional<RegisterFigures.RollingAttendance> then = rolling(task, began);
    Optional<RegisterFigures.RollingAttendance> now = rolling(task, calendar.today());
    INTERVENTION_FIGURES_SHOWN.setLocal(task, "From the register of marks, attendance over the " + weeks(then, now)
        + " to " + Days.shown(began) + ", when the intervention began: " + shown(then) + "; to today: " + shown(now)
        + ". \"Attendance improved\" closes the case only once attendance has risen by at least " + points()
        + " since then; otherwise refer the case to the local authority, or close it as no longer needed for"
        + " another reason (the pupil left or moved away, home education, illness now authorised, a duplicate).");
  }

  /**
   * Refuses {@code improved} for a case with marks whose register shows too little improvement, or
   * no figures yet. Both figures are the same rolling window of school weeks (review 2, L3): one
   * ending on the day the intervention began, one ending today. Year-to-date figures would compare
   * last year's with a few days of a new one after a September. With no figures for either window
   * (a new academic year before its first import, marks not yet sent) the register cannot show an
   * improvement, so "improved" is refused saying so rather than taken on the school's word: the
   * check exists because the school's word alone closed a chronic case (walk 14, defect 12), and
   * going on or referring costs the family nothing while the figures come in.
   */
  void checkImproved(DelegateTask task) {
    if (!CaseFacts.FROM_MARKS.equals(ATTENDANCE_SOURCE.get(task.getExecution()))) {
      return; // typed figures: no register to check the school's word against
    }
    LocalDate began = began(task);
    Optional<RegisterFigures.RollingAttendance> then = rolling(task, began);
    Optional<RegisterFigures.RollingAttendance> now = rolling(task, calendar.today());
    if (then.isEmpty() || now.isEmpty()) {
      throw new InvalidInputException(
          SCHOOL_INTERVENTION_OUTCOME.name(),
          "cannot be \"Attendance improved\" yet: the register of marks holds no figures "
              + (then.isEmpty() ? "for the school weeks to " + Days.shown(began) + ", when the school's intervention began"
                  : "for the school weeks to today")
              + ", so it cannot show that attendance has risen. Go on with the intervention until the school's next"
              + " file brings the marks, or refer the case to the local authority (refer-to-la); a case no longer needed"
              + " for another reason (the pupil left or moved away, home education, illness now authorised, a"
              + " duplicate) is closed as no longer needed (no-longer-needed)");
    }
    // the figures as shown (one decimal place), so the rule matches what the person reads (review 2, L4)
    long rise = Math.round(now.get().attendancePercent() * 10) - Math.round(then.get().attendancePercent() * 10);
    if (rise < Math.round(settings.schoolInterventionImprovementPoints() * 10)) {
      throw new InvalidInputException(
          SCHOOL_INTERVENTION_OUTCOME.name(),
          "cannot be \"Attendance improved\": the register of marks gives " + shown(now) + " attendance over the "
              + weeks(then, now) + " to today against " + shown(then) + " over the " + weeks(then, now) + " to "
              + Days.shown(began) + ", when the school's intervention began; it must have risen by at least " + points()
              + ". Go on with the intervention, or refer the case to the local authority (refer-to-la); a case no longer"
              + " needed for another reason (the pupil left or moved away, home education, illness now authorised, a"
              + " duplicate) is closed as no longer needed (no-longer-needed)");
    }
  }

  private Optional<RegisterFigures.RollingAttendance> rolling(DelegateTask task, LocalDate day) {
    return register.rolling(PUPIL_UPN.get(task.getExecution()), AttendanceCase.SCHOOL_URN.get(task.getExecution()), day);
  }

  private LocalDate began(DelegateTask task) {
    Date created = task.getCreateTime();
    return created == null ? calendar.today() : calendar.day(created);
  }

  private static String weeks(Optional<RegisterFigures.RollingAttendance> then,
      Optional<RegisterFigures.RollingAttendance> now) {
    return then.or(() -> now).map(RegisterFigures.RollingAttendance::schoolWeeks)
        .map(weeks -> weeks + (weeks == 1 ? " school week" : " school weeks")).orElse("rolling school weeks");
  }

  private String points() {
    double points = settings.schoolInterventionImprovementPoints();
    return String.format(Locale.UK, points == Math.rint(points) ? "%.0f" : "%.1f", points)
        + (points == 1 ? " percentage point" : " percentage points");
  }

  private static String shown(Optional<RegisterFigures.RollingAttendance> figures) {
    return figures.map(f -> String.format(Locale.UK, "%.1f%%", f.attendancePercent())).orElse("no figures yet");
  }
}
