package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.AFTER_WITHDRAWAL;
import static uk.schoolattendance.casework.AttendanceCase.AFTER_WITHDRAWAL_REASON;
import static uk.schoolattendance.casework.AttendanceCase.ANOTHER_ROUTE_NEEDED;
import static uk.schoolattendance.casework.AttendanceCase.CASE_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.CLOSURE_REASON;
import static uk.schoolattendance.casework.AttendanceCase.CORRECTED_NOTICE_RECIPIENTS;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_OUTCOMES;
import static uk.schoolattendance.casework.AttendanceCase.PARENTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.Json;

/**
 * Complete listener of "Decide what follows the withdrawal" ({@code afterWithdrawalDecided}):
 * every penalty notice of the round was withdrawn, or one for a material error beside others paid or
 * prosecuted, and the case's officer or a senior practitioner
 * says what follows ({@code afterWithdrawal}) and why ({@code afterWithdrawalReason}, required):
 *
 * <ul>
 *   <li>{@code corrected-notice}: only when a notice was withdrawn for a material error (domain
 *       notes §5; the notice's own words); the next notices go to the parents whose notice had the
 *       error, and to no one else (a parent whose notice was withdrawn for no offence, or outside
 *       the code of conduct, gets none);
 *   <li>{@code further-support}: back to Level 3 casework;
 *   <li>{@code pupil-planning-meeting}: back to Level 4, where another route is chosen;
 *   <li>{@code close}: the case ends {@code withdrawn}, the reason its closure reason; when another
 *       parent's notice of the round was paid ({@code penalty-paid}) or prosecuted
 *       ({@code court-outcome}), the case ends with that outcome. Refused while a parent who
 *       reached the limit was sent to another route ({@code anotherRouteNeeded}): closing would drop
 *       that route. Refused too when the case would end {@code penalty-paid} while its attendance is
 *       below the target it agreed: the same target rule as a paid round without a withdrawal
 *       ({@link PaidNoticeTarget}, a council's choice).
 * </ul>
 *
 * A completion without a choice or a reason, or a corrected notice without a material error, is
 * refused naming the field; the task stays open. A corrected notice keeps the other-route parent's
 * outcome in {@code noticeOutcomes}, so the round after it sends the case back to Level 3.
 */
@Component("afterWithdrawalDecided")
public class AfterWithdrawalDecided implements TaskListener {

  private final CasePathway pathway;
  private final PaidNoticeTarget target;

  public AfterWithdrawalDecided(CasePathway pathway, PaidNoticeTarget target) {
    this.pathway = pathway;
    this.target = target;
  }

  @Override
  public void notify(DelegateTask task) {
    String choice = Inputs.oneOf(task, AFTER_WITHDRAWAL, AttendanceCase.AFTER_WITHDRAWAL_CHOICES, null);
    String reason = Inputs.optionalText(task, AFTER_WITHDRAWAL_REASON, Inputs.TEXT_MAX);
    if (reason == null) {
      throw new InvalidInputException(AFTER_WITHDRAWAL_REASON.name(), "is required: say why, for the case's history");
    }
    switch (choice) {
      case AttendanceCase.CORRECTED_NOTICE -> correctedNotice(task);
      case AttendanceCase.FURTHER_SUPPORT ->
          pathway.requestLevel(task.getExecution(), 3, "further support after the penalty notices were withdrawn: " + reason);
      case AttendanceCase.PUPIL_PLANNING_MEETING ->
          pathway.requestLevel(task.getExecution(), 4, "Pupil Planning Meeting after the penalty notices were withdrawn: " + reason);
      default -> {
        if (Boolean.TRUE.equals(ANOTHER_ROUTE_NEEDED.get(task))) {
          // closing would silently drop the route chosen for the parent who reached the limit
          throw new InvalidInputException(
              AFTER_WITHDRAWAL.name(),
              "cannot be close: a parent reached the limit of penalty notices and another route was chosen for them,"
                  + " which closing would drop. Choose further-support or pupil-planning-meeting, or corrected-notice"
                  + " (after the corrected round the case goes back to Level 3 for that parent)");
        }
        // a notice of this offence period that was paid or prosecuted stands: the case ends with it
        String outcome = RecordPenaltyNoticeOutcomes.outcomeOnClosing(NOTICE_OUTCOMES.get(task));
        if (AttendanceCase.PENALTY_PAID.equals(outcome)) {
          // a payment does not make the child attend: the same rule as a paid round without a withdrawal
          String below = target.stillBelowTarget(task.getExecution()).orElse(null);
          if (below != null) {
            throw new InvalidInputException(
                AFTER_WITHDRAWAL.name(),
                "cannot be close: a notice of this round was paid, but " + below
                    + ". Choose further-support, pupil-planning-meeting or corrected-notice");
          }
        }
        CASE_OUTCOME.set(task, outcome);
        CLOSURE_REASON.set(task, reason);
      }
    }
    pathway.record(task, "after-withdrawal-" + choice, reason);
  }

  private static void correctedNotice(DelegateTask task) {
    Set<String> withError = new HashSet<>();
    for (JsonNode entry : Json.list(NOTICE_OUTCOMES.get(task))) {
      if (PenaltyNotice.OUTCOME_WITHDRAWN.equals(entry.path(AttendanceCase.NOTICE_OUTCOME.name()).asText(""))
          && PenaltyNotice.MATERIAL_ERROR.equals(entry.path(PenaltyNotice.WITHDRAWAL_GROUND.name()).asText(""))) {
        withError.add(entry.path(PenaltyNotice.PARENT_ID.name()).asText(""));
      }
    }
    ArrayNode recipients = Json.newList();
    for (JsonNode parent : Json.list(PARENTS.get(task))) {
      if (withError.contains(parent.path("id").asText(""))) {
        recipients.add(parent);
      }
    }
    if (recipients.isEmpty()) {
      throw new InvalidInputException(
          AFTER_WITHDRAWAL.name(),
          "a corrected notice follows only a notice withdrawn for a material error, and none was: choose further-support,"
              + " pupil-planning-meeting or close");
    }
    CORRECTED_NOTICE_RECIPIENTS.set(task, recipients);
  }
}
