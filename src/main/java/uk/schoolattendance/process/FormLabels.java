package uk.schoolattendance.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The label a person sees for a variable: the label of the field whose key is the variable in the
 * task's Camunda Form, read from the forms deployed with the process (forms/, which the analyst
 * edits in Modeler, are the one source), cached per deployment. A refusal of a completion leads
 * with it ({@link InvalidInputException#labelled}).
 *
 * <p>A field's label is its {@code label}, or a date field's {@code dateLabel}; fields inside
 * groups count. A form without the variable, or no form, gives no label; nor does a form that is
 * not readable JSON (logged), whose fellow forms in the deployment still give theirs.
 */
public final class FormLabels {

  private static final Logger LOG = LoggerFactory.getLogger(FormLabels.class);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** deployment id, then form id, then field key, then label. */
  private final Map<String, Map<String, Map<String, String>>> byDeployment = new ConcurrentHashMap<>();

  /** The label of {@code variable} on form {@code formId} of the deployment of {@code processDefinitionId}. */
  public Optional<String> label(RepositoryService repository, String processDefinitionId, String formId, String variable) {
    if (processDefinitionId == null || formId == null || variable == null) {
      return Optional.empty();
    }
    String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
    Map<String, Map<String, String>> forms =
        byDeployment.computeIfAbsent(deploymentId, id -> formsOf(repository, id));
    return Optional.ofNullable(forms.getOrDefault(formId, Map.of()).get(variable));
  }

  private static Map<String, Map<String, String>> formsOf(RepositoryService repository, String deploymentId) {
    Map<String, Map<String, String>> forms = new HashMap<>();
    for (String name : repository.getDeploymentResourceNames(deploymentId)) {
      if (!name.endsWith(".form")) {
        continue;
      }
      try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
        JsonNode form = JSON.readTree(in);
        forms.put(form.path("id").asText(), labels(form));
      } catch (IOException | RuntimeException e) {
        // an unreadable form gives no labels; the deployment's other forms still give theirs
        LOG.warn("Form {} of deployment {} is not readable JSON; its fields have no labels in refusals: {}",
            name, deploymentId, e.toString());
      }
    }
    return Map.copyOf(forms);
  }

  /**
   * Every keyed field's label in a form's JSON (also inside groups): key to label. A dynamic list is
   * one variable, its {@code path}, labelled by the list's label; its rows' keys are not variables.
   */
  public static Map<String, String> labels(JsonNode form) {
    Map<String, String> labels = new HashMap<>();
    collect(form.path("components"), labels);
    return Map.copyOf(labels);
  }

  private static void collect(JsonNode components, Map<String, String> labels) {
    for (JsonNode component : components) {
      if (component.path("type").asText().equals("dynamiclist")) {
        String path = component.path("path").asText("");
        String label = component.path("label").asText("");
        if (!path.isBlank() && !label.isBlank()) {
          labels.putIfAbsent(path, label.strip());
        }
        continue;
      }
      String key = component.path("key").asText("");
      String label = component.hasNonNull("label") ? component.get("label").asText() : component.path("dateLabel").asText("");
      if (!key.isBlank() && !label.isBlank() && !component.path("disabled").asBoolean(false)) {
        labels.putIfAbsent(key, label.strip());
      }
      collect(component.path("components"), labels);
    }
  }
}
