package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.ANOTHER_ROUTE_NEEDED;
import static uk.schoolattendance.casework.AttendanceCase.CASE_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.CORRECTED_NOTICE_LIMIT_SHOWN;
import static uk.schoolattendance.casework.AttendanceCase.CORRECTED_NOTICE_POSSIBLE;
import static uk.schoolattendance.casework.AttendanceCase.NOTICES_WITHDRAWN;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_OUTCOMES;
import static uk.schoolattendance.casework.AttendanceCase.OTHER_NOTICES_SHOWN;
import static uk.schoolattendance.casework.AttendanceCase.PARENTS;
import static uk.schoolattendance.casework.AttendanceCase.WITHDRAWN_NOTICES_SHOWN;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.NoticeLimit;
import uk.schoolattendance.notices.NoticeReasonWords;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Json;

/**
 * "Record penalty notice outcomes" ({@code recordPenaltyNoticeOutcomes}, docs/adr/0002): any
 * notice that went to court makes the case's outcome {@code court-outcome}; a notice whose
 * parent reached the limit and was sent to another route sends the case back to Level 3
 * ({@code anotherRouteNeeded}); at least one paid makes it {@code penalty-paid}, unless the case
 * agreed an attendance target and the pupil's attendance is still below it ({@link PaidNoticeTarget},
 * a council's choice, {@code attendance.case.after-paid-notice-below-target}): then the payment is
 * recorded and the case goes back to Level 3's support (support continues alongside enforcement,
 * DfE 2024), so a paid £80 does not close the case of a pupil at 52.6 %; it routes by
 * {@code anotherRouteNeeded} too, whose second meaning this is ({@link AttendanceCase#ANOTHER_ROUTE_NEEDED}),
 * and the history names the reason, the figure, its source and day. When every notice
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
  private final NoticeLimit limit;
  private final PaidNoticeTarget target;

  public RecordPenaltyNoticeOutcomes(CasePathway pathway, NoticeLimit limit, PaidNoticeTarget target) {
    this.pathway = pathway;
    this.limit = limit;
    this.target = target;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean court = false;
    boolean paid = false;
    boolean anotherRoute = false;
    boolean materialError = false;
    List<String> withdrawn = new ArrayList<>();
    Set<String> withError = new LinkedHashSet<>();
    List<String> others = new ArrayList<>();
    List<String> othersInBrief = new ArrayList<>();
    for (JsonNode entry : Json.list(NOTICE_OUTCOMES.get(execution))) {
      String outcome = entry.path(AttendanceCase.NOTICE_OUTCOME.name()).asText("");
      String number = entry.path(AttendanceCase.NOTICE_NUMBER.name()).asText("");
      court |= PenaltyNotice.OUTCOME_COURT.equals(outcome);
      paid |= PenaltyNotice.OUTCOME_PAID.equals(outcome);
      anotherRoute |= PenaltyNotice.OUTCOME_ANOTHER_ROUTE.equals(outcome);
      if (PenaltyNotice.OUTCOME_WITHDRAWN.equals(outcome)) {
        String ground = entry.path(PenaltyNotice.WITHDRAWAL_GROUND.name()).asText(null);
        if (PenaltyNotice.MATERIAL_ERROR.equals(ground)) {
          materialError = true;
          withError.add(entry.path(PenaltyNotice.PARENT_ID.name()).asText(""));
        }
        withdrawn.add(number + ": " + NoticeReasonWords.ground(ground));
      } else {
        others.add(number + ": " + OUTCOME_WORDS.getOrDefault(outcome, outcome));
        othersInBrief.add(number + " " + OUTCOME_IN_BRIEF.getOrDefault(outcome, outcome));
      }
    }
    // nothing stands (every notice withdrawn, or no outcome at all): a person decides; never "paid" by default
    boolean allWithdrawn = !court && !paid && !anotherRoute;
    // a notice withdrawn for a material error promises a corrected one, whatever the others' outcome
    boolean decide = allWithdrawn || materialError;
    // a parent at the limit sent to another route keeps it, also while the withdrawal is decided
    // (AfterWithdrawalDecided will not close the case over it; a corrected round keeps its outcome)
    boolean anotherRouteNeeded = anotherRoute && !court;
    // a paid notice discharges the parent's liability for the offence period; it does not make the
    // child attend: below the target the case agreed, support continues (walk 12 #26)
    String stillBelowTarget =
        !decide && !anotherRouteNeeded && !court && paid ? target.stillBelowTarget(execution).orElse(null) : null;
    // the gateway's "back to Level 3" (AttendanceCase.ANOTHER_ROUTE_NEEDED: either reason; never beside a withdrawal)
    anotherRouteNeeded |= stillBelowTarget != null;
    boolean backToSupport = !decide && anotherRouteNeeded;
    ANOTHER_ROUTE_NEEDED.set(execution, anotherRouteNeeded);
    NOTICES_WITHDRAWN.set(execution, decide);
    if (decide) {
      CORRECTED_NOTICE_POSSIBLE.set(execution, materialError);
      WITHDRAWN_NOTICES_SHOWN.set(execution, String.join("\n", withdrawn));
      OTHER_NOTICES_SHOWN.set(execution, others.isEmpty() ? null : String.join("\n", others));
      CORRECTED_NOTICE_LIMIT_SHOWN.set(execution, atTheLimit(execution, withError));
      if (allWithdrawn) {
        pathway.record(execution, AttendanceCase.PENALTY_NOTICES_WITHDRAWN_EVENT, String.join("; ", withdrawn));
      } else {
        // one withdrawn for a material error while another stands (paid, prosecuted): say so, not "every notice"
        pathway.record(
            execution, AttendanceCase.PENALTY_NOTICE_WITHDRAWN_FOR_ERROR_EVENT,
            String.join("; ", withdrawn) + " (" + String.join("; ", othersInBrief) + ")");
      }
    } else if (stillBelowTarget != null) {
      pathway.record(execution, AttendanceCase.PENALTY_NOTICES_CONCLUDED_EVENT,
          AttendanceCase.PENALTY_PAID + "; " + stillBelowTarget);
      pathway.requestLevel(execution, 3, "penalty paid, " + stillBelowTarget);
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

  /**
   * The parents whose notice had the error and who are now at the limit for this child, in words
   * with the notices that reach it, for "Decide what follows the withdrawal": a corrected notice to
   * them would be refused (walk 12 #16); null when none.
   */
  private String atTheLimit(DelegateExecution execution, Set<String> withError) {
    List<String> lines = new ArrayList<>();
    String upn = AttendanceCase.PUPIL_UPN.get(execution);
    for (JsonNode parent : Json.list(PARENTS.get(execution))) {
      String id = parent.path("id").asText("");
      if (withError.contains(id)) {
        String name = parent.path("name").asText(null);
        List<String> standing = limit.standing(id, name, parent.path("address").asText(null), upn);
        if (limit.reached(standing)) {
          lines.add(limit.words(name, AttendanceCase.PUPIL_NAME.get(execution), standing)
              + ": a corrected notice to " + (name == null ? "this parent" : name)
              + " would be refused; choose another step for them, or close with a reason");
        }
      }
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  /** What became of a notice that was not withdrawn, in words, for the decision's form. */
  private static final Map<String, String> OUTCOME_WORDS = Map.of(
      PenaltyNotice.OUTCOME_PAID, "Paid: it stays paid",
      PenaltyNotice.OUTCOME_COURT, "Not paid: the parent was prosecuted",
      PenaltyNotice.OUTCOME_ANOTHER_ROUTE, "No notice (the limit was reached): another route was chosen");

  /** What became of a notice that was not withdrawn, in brief, for the case's timeline: "PN-2026-000001 paid". */
  private static final Map<String, String> OUTCOME_IN_BRIEF = Map.of(
      PenaltyNotice.OUTCOME_PAID, "paid",
      PenaltyNotice.OUTCOME_COURT, "not paid: the parent was prosecuted",
      PenaltyNotice.OUTCOME_ANOTHER_ROUTE, "not issued (the limit was reached): another route chosen");

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
