package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.ANOTHER_ROUTE_NEEDED;
import static uk.schoolattendance.casework.AttendanceCase.CASE_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_OUTCOMES;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Json;

/**
 * "Record penalty notice outcomes" ({@code recordPenaltyNoticeOutcomes}, docs/adr/0002): any
 * notice that went to court makes the case's outcome {@code court-outcome}; a notice whose
 * parent reached the limit and was sent to another route sends the case back to Level 3
 * ({@code anotherRouteNeeded}); otherwise {@code penalty-paid} when at least one was paid, and
 * {@code withdrawn} when all were withdrawn.
 */
@Component("recordPenaltyNoticeOutcomes")
public class RecordPenaltyNoticeOutcomes implements JavaDelegate {

  private final CasePathway pathway;

  public RecordPenaltyNoticeOutcomes(CasePathway pathway) {
    this.pathway = pathway;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean court = false;
    boolean paid = false;
    boolean anotherRoute = false;
    for (JsonNode entry : Json.list(NOTICE_OUTCOMES.get(execution))) {
      String outcome = entry.path(AttendanceCase.NOTICE_OUTCOME.name()).asText("");
      court |= PenaltyNotice.OUTCOME_COURT.equals(outcome);
      paid |= PenaltyNotice.OUTCOME_PAID.equals(outcome);
      anotherRoute |= PenaltyNotice.OUTCOME_ANOTHER_ROUTE.equals(outcome);
    }
    String outcome = court ? AttendanceCase.COURT : paid ? AttendanceCase.PENALTY_PAID : AttendanceCase.WITHDRAWN;
    boolean backToSupport = anotherRoute && !court;
    ANOTHER_ROUTE_NEEDED.set(execution, backToSupport);
    if (backToSupport) {
      pathway.requestLevel(execution, 3, "a parent reached the limit of penalty notices: another route chosen");
    } else {
      CASE_OUTCOME.set(execution, outcome);
      pathway.record(execution, "penalty-notices-concluded", outcome);
    }
  }
}
