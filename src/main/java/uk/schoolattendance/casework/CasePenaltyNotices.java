package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.LATE_ARRIVAL;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_NUMBER;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_OUTCOMES;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_REASON;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_FROM;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_TO;
import static uk.schoolattendance.casework.AttendanceCase.PARENT;
import static uk.schoolattendance.casework.AttendanceCase.ROUTE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.schools.DateValues;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * The case's side of the penalty notices ({@code casePenaltyNotices}, listeners on
 * {@code Activity_IssuePenaltyNotices}; see docs/adr/0002): before the notices it sets the
 * offence period ({@code offenceFrom}–{@code offenceTo}, the rolling 10 school weeks the
 * unauthorised sessions were counted in) and {@code noticeReason}; after each notice it adds
 * {@code {noticeNumber, parentId, noticeOutcome}} to the Json list {@code noticeOutcomes}.
 */
@Component("casePenaltyNotices")
public class CasePenaltyNotices {

  static final int WINDOW_SCHOOL_WEEKS = 10;

  private final SchoolCalendar calendar;

  public CasePenaltyNotices(SchoolCalendar calendar) {
    this.calendar = calendar;
  }

  /** Start listener of the multi-instance body: the data every notice of this case shares. */
  public void prepare(DelegateExecution execution) {
    ZoneId zone = calendar.properties().zone();
    LocalDate today = calendar.today();
    OFFENCE_TO.set(execution, DateValues.toDate(today, zone));
    OFFENCE_FROM.set(execution, DateValues.toDate(calendar.startOfSchoolWeeksEndingOn(today, WINDOW_SCHOOL_WEEKS), zone));
    String reason;
    if (AttendanceCase.TERM_TIME_LEAVE.equals(ROUTE.get(execution))) {
      reason = PenaltyNotice.HOLIDAY;
    } else if (Boolean.TRUE.equals(LATE_ARRIVAL.get(execution))) {
      reason = PenaltyNotice.LATE;
    } else {
      reason = PenaltyNotice.OTHER;
    }
    NOTICE_REASON.set(execution, reason);
    NOTICE_OUTCOMES.set(execution, Json.newList());
  }

  /** End listener of each notice (one per parent): records its outcome on the case. */
  public void collect(DelegateExecution execution) {
    ArrayNode outcomes = Json.list(NOTICE_OUTCOMES.get(execution));
    ObjectNode entry = outcomes.addObject();
    entry.put(NOTICE_NUMBER.name(), NOTICE_NUMBER.getLocal(execution));
    JsonNode parent = PARENT.get(execution);
    entry.put(PenaltyNotice.PARENT_ID.name(), parent == null ? null : parent.path("id").asText(null));
    entry.put(NOTICE_OUTCOME.name(), NOTICE_OUTCOME.getLocal(execution));
    NOTICE_OUTCOMES.set(execution.getProcessInstance(), outcomes);
  }
}
