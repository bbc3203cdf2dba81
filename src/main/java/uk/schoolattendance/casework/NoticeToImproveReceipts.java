package uk.schoolattendance.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.schoolattendance.improvement.NoticeToImprove;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;

/**
 * Which of a case's parents have not received its Notice to Improve: those added to the case (by
 * {@link CaseCorrections#addParent} or by a correction of the whole {@code parents} list, one path)
 * after it was issued, or while it ran (a running notice keeps the parents its letters were for),
 * and to whom no later Notice to Improve was issued. The code of conduct asks for a Notice to
 * Improve before a penalty notice for absence other than leave, so the Pupil Planning Meeting's
 * form names them ({@link AttendanceCase#PARENTS_WITHOUT_NOTICE_TO_IMPROVE_SHOWN}).
 */
final class NoticeToImproveReceipts {

  /** The history entry's field holding the person ids of the parents new to the case's list. */
  static final String PERSONS = "addedPersonIds";
  /** The same for one parent, as entries written before {@link #PERSONS} hold it. */
  static final String PERSON = "personId";
  /** The history entry's field saying the parents were added after the case's Notice to Improve. */
  static final String AFTER_NOTICE_TO_IMPROVE = "afterNoticeToImprove";
  /**
   * The case's history event of a Notice to Improve called (bpmn/AttendanceCase.bpmn, the start of
   * {@code Activity_IssueNoticeToImprove}): it is issued to every parent the case has at that moment.
   */
  static final String ISSUED = AttendanceCase.NOTICE_TO_IMPROVE_ISSUED_EVENT;


  private NoticeToImproveReceipts() {}

  /** Whether the case's Notice to Improve was issued (here or, before the case, elsewhere) or is running. */
  static boolean issuedOrRunning(RuntimeService runtimeService, String caseId) {
    return runtimeService.getVariable(caseId, AttendanceCase.NOTICE_TO_IMPROVE_ISSUED_ON.name()) != null
        || Boolean.TRUE.equals(runtimeService.getVariable(caseId, AttendanceCase.PREVIOUS_NOTICE_TO_IMPROVE.name()))
        || runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseId)
            .processDefinitionKey(NoticeToImprove.KEY).count() > 0;
  }

  /**
   * Writes into a history entry of a change of the case's parents which of them are new to its list
   * ({@link #PERSONS}), and whether they came after its Notice to Improve: the one path of an added
   * parent and of a whole-list correction. Nothing when no parent is new.
   */
  static Consumer<ObjectNode> added(RuntimeService runtimeService, String caseId, List<Parent> before, List<Parent> after) {
    Set<String> had = new HashSet<>();
    before.forEach(parent -> had.add(parent.id()));
    List<String> added = after.stream().map(Parent::id).filter(id -> !had.contains(id)).toList();
    if (added.isEmpty()) {
      return entry -> {};
    }
    boolean afterNoticeToImprove = issuedOrRunning(runtimeService, caseId);
    return entry -> {
      ArrayNode ids = entry.putArray(PERSONS);
      added.forEach(ids::add);
      if (afterNoticeToImprove) {
        entry.put(AFTER_NOTICE_TO_IMPROVE, true);
      }
    };
  }

  /**
   * Recomputes {@link AttendanceCase#PARENTS_WITHOUT_NOTICE_TO_IMPROVE_SHOWN} on the case from its
   * history and parents (removed when no parent is named).
   */
  static void show(VariableScope attendanceCase, JsonNode history, ZoneId zone) {
    String shown = shown(history, Parents.parse(AttendanceCase.PARENTS.name(), AttendanceCase.PARENTS.get(attendanceCase), zone), zone);
    if (shown == null) {
      attendanceCase.removeVariable(AttendanceCase.PARENTS_WITHOUT_NOTICE_TO_IMPROVE_SHOWN.name());
    } else {
      AttendanceCase.PARENTS_WITHOUT_NOTICE_TO_IMPROVE_SHOWN.set(attendanceCase, shown);
    }
  }

  /**
   * The case's parents added after its Notice to Improve, in words; null when there are none. A
   * Notice to Improve called later in the history went to every parent the case then had, so it
   * clears those added before it (review 2, S4).
   */
  static String shown(JsonNode history, List<Parent> parents, ZoneId zone) {
    Map<String, LocalDate> without = without(history, zone);
    List<String> lines = new ArrayList<>();
    without.forEach((personId, on) -> {
      for (Parent parent : parents) {
        if (parent.id().equals(personId)) {
          lines.add(parent.nameWithStanding() + " (added on " + Days.shown(on)
              + ", after the Notice to Improve was issued) has not received it: a penalty notice for absence other"
              + " than leave needs a Notice to Improve first (code of conduct)");
        }
      }
    });
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  /**
   * The parents of a case who have had no Notice to Improve: every one when none was issued on the
   * case ({@code noticeToImproveIssuedOn}), else those added after it and given no later one.
   */
  static List<Parent> withoutNotice(VariableScope attendanceCase, List<Parent> parents, ZoneId zone) {
    if (AttendanceCase.NOTICE_TO_IMPROVE_ISSUED_ON.get(attendanceCase) == null) {
      return parents;
    }
    Set<String> without = without(AttendanceCase.HISTORY.get(attendanceCase), zone).keySet();
    return parents.stream().filter(parent -> without.contains(parent.id())).toList();
  }

  /** The person ids added after the case's last Notice to Improve, with the day each was added. */
  private static Map<String, LocalDate> without(JsonNode history, ZoneId zone) {
    Map<String, LocalDate> without = new LinkedHashMap<>();
    for (JsonNode entry : Json.list(history)) {
      if (ISSUED.equals(entry.path("event").asText())) {
        without.clear();
        continue;
      }
      if (!entry.path(AFTER_NOTICE_TO_IMPROVE).asBoolean(false)) {
        continue;
      }
      LocalDate on = Instant.parse(entry.path("date").asText()).atZone(zone).toLocalDate();
      for (JsonNode id : entry.path(PERSONS)) {
        without.putIfAbsent(id.asText(), on);
      }
      if (entry.hasNonNull(PERSON)) {
        without.putIfAbsent(entry.path(PERSON).asText(), on);
      }
    }
    return without;
  }
}
