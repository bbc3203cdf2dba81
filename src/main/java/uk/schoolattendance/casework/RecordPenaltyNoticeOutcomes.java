package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.ANOTHER_ROUTE_NEEDED;
import static uk.schoolattendance.casework.AttendanceCase.CASE_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.CORRECTED_NOTICE_POSSIBLE;
import static uk.schoolattendance.casework.AttendanceCase.NOTICES_WITHDRAWN;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_OUTCOMES;
import static uk.schoolattendance.casework.AttendanceCase.OTHER_NOTICES_SHOWN;
import static uk.schoolattendance.casework.AttendanceCase.WITHDRAWN_NOTICES_SHOWN;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * was withdrawn, or any was withdrawn for a material error (whatever became of the others: one
 * parent paid, the other's notice had an error, and the withdrawal letter promises a corrected
 * notice), the case does not end: {@code noticesWithdrawn} sends it to "Decide what follows the
 * withdrawal" (a corrected notice for the parents whose notice had the error, further support, the
 * Pupil Planning Meeting, or closing with a reason), with the withdrawn notices and their grounds
 * in words and what became of the others. A notice withdrawn on another ground beside a paid or
 * prosecuted one ends nothing more: the case concludes with that outcome, the withdrawal in its
 * history. A parent sent to another route beside a material-error withdrawal keeps
 * {@code anotherRouteNeeded}: "Decide what follows the withdrawal" does not close the case over it,
 * and after the corrected round the case goes back to Level 3 for that parent. An empty list of
 * outcomes (none recorded) is not taken as paid: it goes to the decision too.
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
    List<String> others = new ArrayList<>();
    for (JsonNode entry : Json.list(NOTICE_OUTCOMES.get(execution))) {
      String outcome = entry.path(AttendanceCase.NOTICE_OUTCOME.name()).asText("");
      String number = entry.path(AttendanceCase.NOTICE_NUMBER.name()).asText("");
      court |= PenaltyNotice.OUTCOME_COURT.equals(outcome);
      paid |= PenaltyNotice.OUTCOME_PAID.equals(outcome);
      anotherRoute |= PenaltyNotice.OUTCOME_ANOTHER_ROUTE.equals(outcome);
      if (PenaltyNotice.OUTCOME_WITHDRAWN.equals(outcome)) {
        String ground = entry.path(PenaltyNotice.WITHDRAWAL_GROUND.name()).asText(null);
        materialError |= PenaltyNotice.MATERIAL_ERROR.equals(ground);
        withdrawn.add(number + ": " + NoticeReasonWords.ground(ground));
      } else {
        others.add(number + ": " + OUTCOME_WORDS.getOrDefault(outcome, outcome));
      }
    }
    // nothing stands (every notice withdrawn, or no outcome at all): a person decides; never "paid" by default
    boolean allWithdrawn = !court && !paid && !anotherRoute;
    // a notice withdrawn for a material error promises a corrected one, whatever the others' outcome
    boolean decide = allWithdrawn || materialError;
    // a parent at the limit sent to another route keeps it, also while the withdrawal is decided
    // (AfterWithdrawalDecided will not close the case over it; a corrected round keeps its outcome)
    boolean anotherRouteNeeded = anotherRoute && !court;
    boolean backToSupport = !decide && anotherRouteNeeded;
    ANOTHER_ROUTE_NEEDED.set(execution, anotherRouteNeeded);
    NOTICES_WITHDRAWN.set(execution, decide);
    if (decide) {
      CORRECTED_NOTICE_POSSIBLE.set(execution, materialError);
      WITHDRAWN_NOTICES_SHOWN.set(execution, String.join("\n", withdrawn));
      OTHER_NOTICES_SHOWN.set(execution, others.isEmpty() ? null : String.join("\n", others));
      pathway.record(execution, "penalty-notices-withdrawn", String.join("; ", withdrawn));
    } else if (backToSupport) {
      pathway.requestLevel(execution, 3, "a parent reached the limit of penalty notices: another route chosen");
    } else {
      String outcome = court ? AttendanceCase.COURT : AttendanceCase.PENALTY_PAID;
      CASE_OUTCOME.set(execution, outcome);
      // a notice withdrawn on another ground beside a paid or prosecuted one: nothing more follows for it
      pathway.record(
          execution, AttendanceCase.PENALTY_NOTICES_CONCLUDED_EVENT,
          withdrawn.isEmpty() ? outcome : outcome + "; withdrawn: " + String.join("; ", withdrawn));
    }
  }

  /** What became of a notice that was not withdrawn, in words, for the decision's form. */
  private static final Map<String, String> OUTCOME_WORDS = Map.of(
      PenaltyNotice.OUTCOME_PAID, "Paid: it stays paid",
      PenaltyNotice.OUTCOME_COURT, "Not paid: the parent was prosecuted",
      PenaltyNotice.OUTCOME_ANOTHER_ROUTE, "No notice (the limit was reached): another route was chosen");

  /**
   * The case's outcome when it is closed after a withdrawal: a notice paid or prosecuted in this
   * offence period stands ({@code court-outcome}, else {@code penalty-paid}); otherwise
   * {@code withdrawn}.
   */
  static String outcomeOnClosing(JsonNode noticeOutcomes) {
    boolean paid = false;
    for (JsonNode entry : Json.list(noticeOutcomes)) {
      String outcome = entry.path(AttendanceCase.NOTICE_OUTCOME.name()).asText("");
      if (PenaltyNotice.OUTCOME_COURT.equals(outcome)) {
        return AttendanceCase.COURT;
      }
      paid |= PenaltyNotice.OUTCOME_PAID.equals(outcome);
    }
    return paid ? AttendanceCase.PENALTY_PAID : AttendanceCase.WITHDRAWN;
  }
}
