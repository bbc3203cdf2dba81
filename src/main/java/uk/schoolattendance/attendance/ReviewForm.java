package uk.schoolattendance.attendance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.ProcessVariable;

/**
 * What the form of a {@code ReviewIdentifiedPupils} definition asks: the field keys of the form its
 * review task shows ({@code camunda:formRef}, bound to the definition's own deployment). A running
 * instance keeps the form it was deployed with, so what a completion may require, and whether an open
 * review can take more pupils, is read from that form, not from the version tag.
 *
 * <p>The field keys are kept per definition id by this bean, so by one application context and its
 * engine: a deployment of a changed form makes a new definition (the whole deployment is deployed
 * again, so the review's {@code formRefBinding="deployment"} binds its new form), which is read
 * afresh; another context (another engine, another database) never sees this one's keys.
 */
@Component
class ReviewForm {

  /** Field keys per process definition id (a deployed definition never changes). */
  private final Map<String, Set<String>> fields = new ConcurrentHashMap<>();

  /** Whether the review form of the definition has a field for {@code variable}. */
  boolean has(RepositoryService repository, String processDefinitionId, ProcessVariable<?> variable) {
    return fields.computeIfAbsent(processDefinitionId, id -> fields(repository, id)).contains(variable.name());
  }

  private static Set<String> fields(RepositoryService repository, String processDefinitionId) {
    UserTask task = repository.getBpmnModelInstance(processDefinitionId)
        .getModelElementById(ReviewIdentifiedPupils.REVIEW_IDENTIFIED_PUPILS.id());
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
        JsonNode form = IdentifiedPupils.JSON.readTree(in);
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
      collect(component, keys);
    }
  }
}
