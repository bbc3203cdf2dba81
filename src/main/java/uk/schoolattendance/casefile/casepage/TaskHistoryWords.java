package uk.schoolattendance.casefile.casepage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import uk.schoolattendance.process.ParentRelationshipsInUse;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.Wording;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.improvement.NoticeToImproveProperties;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.ProcessVariable;

/**
 * Tasklist's forms show a case's stage and history as people read them: {@code stageShown}
 * ("Facilitate support"), {@code attendanceBandShown} ("Persistent absence") and {@code historyShown}
 * (the case page's timeline, newest first: "9:05am on 28 May 2027", what happened in words, who by
 * name), which the forms display instead of the raw {@code stage}, {@code attendanceBand} and
 * {@code history}.
 *
 * <p>The words are made when a form is opened, from the case's variables as they are then, and
 * stored nowhere: Tasklist loads a Camunda Form's values with {@code GET /task/{id}/form-variables}
 * ({@code FormService.getTaskFormVariables}), and this plugin puts the words into what that call
 * returns ({@link FormServiceWithWords}). So a form opened after the case's history grew shows the
 * new entries, and a task is created without display copies, byte arrays or look-ups of people's
 * names. The engine's own check on that call (READ on the task or its variables) comes first: only
 * someone who may read the task gets the words. A task created before this (which still holds
 * stored copies until it ends) is shown the current words too.
 */
@Component
class TaskHistoryWords extends AbstractProcessEnginePlugin {

  static final ProcessVariable<String> STAGE_SHOWN = ProcessVariable.text("stageShown");
  /** The pupil's attendance band in words: "Persistent absence" for {@code persistent}. */
  static final ProcessVariable<String> ATTENDANCE_BAND_SHOWN = ProcessVariable.text("attendanceBandShown");
  static final ProcessVariable<JsonNode> HISTORY_SHOWN = ProcessVariable.json("historyShown");

  private static final Set<String> SHOWN = Set.of(STAGE_SHOWN.name(), ATTENDANCE_BAND_SHOWN.name(), HISTORY_SHOWN.name());
  /** What the words are made from: the attendance case's own variables. */
  private static final Set<String> SOURCES =
      Set.of(AttendanceCase.STAGE.name(), AttendanceCase.ATTENDANCE_BAND.name(), AttendanceCase.HISTORY.name());

  private final ObjectProvider<CaseHistoryWords> words;

  private final ObjectProvider<ParentRelationshipsInUse> relationships;

  private final ObjectProvider<NoticeToImproveProperties> noticeToImprove;

  private final ObjectProvider<uk.schoolattendance.casework.CaseSettings> caseSettings;

  private final ObjectProvider<uk.schoolattendance.attendance.ReviewRollMarks> rollMarks;

  TaskHistoryWords(ObjectProvider<CaseHistoryWords> words, ObjectProvider<ParentRelationshipsInUse> relationships,
      ObjectProvider<NoticeToImproveProperties> noticeToImprove,
      ObjectProvider<uk.schoolattendance.casework.CaseSettings> caseSettings,
      ObjectProvider<uk.schoolattendance.attendance.ReviewRollMarks> rollMarks) {
    this.rollMarks = rollMarks;
    this.caseSettings = caseSettings;
    this.words = words;
    this.relationships = relationships;
    this.noticeToImprove = noticeToImprove;
  }

  /** The early escalation reasons "Watch improvement period" offers (the letter's grounds), value to words. */
  java.util.Map<String, String> earlyEscalationReasons() {
    return noticeToImprove.getObject().earlyEscalationReasons();
  }

  /** The reasons "Intervene in school" offers for a case no longer needed (attendance.case.no-longer-needed-reasons), value to words. */
  java.util.Map<String, String> noLongerNeededReasons() {
    return caseSettings.getObject().noLongerNeededReasons();
  }

  /** What marks a review of identified pupils' list by the roll when its form is opened. */
  uk.schoolattendance.attendance.ReviewRollMarks rollMarks() {
    return rollMarks.getObject();
  }

  /** The relationships the start form offers (attendance.parents.relationships), value to words. */
  java.util.Map<String, String> relationships() {
    return relationships.getObject().relationships().withWords();
  }

  /** After the engine's services are made (so the form service it wraps can run commands), before the engine is built from them. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFormService(new FormServiceWithWords(configuration.getFormService(), this));
  }

  /** Whether a form that asks for these variables (all of them when null) is shown any of the words. */
  boolean shows(Collection<String> asked) {
    return asked == null || asked.stream().anyMatch(SHOWN::contains);
  }

  /** The variables to ask the engine for so that the words can be made: those asked and what the words are made from. */
  Collection<String> withSources(Collection<String> asked) {
    if (asked == null) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>(asked);
    names.addAll(SOURCES);
    return names;
  }

  /**
   * Puts the words asked for (all when {@code asked} is null) into the variables the engine gave the
   * form, in place of any copy a task still stores, and takes out what was fetched only to make them.
   */
  VariableMap addTo(VariableMap variables, Collection<String> asked) {
    return addTo(variables, asked, null);
  }

  /**
   * As {@link #addTo(VariableMap, Collection)} for the form of this task: its case history also holds
   * the steps of the processes the case called, as the case page does (walk 13, #16).
   */
  VariableMap addTo(VariableMap variables, Collection<String> asked, String taskId) {
    String stage = AttendanceCase.STAGE.from(stored(variables, AttendanceCase.STAGE));
    String band = AttendanceCase.ATTENDANCE_BAND.from(stored(variables, AttendanceCase.ATTENDANCE_BAND));
    Object history = stored(variables, AttendanceCase.HISTORY);
    if (asked != null) {
      variables.keySet().removeIf(name -> SOURCES.contains(name) && !asked.contains(name));
    }
    put(variables, asked, STAGE_SHOWN, stage == null ? null : Variables.stringValue(Wording.sentence(stage)));
    put(variables, asked, ATTENDANCE_BAND_SHOWN,
        band == null || band.isBlank() ? null : Variables.stringValue(uk.schoolattendance.attendance.BandWords.of(band)));
    put(variables, asked, HISTORY_SHOWN, history == null ? null : Json.value(timeline(history, taskId)));
    return variables;
  }

  private ArrayNode timeline(Object history, String taskId) {
    ArrayNode rows = Json.newList();
    for (CasePage.TimelineEntry entry : words.getObject().timelineOfTask(history, taskId)) {
      ObjectNode row = rows.addObject();
      row.put("date", entry.when());
      row.put("event", entry.onDay().isEmpty() ? entry.title() : entry.title() + " on " + entry.onDay());
      row.put("level", entry.where());
      row.put("by", entry.by());
      row.put("reason", entry.text());
    }
    return rows;
  }

  private static void put(VariableMap variables, Collection<String> asked, ProcessVariable<?> shown, TypedValue value) {
    if (asked != null && !asked.contains(shown.name())) {
      return;
    }
    if (value == null) {
      variables.remove(shown.name());
    } else {
      variables.putValueTyped(shown.name(), value);
    }
  }

  /**
   * The value as the engine gave it, without deserializing a Json value the caller asked for in its
   * stored form (Tasklist asks so, and gets it as Json text).
   */
  private static Object stored(VariableMap variables, ProcessVariable<?> variable) {
    TypedValue typed = variables.getValueTyped(variable.name());
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return typed == null ? null : typed.getValue();
  }
}
