package uk.schoolattendance.casefile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * The names of a model's activities and events ("Review date reached") as the models give them,
 * for what a case waits on. A model's names are not case data: read as the application, once per
 * deployed version.
 */
@Component
public class ActivityNames {

  private final RepositoryService repositoryService;
  private final AsApplication asApplication;
  private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

  ActivityNames(RepositoryService repositoryService, AsApplication asApplication) {
    this.repositoryService = repositoryService;
    this.asApplication = asApplication;
  }

  /** The activity's name, or its id when it has none. */
  public String of(String processDefinitionId, String activityId) {
    if (processDefinitionId == null || activityId == null) {
      return activityId;
    }
    return byDefinition.computeIfAbsent(processDefinitionId, this::names).getOrDefault(activityId, activityId);
  }

  private Map<String, String> names(String processDefinitionId) {
    BpmnModelInstance model = asApplication.call(() -> repositoryService.getBpmnModelInstance(processDefinitionId));
    Map<String, String> names = new ConcurrentHashMap<>();
    if (model != null) {
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (element.getId() != null && element.getName() != null) {
          names.put(element.getId(), element.getName().replaceAll("\\s+", " ").trim());
        }
      }
    }
    return names;
  }
}
