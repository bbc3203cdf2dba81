package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Schedules the Level 2 reviews and the attendance contract's review in school weeks
 * ({@code caseReviews}, called from sequence-flow listeners before the timers). Each timer
 * reads its due date from a variable ({@code reviewDueDate}, {@code contractReviewDueDate});
 * the base date and the number of school weeks are stored next to it
 * ({@code ...BaseDate}, {@code ...Weeks}) so a change of term dates can recalculate the timer
 * (see {@link SchoolWeekTimers}). A date the officer chose is kept as it is (no weeks stored).
 */
@Component("caseReviews")
public class CaseReviews {

  private final SchoolCalendar calendar;
  private final CaseSettings settings;

  public CaseReviews(SchoolCalendar calendar, CaseSettings settings) {
    this.calendar = calendar;
    this.settings = settings;
  }

  /** After the attendance meeting: the review on the chosen date or 4 school weeks later. */
  public void scheduleFirstReview(DelegateExecution execution) {
    Inputs.store(execution, "reviewCount", 0);
    execution.setVariable("reviewStartPercent", execution.getVariable("attendancePercent"));
    schedule(execution, "review", execution.getVariable("reviewDate"), settings.reviewPeriodSchoolWeeks());
  }

  /** Some progress and a further review allowed: the next review 4 school weeks from this one. */
  public void scheduleNextReview(DelegateExecution execution) {
    Object count = execution.getVariable("reviewCount");
    execution.setVariable("reviewCount", (count instanceof Number n ? n.intValue() : 0) + 1);
    execution.setVariable("reviewStartPercent", execution.getVariable("currentAttendancePercent"));
    schedule(execution, "review", null, settings.reviewPeriodSchoolWeeks());
  }

  /** Whether "some progress" may be reviewed again (at most {@code maxFurtherReviews} times). */
  public boolean furtherReviewAllowed(DelegateExecution execution) {
    Object count = execution.getVariable("reviewCount");
    return (count instanceof Number n ? n.intValue() : 0) < settings.maxFurtherReviews();
  }

  /** After the contract is agreed: its review on the chosen date or N school weeks later. */
  public void scheduleContractReview(DelegateExecution execution) {
    schedule(
        execution,
        "contractReview",
        execution.getVariable("contractReviewDate"),
        settings.contractReviewPeriodSchoolWeeks());
  }

  private void schedule(DelegateExecution execution, String timer, Object chosenDate, int weeks) {
    ZoneId zone = calendar.properties().zone();
    LocalDate today = calendar.today();
    if (chosenDate != null && !(chosenDate instanceof String s && s.isBlank())) {
      LocalDate chosen = uk.schoolattendance.schools.DateValues.toLocalDate(chosenDate, zone);
      execution.setVariable(timer + "DueDate", calendar.atTimeOfDay(chosen));
      execution.setVariable(timer + "BaseDate", null);
      execution.setVariable(timer + "Weeks", null);
      return;
    }
    execution.setVariable(timer + "BaseDate", uk.schoolattendance.schools.DateValues.toDate(today, zone));
    execution.setVariable(timer + "Weeks", weeks);
    execution.setVariable(timer + "DueDate", calendar.atTimeOfDay(calendar.addSchoolWeeks(today, weeks)));
  }
}
