package uk.schoolattendance.attendance;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.DeployedForms;
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
    return DeployedForms.fields(repository, processDefinitionId, ReviewIdentifiedPupils.REVIEW_IDENTIFIED_PUPILS.id());
  }
}
