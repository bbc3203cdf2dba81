package uk.schoolattendance.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The field keys of the form a user task of a deployed definition shows ({@code camunda:formRef},
 * bound to the definition's own deployment). A running instance keeps the definition, and so the
 * form, it started with: what a completion may require is read from that form, not from today's.
 * Callers keep the result per definition id (a deployed definition never changes) in a bean of
 * their application context, never in static state.
 */
public final class DeployedForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeployedForms() {}

  /** The keys of the fields of user task {@code taskId}'s form in definition {@code processDefinitionId}. */
  public static Set<String> fields(RepositoryService repository, String processDefinitionId, String taskId) {
    UserTask task = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskId);
    String formRef = task == null ? null : task.getCamundaFormRef();
    Set<String> keys = new HashSet<>();
    if (formRef == null) {
      return keys;
    }
    String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (!resource.endsWith(".form")) {
        continue;
      }
      try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
        JsonNode form = JSON.readTree(in);
        if (formRef.equals(form.path("id").asText())) {
          collect(form, keys);
          return keys;
        }
      } catch (IOException e) {
        throw new IllegalStateException("the deployed form " + resource + " is not Json", e);
      }
    }
    return keys;
  }

  private static void collect(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      // a dynamic list binds the list variable by its path
      if (component.hasNonNull("path")) {
        keys.add(component.get("path").asText());
      }
      collect(component, keys);
    }
  }
}
