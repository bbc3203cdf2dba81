package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.ATTENDANCE_SOURCE;
import static uk.schoolattendance.casework.AttendanceCase.CURRENT_ATTENDANCE_PERCENT;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_UPN;
import static uk.schoolattendance.casework.AttendanceCase.REGISTER_ATTENDANCE_PERCENT;
import static uk.schoolattendance.casework.AttendanceCase.REGISTER_FIGURES_SHOWN;

import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.InvalidInputException;

/**
 * A Level 2 review of a pupil with register marks ({@code attendanceSource = marks}) is decided on
 * the register's figure, not on one typed at the review (walk 11, defect 3: a typed 87 % replaced
 * the register's 88.6 %, the case page showed both and the Notice to Improve quoted the typed one
 * to the parent). Create listener of {@code Task_ReviewAttendance} ({@code registerReviewFigures}):
 * the form opens with the register's figure as "Attendance now" ({@code currentAttendancePercent},
 * written to the case as the Pupil Planning Meeting's offence period is) and says where it comes
 * from. At completion ({@link #decide}) the register's figure is the review's: a different typed
 * figure is refused, naming the field, and changes nothing. The register is the evidence a Notice
 * to Improve and a court rely on, so a second, competing figure is never recorded beside it; what
 * the officer saw for themselves goes in the review's notes. A case without marks keeps the figure
 * typed at the review, as before.
 */
@Component("registerReviewFigures")
public class RegisterReviewFigures implements TaskListener {

  private final RegisterFigures register;

  public RegisterReviewFigures(RegisterFigures register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    Optional<RegisterFigures.CaseFigures> figures = fromMarks(task);
    if (figures.isEmpty()) {
      return;
    }
    double percent = figures.get().attendancePercent();
    REGISTER_ATTENDANCE_PERCENT.setLocal(task, percent);
    REGISTER_FIGURES_SHOWN.setLocal(task, "The register of marks gives " + shown(percent)
        + " attendance today. The register's figure decides this review, the case's figures and any Notice to"
        + " Improve; write anything you see differently in the notes.");
    CURRENT_ATTENDANCE_PERCENT.set(task.getExecution(), percent);
  }

  /**
   * The review's attendance for a case with marks: the register's figure, as proposed when the task
   * was created or as the register gives it now (marks imported since); a typed figure that is
   * neither is refused. Empty for a case without marks (its typed figure decides).
   */
  Optional<RegisterFigures.CaseFigures> decide(DelegateTask task, Double typed) {
    Optional<RegisterFigures.CaseFigures> figures = fromMarks(task);
    if (figures.isEmpty()) {
      return figures;
    }
    double now = figures.get().attendancePercent();
    Double proposed = REGISTER_ATTENDANCE_PERCENT.getLocal(task);
    if (typed != null && !same(typed, now) && (proposed == null || !same(typed, proposed))) {
      throw new InvalidInputException(
          CURRENT_ATTENDANCE_PERCENT.name(),
          shown(typed) + " is not the register's figure: the register of marks gives " + shown(now)
              + " today, and for a pupil with marks the register's figure decides the review; leave the proposed "
              + shown(now) + " and write what you see differently in the notes (reviewNotes)");
    }
    return figures;
  }

  /**
   * The register's figures for a case with marks. Read on the task's execution, not the task: a new
   * task's own variables are not fetched for this (every Level 2 case's statements: StatementBudgetTest).
   */
  private Optional<RegisterFigures.CaseFigures> fromMarks(DelegateTask task) {
    return register.ofCase(ATTENDANCE_SOURCE.get(task.getExecution()), PUPIL_UPN.get(task.getExecution()),
        AttendanceCase.SCHOOL_URN.get(task.getExecution()));
  }

  /** Equal as the form shows a percentage, to one decimal place. */
  private static boolean same(double a, double b) {
    return Math.round(a * 10) == Math.round(b * 10);
  }

  static String shown(double percent) {
    return String.format(Locale.UK, "%.1f%%", percent);
  }
}
