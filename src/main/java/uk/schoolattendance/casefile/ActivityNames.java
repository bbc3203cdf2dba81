package uk.schoolattendance.casefile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

  private final ProcessEngineConfigurationImpl configuration;
  private final RepositoryService repositoryService;
  private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

  ActivityNames(ProcessEngineConfiguration configuration, RepositoryService repositoryService) {
    this.configuration = (ProcessEngineConfigurationImpl) configuration;
    this.repositoryService = repositoryService;
  }

  /** The activity's name, or its id when it has none. */
  public String of(String processDefinitionId, String activityId) {
    if (processDefinitionId == null || activityId == null) {
      return activityId;
    }
    return byDefinition.computeIfAbsent(processDefinitionId, this::names).getOrDefault(activityId, activityId);
  }

  private Map<String, String> names(String processDefinitionId) {
    BpmnModelInstance model =
        configuration.getCommandExecutorTxRequired().execute(
            context -> context.runWithoutAuthorization(() -> repositoryService.getBpmnModelInstance(processDefinitionId)));
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
