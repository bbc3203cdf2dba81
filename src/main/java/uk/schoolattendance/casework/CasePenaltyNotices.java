package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.NOTICE_NUMBER;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_OUTCOME;
import static uk.schoolattendance.casework.AttendanceCase.NOTICE_OUTCOMES;
import static uk.schoolattendance.casework.AttendanceCase.PARENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Json;

/**
 * Bookkeeping of the case's penalty notices ({@code casePenaltyNotices}, end listener of each
 * notice of {@code Activity_IssuePenaltyNotices}): adds {@code {noticeNumber, parentId,
 * noticeOutcome, withdrawalGround}} to the Json list {@code noticeOutcomes} that "Record penalty notice outcomes"
 * reads.
 */
@Component("casePenaltyNotices")
public class CasePenaltyNotices {

  /** End listener of each notice (one per parent): records its outcome on the case. */
  public void collect(DelegateExecution execution) {
    ArrayNode outcomes = Json.list(NOTICE_OUTCOMES.get(execution));
    ObjectNode entry = outcomes.addObject();
    entry.put(NOTICE_NUMBER.name(), NOTICE_NUMBER.getLocal(execution));
    JsonNode parent = PARENT.get(execution);
    entry.put(PenaltyNotice.PARENT_ID.name(), parent == null ? null : parent.path("id").asText(null));
    entry.put(NOTICE_OUTCOME.name(), NOTICE_OUTCOME.getLocal(execution));
    // why a withdrawn notice was withdrawn: a material error lets a corrected notice follow
    entry.put(PenaltyNotice.WITHDRAWAL_GROUND.name(), PenaltyNotice.WITHDRAWAL_GROUND.getLocal(execution));
    NOTICE_OUTCOMES.set(execution.getProcessInstance(), outcomes);
  }
}
