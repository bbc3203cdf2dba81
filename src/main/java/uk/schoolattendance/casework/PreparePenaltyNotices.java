package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.CORRECTED_NOTICE_RECIPIENTS;
import static uk.schoolattendance.casework.AttendanceCase.LATE_ARRIVAL;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_RECIPIENTS;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_OUTCOMES;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_REASON;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_FROM;
import static uk.schoolattendance.casework.AttendanceCase.OFFENCE_TO;
import static uk.schoolattendance.casework.AttendanceCase.PARENTS;
import static uk.schoolattendance.casework.AttendanceCase.ROUTE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Inputs;

/**
 * "Prepare penalty notices" ({@code preparePenaltyNotices}): the case enters Level 5 and sets
 * what every notice of the case shares: the offence period ({@code offenceFrom}–{@code offenceTo},
 * recorded when the legal route was chosen), the reason
 * ({@code holiday} for term-time leave, {@code late} when {@code lateArrival}, otherwise the one
 * the offence period's marks give ({@code noticeReasonFromMarks}: holiday when they are all G, late
 * when all U), else {@code other}), an empty {@code noticeOutcomes} list for the notices' outcomes, and who gets a
 * notice ({@code noticeRecipients}): every parent of the case, or, for corrected notices after a
 * withdrawal for a material error, only the parents "Decide what follows the withdrawal" named;
 * the other parents' notices of the round keep their outcomes in {@code noticeOutcomes}, so the
 * case's outcome counts a notice paid before the corrected one.
 */
@Component("preparePenaltyNotices")
public class PreparePenaltyNotices implements JavaDelegate {

  private final CasePathway pathway;

  public PreparePenaltyNotices(CasePathway pathway) {
    this.pathway = pathway;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason;
    if (AttendanceCase.TERM_TIME_LEAVE.equals(ROUTE.get(execution))) {
      reason = PenaltyNotice.HOLIDAY;
    } else if (Boolean.TRUE.equals(LATE_ARRIVAL.get(execution))) {
      reason = PenaltyNotice.LATE;
    } else if (PenaltyNotice.HOLIDAY.equals(AttendanceCase.NOTICE_REASON_FROM_MARKS.get(execution))
        || PenaltyNotice.LATE.equals(AttendanceCase.NOTICE_REASON_FROM_MARKS.get(execution))) {
      // the offence period's marks are all term-time holiday (G) or all late (U): the census counts it so
      reason = AttendanceCase.NOTICE_REASON_FROM_MARKS.get(execution);
    } else {
      reason = PenaltyNotice.OTHER;
    }
    // the offence period is a fact of the case, recorded and checked when the route was chosen
    // (OffencePeriods): never a window counted back from today
    Inputs.required(OFFENCE_FROM.name(), OFFENCE_FROM.get(execution), "was not recorded when the legal route was chosen");
    Inputs.required(OFFENCE_TO.name(), OFFENCE_TO.get(execution), "was not recorded when the legal route was chosen");
    NOTICE_REASON.set(execution, reason);
    JsonNode corrected = CORRECTED_NOTICE_RECIPIENTS.get(execution);
    if (corrected != null && !corrected.isEmpty()) {
      // a corrected notice after a withdrawal for a material error: only to the parents it names, once
      NOTICE_RECIPIENTS.set(execution, corrected);
      CORRECTED_NOTICE_RECIPIENTS.remove(execution);
      // the other parents' notices of this offence period stand as they ended (a paid one stays paid)
      Set<String> again = new HashSet<>();
      corrected.forEach(parent -> again.add(parent.path("id").asText("")));
      ArrayNode standing = Json.newList();
      for (JsonNode entry : Json.list(NOTICE_OUTCOMES.get(execution))) {
        if (!again.contains(entry.path(PenaltyNotice.PARENT_ID.name()).asText(""))) {
          standing.add(entry);
        }
      }
      NOTICE_OUTCOMES.set(execution, standing);
      pathway.enter(execution, 5, AttendanceCase.PENALTY_NOTICES_CORRECTED_EVENT);
    } else {
      NOTICE_RECIPIENTS.set(execution, PARENTS.get(execution));
      NOTICE_OUTCOMES.set(execution, Json.newList());
      pathway.enter(execution, 5, AttendanceCase.PENALTY_NOTICES_EVENT);
    }
  }
}
