package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.LATE_ARRIVAL;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_OUTCOMES;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_REASON;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_FROM;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_TO;
import static uk.schoolattendance.casework.AttendanceCase.ROUTE;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.schools.DateValues;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * "Prepare penalty notices" ({@code preparePenaltyNotices}): the case enters Level 5 and sets
 * what every notice of the case shares: the offence period ({@code offenceFrom}–{@code offenceTo},
 * the rolling 10 school weeks the unauthorised sessions were counted in), the reason
 * ({@code holiday} for term-time leave, {@code late} when {@code lateArrival}, otherwise
 * {@code other}) and an empty {@code noticeOutcomes} list for the notices' outcomes.
 */
@Component("preparePenaltyNotices")
public class PreparePenaltyNotices implements JavaDelegate {

  static final int WINDOW_SCHOOL_WEEKS = 10;

  private final SchoolCalendar calendar;
  private final CasePathway pathway;

  public PreparePenaltyNotices(SchoolCalendar calendar, CasePathway pathway) {
    this.calendar = calendar;
    this.pathway = pathway;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason;
    if (AttendanceCase.TERM_TIME_LEAVE.equals(ROUTE.get(execution))) {
      reason = PenaltyNotice.HOLIDAY;
    } else if (Boolean.TRUE.equals(LATE_ARRIVAL.get(execution))) {
      reason = PenaltyNotice.LATE;
    } else {
      reason = PenaltyNotice.OTHER;
    }
    ZoneId zone = calendar.properties().zone();
    LocalDate today = calendar.today();
    OFFENCE_TO.set(execution, DateValues.toDate(today, zone));
    OFFENCE_FROM.set(execution, DateValues.toDate(calendar.startOfSchoolWeeksEndingOn(today, WINDOW_SCHOOL_WEEKS), zone));
    NOTICE_REASON.set(execution, reason);
    NOTICE_OUTCOMES.set(execution, Json.newList());
    pathway.enter(execution, 5, "penalty-notices");
  }
}
