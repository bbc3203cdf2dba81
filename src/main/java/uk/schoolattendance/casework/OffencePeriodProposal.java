package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.EARLIER_OFFENCE_FROM;
import static uk.schoolattendance.casework.AttendanceCase.EARLIER_OFFENCE_TO;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_FROM;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_PERIOD_PROPOSED;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_TO;
import static uk.schoolattendance.casework.AttendanceCase.PROPOSED_OFFENCE_FROM;
import static uk.schoolattendance.casework.AttendanceCase.PROPOSED_OFFENCE_PERIOD_SHOWN;
import static uk.schoolattendance.casework.AttendanceCase.PROPOSED_OFFENCE_SCHOOL_WEEKS;
import static uk.schoolattendance.casework.AttendanceCase.PROPOSED_OFFENCE_SESSIONS;
import static uk.schoolattendance.casework.AttendanceCase.PROPOSED_OFFENCE_TO;
import static uk.schoolattendance.casework.AttendanceCase.PUPIL_UPN;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.OffencePeriodProposals.OffencePeriod;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The Pupil Planning Meeting's form shows the offence period the register proposes (issue #15).
 * Create listener of {@code Task_HoldPupilPlanningMeeting} ({@code offencePeriodProposal}): for a
 * pupil with marks it writes the proposal to the case's {@code offenceFrom}/{@code offenceTo}, so
 * the form's date fields (which an officer may narrow) open filled in, whichever way the task is
 * completed (Tasklist's submit, {@code /engine-rest} complete, Java), and sets the task-local
 * {@code offencePeriodProposed}, {@code proposedOffencePeriodShown}, {@code proposedOffenceSessions}
 * and {@code proposedOffenceSchoolWeeks} the form shows as text. A pupil without marks gets
 * {@code offencePeriodProposed} false, empty fields and the form's hint to enter the period. The
 * task-local {@code registerHoldsMarks} says whether the register holds marks for the pupil at
 * all: then the form hides the school's register printout, which the marks replace. A proposal
 * holds the threshold's sessions, so the task-local {@code thresholdMet} is then true for the form.
 *
 * <p>The proposal is the application's write, not the completion's: the completion still sets only
 * what the task owns. When the meeting chooses no route with an offence ({@link #withdraw}), the
 * proposal is taken back and the case's earlier period, if any, restored.
 */
@Component("offencePeriodProposal")
public class OffencePeriodProposal implements TaskListener {

  private final OffencePeriodProposals proposals;
  private final SchoolCalendar calendar;

  public OffencePeriodProposal(OffencePeriodProposals proposals, SchoolCalendar calendar) {
    this.proposals = proposals;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    Optional<OffencePeriod> proposed = proposals.propose(PUPIL_UPN.get(task), calendar.today());
    OFFENCE_PERIOD_PROPOSED.setLocal(task, proposed.isPresent());
    AttendanceCase.REGISTER_HOLDS_MARKS.setLocal(task, proposals.hasMarks(PUPIL_UPN.get(task)));
    if (proposed.isEmpty()) {
      return;
    }
    // a period the marks propose holds the threshold's sessions: the form says the threshold is met
    // rather than "not checked yet" (walk 11, defect 15: a case escalated by hand never passed the
    // Level 3 check that sets thresholdMet)
    AttendanceCase.THRESHOLD_MET.setLocal(task, true);
    OffencePeriod period = proposed.get();
    proposals.noticeReason(PUPIL_UPN.get(task), period.from(), period.to())
        .map(OffencePeriodProposal::reasonShown)
        .ifPresent(shown -> AttendanceCase.PROPOSED_NOTICE_REASON_SHOWN.setLocal(task, shown));
    DelegateExecution execution = task.getExecution();
    LocalDate earlierFrom = OFFENCE_FROM.get(execution);
    LocalDate earlierTo = OFFENCE_TO.get(execution);
    if (earlierFrom != null) {
      EARLIER_OFFENCE_FROM.setLocal(task, earlierFrom);
    }
    if (earlierTo != null) {
      EARLIER_OFFENCE_TO.setLocal(task, earlierTo);
    }
    PROPOSED_OFFENCE_FROM.setLocal(task, period.from());
    PROPOSED_OFFENCE_TO.setLocal(task, period.to());
    PROPOSED_OFFENCE_PERIOD_SHOWN.setLocal(task, Days.shown(period.from(), period.to()));
    PROPOSED_OFFENCE_SESSIONS.setLocal(task, period.unauthorisedSessions());
    PROPOSED_OFFENCE_SCHOOL_WEEKS.setLocal(task, period.schoolWeeks());
    OFFENCE_FROM.set(execution, period.from());
    OFFENCE_TO.set(execution, period.to());
  }

  /** What a penalty notice's reason from the marks means, for the meeting's form. */
  static String reasonShown(String reason) {
    return switch (reason) {
      case "holiday" -> "Term-time holiday: every unauthorised session in the proposed period is marked as holiday not granted";
      case "late" -> "Late arrival: every unauthorised session in the proposed period is marked as arrived after the register closed";
      default -> "Other unauthorised absence: the proposed period's unauthorised sessions are not all holiday or all late arrival";
    };
  }

  /**
   * The meeting chose a route without an offence (an education supervision order, further
   * support): a period still as proposed was never decided, so the case keeps what it had before.
   */
  public void withdraw(DelegateTask task) {
    if (!Boolean.TRUE.equals(OFFENCE_PERIOD_PROPOSED.getLocal(task))) {
      return;
    }
    DelegateExecution execution = task.getExecution();
    if (Objects.equals(OFFENCE_FROM.get(execution), PROPOSED_OFFENCE_FROM.getLocal(task))) {
      restore(execution, OFFENCE_FROM, EARLIER_OFFENCE_FROM.getLocal(task));
    }
    if (Objects.equals(OFFENCE_TO.get(execution), PROPOSED_OFFENCE_TO.getLocal(task))) {
      restore(execution, OFFENCE_TO, EARLIER_OFFENCE_TO.getLocal(task));
    }
  }

  private static void restore(
      DelegateExecution execution, uk.schoolattendance.process.ProcessVariable<LocalDate> variable, LocalDate earlier) {
    if (earlier == null) {
      variable.remove(execution);
    } else {
      variable.set(execution, earlier);
    }
  }
}
