package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.ANOTHER_ROUTE_NEEDED;
import static uk.schoolattendance.casework.AttendanceCase.CASE_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.CORRECTED_NOTICE_POSSIBLE;
import static uk.schoolattendance.casework.AttendanceCase.NOTICES_WITHDRAWN;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_OUTCOMES;
import static uk.schoolattendance.casework.AttendanceCase.WITHDRAWN_NOTICES_SHOWN;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.NoticeReasonWords;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Json;

/**
 * "Record penalty notice outcomes" ({@code recordPenaltyNoticeOutcomes}, docs/adr/0002): any
 * notice that went to court makes the case's outcome {@code court-outcome}; a notice whose
 * parent reached the limit and was sent to another route sends the case back to Level 3
 * ({@code anotherRouteNeeded}); at least one paid makes it {@code penalty-paid}. When every notice
 * was withdrawn the case does not end: {@code noticesWithdrawn} sends it to "Decide what follows
 * the withdrawal" (a corrected notice after a material error, further support, the Pupil Planning
 * Meeting, or closing with a reason), with the withdrawn notices and their grounds in words.
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
    boolean materialError = false;
    List<String> withdrawn = new ArrayList<>();
    for (JsonNode entry : Json.list(NOTICE_OUTCOMES.get(execution))) {
      String outcome = entry.path(AttendanceCase.NOTICE_OUTCOME.name()).asText("");
      court |= PenaltyNotice.OUTCOME_COURT.equals(outcome);
      paid |= PenaltyNotice.OUTCOME_PAID.equals(outcome);
      anotherRoute |= PenaltyNotice.OUTCOME_ANOTHER_ROUTE.equals(outcome);
      if (PenaltyNotice.OUTCOME_WITHDRAWN.equals(outcome)) {
        String ground = entry.path(PenaltyNotice.WITHDRAWAL_GROUND.name()).asText(null);
        materialError |= PenaltyNotice.MATERIAL_ERROR.equals(ground);
        withdrawn.add(entry.path(AttendanceCase.NOTICE_NUMBER.name()).asText("") + ": " + NoticeReasonWords.ground(ground));
      }
    }
    boolean backToSupport = anotherRoute && !court;
    boolean allWithdrawn = !court && !paid && !anotherRoute;
    ANOTHER_ROUTE_NEEDED.set(execution, backToSupport);
    NOTICES_WITHDRAWN.set(execution, allWithdrawn);
    if (backToSupport) {
      pathway.requestLevel(execution, 3, "a parent reached the limit of penalty notices: another route chosen");
    } else if (allWithdrawn) {
      CORRECTED_NOTICE_POSSIBLE.set(execution, materialError);
      WITHDRAWN_NOTICES_SHOWN.set(execution, String.join("\n", withdrawn));
      pathway.record(execution, "penalty-notices-withdrawn", String.join("; ", withdrawn));
    } else {
      String outcome = court ? AttendanceCase.COURT : AttendanceCase.PENALTY_PAID;
      CASE_OUTCOME.set(execution, outcome);
      pathway.record(execution, "penalty-notices-concluded", outcome);
    }
  }
}
