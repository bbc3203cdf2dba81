package uk.schoolattendance.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
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
    execution.setVariable("offenceTo", DateValues.toDate(today, zone));
    execution.setVariable(
        "offenceFrom", DateValues.toDate(calendar.startOfSchoolWeeksEndingOn(today, WINDOW_SCHOOL_WEEKS), zone));
    String reason;
    if ("term-time-leave".equals(execution.getVariable("route"))) {
      reason = "holiday";
    } else if (Boolean.TRUE.equals(execution.getVariable("lateArrival"))) {
      reason = "late";
    } else {
      reason = "other";
    }
    execution.setVariable("noticeReason", reason);
    execution.setVariable("noticeOutcomes", JsonVariables.json(JsonVariables.MAPPER.createArrayNode()));
  }

  /** End listener of each notice (one per parent): records its outcome on the case. */
  public void collect(DelegateExecution execution) {
    ArrayNode outcomes = JsonVariables.readList(execution, "noticeOutcomes");
    ObjectNode entry = outcomes.addObject();
    entry.put("noticeNumber", text(execution.getVariableLocal("noticeNumber")));
    JsonNode parent = JsonVariables.parse("parent", execution.getVariable("parent"));
    entry.put("parentId", parent.path("id").asText(null));
    entry.put("noticeOutcome", text(execution.getVariableLocal("noticeOutcome")));
    execution.getProcessInstance().setVariable("noticeOutcomes", JsonVariables.json(outcomes));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
