package uk.schoolattendance.casefile.casepage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.Wording;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.improvement.NoticeToImprove;
import uk.schoolattendance.process.ProcessVariable;

/**
 * Tasklist's forms show a case's stage and history as people read them: when a task of an attendance
 * case or its Notice to Improve is created it gets task-local {@code stageShown} ("Facilitate support"),
 * {@code attendanceBandShown} ("Persistent absence") and
 * {@code historyShown} (the case page's timeline, newest first: "9:05am on 28 May 2027", what
 * happened in words, who by name), which the forms display instead of the raw {@code stage} and
 * {@code history}. Only what the case already holds is shown, in other words; the case's own
 * variables are unchanged, and a form falls back to the raw history for a task created before this.
 */
@Component
class TaskHistoryWords extends AbstractProcessEnginePlugin {

  static final ProcessVariable<String> STAGE_SHOWN = ProcessVariable.text("stageShown");
  /** The pupil's attendance band in words: "Persistent absence" for {@code persistent}. */
  static final ProcessVariable<String> ATTENDANCE_BAND_SHOWN = ProcessVariable.text("attendanceBandShown");
  static final ProcessVariable<com.fasterxml.jackson.databind.JsonNode> HISTORY_SHOWN = ProcessVariable.json("historyShown");

  /** The processes whose forms show a case's stage or history: the case and its Notice to Improve. */
  private static final java.util.Set<String> PROCESSES = java.util.Set.of(AttendanceCase.KEY, NoticeToImprove.KEY);

  private final ObjectProvider<CaseHistoryWords> words;

  TaskHistoryWords(ObjectProvider<CaseHistoryWords> words) {
    this.words = words;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    TaskListener shown = this::show;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && PROCESSES.contains(definition.getKey())
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, shown);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void show(DelegateTask task) {
    String stage = AttendanceCase.STAGE.get(task);
    if (stage != null) {
      STAGE_SHOWN.setLocal(task, Wording.sentence(stage));
    }
    String band = AttendanceCase.ATTENDANCE_BAND.get(task);
    if (band != null && !band.isBlank()) {
      ATTENDANCE_BAND_SHOWN.setLocal(task, Wording.sentence(band) + " absence");
    }
    Object history = task.getVariable(AttendanceCase.HISTORY.name());
    if (history != null) {
      ArrayNode rows = JsonNodeFactory.instance.arrayNode();
      for (CasePage.TimelineEntry entry : words.getObject().timeline(history)) {
        ObjectNode row = rows.addObject();
        row.put("date", entry.when());
        row.put("event", entry.onDay().isEmpty() ? entry.title() : entry.title() + " on " + entry.onDay());
        row.put("level", entry.where());
        row.put("by", entry.by());
        row.put("reason", entry.text());
      }
      HISTORY_SHOWN.setLocal(task, rows);
    }
  }
}
