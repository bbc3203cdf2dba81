package uk.schoolattendance.casefile.casepage;

import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import uk.schoolattendance.attendance.ReviewRollMarks;

/**
 * The engine's form service, with a task form's values in words added when a form is opened
 * ({@link TaskHistoryWords}), a review of identified pupils' list marked by the roll as it is today
 * ({@link ReviewRollMarks}), and a start form's relationship options as configured ({@link
 * StartFormRelationships}) and "Watch improvement period"'s early escalation reasons as configured.
 * Everything else, and the engine's own checks, are the engine's: the
 * variables are fetched by the engine's call first, so a caller who may not read the task is
 * refused before any word is made. Only Camunda's public {@link FormService} is used.
 */
final class FormServiceWithWords implements FormService {

  private static final java.util.Set<String> EARLY_ESCALATION_REASON =
      java.util.Set.of(uk.schoolattendance.improvement.NoticeToImprove.EARLY_ESCALATION_REASON.name());

  private static final java.util.Set<String> NO_LONGER_NEEDED_REASON =
      java.util.Set.of(uk.schoolattendance.casework.AttendanceCase.NO_LONGER_NEEDED_REASON.name());

  private final FormService engine;
  private final TaskHistoryWords words;

  FormServiceWithWords(FormService engine, TaskHistoryWords words) {
    this.engine = engine;
    this.words = words;
  }

  @Override
  public VariableMap getTaskFormVariables(String taskId) {
    return getTaskFormVariables(taskId, null, true);
  }

  @Override
  public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables, boolean deserializeObjectValues) {
    ReviewRollMarks marks = words.rollMarks();
    if (marks.shows(formVariables)) {
      // a review's list marked by the roll as it is today (review 16, 1); then any words of a case's form
      Collection<String> asked = words.shows(formVariables) ? words.withSources(formVariables) : formVariables;
      VariableMap variables = marks.addTo(engine.getTaskFormVariables(taskId, marks.withSources(asked),
          deserializeObjectValues), asked);
      return words.shows(formVariables) ? words.addTo(variables, formVariables, taskId) : variables;
    }
    if (!words.shows(formVariables)) {
      return engine.getTaskFormVariables(taskId, formVariables, deserializeObjectValues);
    }
    VariableMap variables = engine.getTaskFormVariables(taskId, words.withSources(formVariables), deserializeObjectValues);
    return words.addTo(variables, formVariables, taskId);
  }

  @Override
  public StartFormData getStartFormData(String processDefinitionId) {
    return engine.getStartFormData(processDefinitionId);
  }

  @Override
  public Object getRenderedStartForm(String processDefinitionId) {
    return engine.getRenderedStartForm(processDefinitionId);
  }

  @Override
  public Object getRenderedStartForm(String processDefinitionId, String formEngineName) {
    return engine.getRenderedStartForm(processDefinitionId, formEngineName);
  }

  @Deprecated
  @Override
  public ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> properties) {
    return engine.submitStartFormData(processDefinitionId, properties);
  }

  @Override
  public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
    return engine.submitStartForm(processDefinitionId, properties);
  }

  @Deprecated
  @Override
  public ProcessInstance submitStartFormData(String processDefinitionId, String businessKey, Map<String, String> properties) {
    return engine.submitStartFormData(processDefinitionId, businessKey, properties);
  }

  @Override
  public ProcessInstance submitStartForm(String processDefinitionId, String businessKey, Map<String, Object> properties) {
    return engine.submitStartForm(processDefinitionId, businessKey, properties);
  }

  @Override
  public TaskFormData getTaskFormData(String taskId) {
    return engine.getTaskFormData(taskId);
  }

  @Override
  public Object getRenderedTaskForm(String taskId) {
    return engine.getRenderedTaskForm(taskId);
  }

  @Override
  public Object getRenderedTaskForm(String taskId, String formEngineName) {
    return engine.getRenderedTaskForm(taskId, formEngineName);
  }

  @Deprecated
  @Override
  public void submitTaskFormData(String taskId, Map<String, String> properties) {
    engine.submitTaskFormData(taskId, properties);
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    engine.submitTaskForm(taskId, properties);
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
    return engine.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues);
  }

  @Override
  public VariableMap getStartFormVariables(String processDefinitionId) {
    return engine.getStartFormVariables(processDefinitionId);
  }

  @Override
  public VariableMap getStartFormVariables(String processDefinitionId, Collection<String> formVariables, boolean deserializeObjectValues) {
    return engine.getStartFormVariables(processDefinitionId, formVariables, deserializeObjectValues);
  }

  @Override
  public String getStartFormKey(String processDefinitionId) {
    return engine.getStartFormKey(processDefinitionId);
  }

  @Override
  public String getTaskFormKey(String processDefinitionId, String taskDefinitionKey) {
    return engine.getTaskFormKey(processDefinitionId, taskDefinitionKey);
  }

  /** The start form, its parents' relationship options those configured ({@link StartFormRelationships}). */
  @Override
  public InputStream getDeployedStartForm(String processDefinitionId) {
    return StartFormRelationships.offered(engine.getDeployedStartForm(processDefinitionId), words.relationships());
  }

  /**
   * The task's form; "Watch improvement period" offers the early escalation reasons configured
   * ({@code attendance.notice-to-improve.early-escalation-reasons}), the grounds the letter stated
   * and the only ones its completion accepts; "Intervene in school" offers the reasons a case is no
   * longer needed as configured ({@code attendance.case.no-longer-needed-reasons}), the only ones
   * its completion accepts. A form without such a field is given unchanged.
   */
  @Override
  public InputStream getDeployedTaskForm(String taskId) {
    InputStream form = StartFormRelationships.offered(engine.getDeployedTaskForm(taskId), EARLY_ESCALATION_REASON,
        words.earlyEscalationReasons());
    return StartFormRelationships.offered(form, NO_LONGER_NEEDED_REASON, words.noLongerNeededReasons());
  }
}
