package uk.schoolattendance.casework;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import uk.schoolattendance.improvement.NoticeToImprove;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Parent;

/**
 * Which of a case's parents have not received its Notice to Improve: those added to the case
 * ({@link CaseCorrections#addParent}) after it was issued, or while it ran (a running notice keeps
 * the parents its letters were for). The code of conduct asks for a Notice to Improve before a
 * penalty notice for absence other than leave, so the Pupil Planning Meeting's form names them
 * ({@link AttendanceCase#PARENTS_WITHOUT_NOTICE_TO_IMPROVE_SHOWN}).
 */
final class NoticeToImproveReceipts {

  /** The history entry's field holding the added parent's person id. */
  static final String PERSON = "personId";
  /** The history entry's field saying the parent was added after the case's Notice to Improve. */
  static final String AFTER_NOTICE_TO_IMPROVE = "afterNoticeToImprove";

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private NoticeToImproveReceipts() {}

  /** Whether the case's Notice to Improve was issued (here or, before the case, elsewhere) or is running. */
  static boolean issuedOrRunning(RuntimeService runtimeService, String caseId) {
    return runtimeService.getVariable(caseId, AttendanceCase.NOTICE_TO_IMPROVE_ISSUED_ON.name()) != null
        || Boolean.TRUE.equals(runtimeService.getVariable(caseId, AttendanceCase.PREVIOUS_NOTICE_TO_IMPROVE.name()))
        || runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseId)
            .processDefinitionKey(NoticeToImprove.KEY).count() > 0;
  }

  /** The case's parents added after its Notice to Improve, in words; null when there are none. */
  static String shown(JsonNode history, List<Parent> parents) {
    List<String> lines = new ArrayList<>();
    for (JsonNode entry : Json.list(history)) {
      if (!CaseCorrections.PARENT_ADDED.equals(entry.path("event").asText())
          || !entry.path(AFTER_NOTICE_TO_IMPROVE).asBoolean(false)) {
        continue;
      }
      String personId = entry.path(PERSON).asText(null);
      for (Parent parent : parents) {
        if (parent.id().equals(personId)) {
          lines.add(parent.name() + " (added on "
              + Days.shown(Instant.parse(entry.path("date").asText()).atZone(LONDON).toLocalDate())
              + ", after the Notice to Improve was issued) has not received it: a penalty notice for absence other"
              + " than leave needs a Notice to Improve first (code of conduct)");
        }
      }
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }
}
