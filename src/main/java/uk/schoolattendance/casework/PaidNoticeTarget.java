package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The target rule after a paid penalty notice (walk 12 #26), one rule for "Record penalty notice
 * outcomes" and for closing after a withdrawal ({@link AfterWithdrawalDecided}). Paying discharges
 * the parent's liability for the offence period; it does not make the child attend. With the
 * national default ({@code attendance.case.after-paid-notice-below-target: support-continues}, DfE
 * "Working together to improve school attendance", 2024: support continues alongside
 * enforcement), a case that agreed an attendance target ({@code attendanceTarget}) and whose
 * attendance is still below it goes on at Level 3's support instead of closing {@code penalty-paid}.
 * A council may choose {@code close-on-payment}: the payment closes the case whatever the figure.
 *
 * <p>The figure is the freshest the case has: the register's as of today for a case whose figures
 * come from the marks ({@link RegisterFigures#ofCase}), else the case's {@code attendancePercent}
 * as last recorded; the words name its source and day ("52.6% (register, 3 March 2027)"), so a
 * figure typed before the escalation is seen as such.
 */
@Component
public class PaidNoticeTarget {

  private final CaseSettings settings;
  private final RegisterFigures register;
  private final SchoolCalendar calendar;

  public PaidNoticeTarget(CaseSettings settings, RegisterFigures register, SchoolCalendar calendar) {
    this.settings = settings;
    this.register = register;
    this.calendar = calendar;
  }

  /**
   * Why the case must go on after a paid notice: "attendance 52.6% (register, 3 March 2027) is below
   * the target of 90.0% agreed for this case: support continues beside enforcement"; empty when the
   * council closes on payment, the case has no target or no figure (a term-time leave case: the
   * notice was about the holiday), or the figure is at or above the target.
   */
  public Optional<String> stillBelowTarget(DelegateExecution execution) {
    if (!settings.supportContinuesBelowTarget()) {
      return Optional.empty();
    }
    Double target = AttendanceCase.ATTENDANCE_TARGET.get(execution);
    if (target == null) {
      return Optional.empty();
    }
    String source = AttendanceCase.ATTENDANCE_SOURCE.get(execution);
    Optional<RegisterFigures.CaseFigures> marks = register.ofCase(source, AttendanceCase.PUPIL_UPN.get(execution),
        AttendanceCase.SCHOOL_URN.get(execution));
    Double attendance;
    String asOf;
    if (marks.isPresent()) {
      attendance = marks.get().attendancePercent();
      asOf = "register, " + Days.shown(calendar.today());
    } else {
      attendance = AttendanceCase.ATTENDANCE_PERCENT.get(execution);
      String from = CaseFacts.FROM_MARKS.equals(source) ? "register" : "entered";
      asOf = recordedOn(execution).map(day -> from + ", " + Days.shown(day)).orElse(from);
    }
    if (attendance == null || attendance >= target) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.UK,
        "attendance %.1f%% (%s) is below the target of %.1f%% agreed for this case: support continues beside enforcement",
        attendance, asOf, target));
  }

  /** The day the case's {@code attendancePercent} was last recorded, from its history. */
  private Optional<LocalDate> recordedOn(DelegateExecution execution) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    String instance = execution.getProcessInstanceId();
    return history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance)
        .variableName(AttendanceCase.ATTENDANCE_PERCENT.name())
        .list().stream()
        .filter(variable -> instance.equals(variable.getExecutionId()))
        .map(HistoricVariableInstance::getId)
        .findFirst()
        .flatMap(id -> history.createHistoricDetailQuery().variableInstanceId(id).list().stream()
            .map(HistoricDetail::getTime)
            .max(Comparator.naturalOrder()))
        .map(calendar::day);
  }
}
