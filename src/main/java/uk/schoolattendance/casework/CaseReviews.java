package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.ATTENDANCE_PERCENT;
import static uk.schoolattendance.casework.AttendanceCase.CONTRACT_REVIEW_DATE;
import static uk.schoolattendance.casework.AttendanceCase.CONTRACT_REVIEW_DUE_DATE;
import static uk.schoolattendance.casework.AttendanceCase.CONTRACT_REVIEW_WEEKS;
import static uk.schoolattendance.casework.AttendanceCase.CURRENT_ATTENDANCE_PERCENT;
import static uk.schoolattendance.casework.AttendanceCase.REVIEW_COUNT;
import static uk.schoolattendance.casework.AttendanceCase.REVIEW_DATE;
import static uk.schoolattendance.casework.AttendanceCase.REVIEW_DUE_DATE;
import static uk.schoolattendance.casework.AttendanceCase.REVIEW_START_PERCENT;
import static uk.schoolattendance.casework.AttendanceCase.REVIEW_WEEKS;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Schedules the Level 2 reviews and the attendance contract's review in school weeks
 * ({@code caseReviews}, called from sequence-flow listeners before the timers). Each timer
 * reads its due date from a variable ({@code reviewDueDate}, {@code contractReviewDueDate});
 * the number of school weeks is stored next to it ({@code ...Weeks}) so a change of term dates
 * can recalculate the timer (see {@link SchoolWeekTimers}), counted from the day the timer was
 * set, which the engine keeps as its timer job's creation time. A date the officer chose is kept
 * as it is (no weeks stored).
 */
@Component("caseReviews")
public class CaseReviews {

  /** A school-week timer's two variables. */
  record ReviewTimer(ProcessVariable<LocalDate> dueDate, ProcessVariable<Integer> weeks) {}

  static final ReviewTimer REVIEW = new ReviewTimer(REVIEW_DUE_DATE, REVIEW_WEEKS);
  static final ReviewTimer CONTRACT_REVIEW = new ReviewTimer(CONTRACT_REVIEW_DUE_DATE, CONTRACT_REVIEW_WEEKS);

  private final SchoolCalendar calendar;
  private final CaseSettings settings;

  public CaseReviews(SchoolCalendar calendar, CaseSettings settings) {
    this.calendar = calendar;
    this.settings = settings;
  }

  /** After the attendance meeting: the review on the chosen date or 4 school weeks later. */
  public void scheduleFirstReview(DelegateExecution execution) {
    REVIEW_COUNT.set(execution, 0);
    REVIEW_START_PERCENT.set(execution, ATTENDANCE_PERCENT.get(execution));
    schedule(execution, REVIEW, REVIEW_DATE.get(execution), settings.reviewPeriodSchoolWeeks());
  }

  /** Some progress and a further review allowed: the next review 4 school weeks from this one. */
  public void scheduleNextReview(DelegateExecution execution) {
    REVIEW_COUNT.set(execution, reviewCount(execution) + 1);
    REVIEW_START_PERCENT.set(execution, CURRENT_ATTENDANCE_PERCENT.get(execution));
    schedule(execution, REVIEW, null, settings.reviewPeriodSchoolWeeks());
  }

  /** Whether "some progress" may be reviewed again (at most {@code maxFurtherReviews} times). */
  public boolean furtherReviewAllowed(DelegateExecution execution) {
    return reviewCount(execution) < settings.maxFurtherReviews();
  }

  /** After the contract is agreed: its review on the chosen date or N school weeks later. */
  public void scheduleContractReview(DelegateExecution execution) {
    schedule(execution, CONTRACT_REVIEW, CONTRACT_REVIEW_DATE.get(execution), settings.contractReviewPeriodSchoolWeeks());
  }

  private static int reviewCount(DelegateExecution execution) {
    Integer count = REVIEW_COUNT.get(execution);
    return count == null ? 0 : count;
  }

  /**
   * The timer falls due on the day (the models read it with {@code schoolCalendar.atTimeOfDay});
   * counted from today, the day its timer job is created in this same transaction.
   */
  private void schedule(DelegateExecution execution, ReviewTimer timer, LocalDate chosenDate, int weeks) {
    if (chosenDate != null) {
      timer.dueDate().set(execution, chosenDate);
      if (timer.weeks().isSet(execution)) {
        timer.weeks().set(execution, null); // an earlier review counted school weeks: this one does not
      }
      return;
    }
    timer.weeks().set(execution, weeks);
    timer.dueDate().set(execution, calendar.addSchoolWeeks(calendar.today(), weeks));
  }
}
