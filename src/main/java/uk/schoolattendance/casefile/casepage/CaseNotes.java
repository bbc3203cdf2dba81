package uk.schoolattendance.casefile.casepage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.AsApplication;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CasePathway;
import uk.schoolattendance.casework.CaseCorrections;
import uk.schoolattendance.casework.ChangeCaseLevel;
import uk.schoolattendance.process.Json;

/**
 * Notes and contacts (a phone call, a home visit, a meeting) added to an open case from its page:
 * an entry of the case's history, as every step of the case writes one, by the signed-in user.
 * The engine's authorizations decide who may: the user needs UPDATE on the case (officers,
 * senior practitioners, the compliance team; not managers, not schools). The entry itself is
 * then written as the application, as a recorded correction is: the engine lets no person set a
 * case's variables directly (process.VariableOwnership).
 */
@Component
class CaseNotes {

  /** The day a contact took place (ISO date), in its history entry. */
  static final String ON = "on";
  static final String NOTE = "note";
  static final String CLOSED = "case-closed";

  /** The kinds a person chooses from, with their words: a note, or a contact on a day. */
  static final Map<String, String> KINDS = kinds();

  private static final Map<String, String> TITLES =
      Map.of(CaseCorrections.EVENT, "Detail corrected", CLOSED, "Case closed", CaseDocuments.EVENT, "Document added",
          uk.schoolattendance.casework.CaseReassignment.EVENT, "Case given to another officer");

  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  private final AuthorizationService authorizationService;
  private final AsApplication asApplication;

  CaseNotes(
      RuntimeService runtimeService, IdentityService identityService, AuthorizationService authorizationService,
      AsApplication asApplication) {
    this.asApplication = asApplication;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /** Whether the engine lets the signed-in user change this case: UPDATE on its instance or every case. */
  boolean mayUpdate(String caseId) {
    var user = identityService.getCurrentAuthentication();
    if (user == null) {
      return false;
    }
    return authorizationService.isUserAuthorized(user.getUserId(), user.getGroupIds(),
            ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, AttendanceCase.KEY)
        || authorizationService.isUserAuthorized(user.getUserId(), user.getGroupIds(),
            ProcessInstancePermissions.UPDATE, Resources.PROCESS_INSTANCE, caseId);
  }

  /** Adds a note ({@code on} null) or a contact on a day to the open case, by the signed-in user. */
  void add(String caseId, String kind, LocalDate on, String text) {
    record(caseId, event(kind), on, text);
  }

  /** Writes an entry ({@code event}, with its text) into the open case's history, by the signed-in user. */
  void record(String caseId, String event, String text) {
    record(caseId, event, null, text);
  }

  private void record(String caseId, String event, LocalDate on, String text) {
    var user = identityService.getCurrentAuthentication();
    if (!mayUpdate(caseId)) {
      throw new AuthorizationException("adding to a case needs UPDATE on it; " + (user == null ? "nobody" : user.getUserId()) + " has not");
    }
    asApplication.call(() -> {
      write(caseId, event, on, text, user.getUserId());
      return null;
    });
  }

  /** The signed-in user's id. */
  String currentUserId() {
    var user = identityService.getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  private void write(String caseId, String event, LocalDate on, String text, String by) {
    ArrayNode history = Json.list(AttendanceCase.HISTORY.from(runtimeService.getVariable(caseId, AttendanceCase.HISTORY.name())));
    ObjectNode entry = CasePathway.entry(
        history,
        AttendanceCase.LEVEL.from(runtimeService.getVariable(caseId, AttendanceCase.LEVEL.name())),
        AttendanceCase.STAGE.from(runtimeService.getVariable(caseId, AttendanceCase.STAGE.name())),
        event,
        by,
        text);
    if (on != null) {
      entry.put(ON, on.toString());
    }
    runtimeService.setVariable(caseId, AttendanceCase.HISTORY.name(), AttendanceCase.HISTORY.stored(history));
  }

  /** Closes the open case early with the reason (the contract's message {@code CaseClosed}), as the signed-in user. */
  void close(String caseId, String reason) {
    runtimeService.createMessageCorrelation(AttendanceCase.CASE_CLOSED.name())
        .processInstanceId(caseId)
        .setVariable(AttendanceCase.CLOSURE_REASON.name(), reason)
        .correlate();
  }

  /** Escalates or steps the case down to {@code level} (1–4) with the reason: ChangeCaseLevel, started as the signed-in user. */
  void changeLevel(String caseReference, int level, String reason) {
    runtimeService.createProcessInstanceByKey(ChangeCaseLevel.KEY)
        .setVariable(ChangeCaseLevel.CASE_REFERENCE.name(), caseReference)
        .setVariable(ChangeCaseLevel.NEW_LEVEL.name(), level)
        .setVariable(ChangeCaseLevel.CHANGE_REASON.name(), reason)
        .execute();
  }

  static String event(String kind) {
    return NOTE.equals(kind) ? NOTE : "contact-" + kind;
  }

  /** A history entry's title as the timeline shows it. */
  static String title(String event) {
    if (TITLES.containsKey(event)) {
      return TITLES.get(event);
    }
    if (event.startsWith("contact-") && KINDS.containsKey(event.substring("contact-".length()))) {
      return KINDS.get(event.substring("contact-".length()));
    }
    return NOTE.equals(event) ? KINDS.get(NOTE) : EventWords.title(event);
  }

  private static Map<String, String> kinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put(NOTE, "Note");
    kinds.put("call", "Phone call");
    kinds.put("home-visit", "Home visit");
    kinds.put("meeting", "Meeting");
    return java.util.Collections.unmodifiableMap(kinds);
  }
}
