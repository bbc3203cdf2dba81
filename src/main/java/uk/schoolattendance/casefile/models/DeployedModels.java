package uk.schoolattendance.casefile.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.AsApplication;
import uk.schoolattendance.casefile.Navigation;
import uk.schoolattendance.casefile.PeopleNames;
import uk.schoolattendance.casefile.UkDates;

/**
 * What is deployed, read from the engine's repository as the signed-in viewer, so the engine's
 * authorizations decide what is listed: process and decision definitions with their versions, and
 * the forms the deployments hold. Who deployed a version comes from the engine's user operation
 * log, read as the application, and only for the deployments the viewer may read: a deployment by
 * the application's start (no user) reads "The application, at start-up".
 */
@Component
class DeployedModels {

  /** The most versions of each kind, and the most deployments, the page reads. */
  static final int LIMIT = 500;
  static final String AT_START_UP = "The application, at start-up";
  private static final String COCKPIT = Navigation.COCKPIT + "default/#/";

  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final AsApplication asApplication;
  private final PeopleNames names;
  private final UkDates dates;

  DeployedModels(RepositoryService repositoryService, HistoryService historyService, AsApplication asApplication,
      PeopleNames names, UkDates dates) {
    this.repositoryService = repositoryService;
    this.historyService = historyService;
    this.asApplication = asApplication;
    this.names = names;
    this.dates = dates;
  }

  ModelsPage page() {
    List<Deployment> deployments = repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, LIMIT);
    Map<String, Deployment> byId = new HashMap<>();
    deployments.forEach(d -> byId.put(d.getId(), d));
    Map<String, String> deployers = deployers(byId.keySet());

    List<ProcessDefinition> processes = repositoryService.createProcessDefinitionQuery()
        .orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc().listPage(0, LIMIT);
    List<DecisionDefinition> decisions = repositoryService.createDecisionDefinitionQuery()
        .orderByDecisionDefinitionKey().asc().orderByDecisionDefinitionVersion().desc().listPage(0, LIMIT);

    Function<String, Deployment> deployment = id -> byId.computeIfAbsent(id, this::deployment);
    List<ModelsPage.Model> processModels = grouped(processes, ProcessDefinition::getKey, ProcessDefinition::getName,
        p -> version(p.getVersion(), p.getVersionTag(), deployment.apply(p.getDeploymentId()), deployers,
            COCKPIT + "process-definition/" + p.getId() + "/runtime"));
    List<ModelsPage.Model> decisionModels = grouped(decisions, DecisionDefinition::getKey, DecisionDefinition::getName,
        d -> version(d.getVersion(), d.getVersionTag(), deployment.apply(d.getDeploymentId()), deployers,
            COCKPIT + "decision-definition/" + d.getId()));
    boolean more = processes.size() == LIMIT || decisions.size() == LIMIT || deployments.size() == LIMIT;
    return new ModelsPage(processModels, decisionModels, forms(deployments, deployers), more);
  }

  /** Each form file, with the deployments holding it: version 1 the oldest. */
  private List<ModelsPage.Model> forms(List<Deployment> newestFirst, Map<String, String> deployers) {
    Map<String, List<ModelsPage.Version>> byName = new java.util.TreeMap<>();
    Map<String, Integer> held = new HashMap<>();
    List<Deployment> oldestFirst = new ArrayList<>(newestFirst);
    oldestFirst.sort(Comparator.comparing(Deployment::getDeploymentTime));
    for (Deployment deployment : oldestFirst) {
      for (String resource : repositoryService.getDeploymentResourceNames(deployment.getId())) {
        if (resource.endsWith(".form")) {
          int version = held.merge(resource, 1, Integer::sum);
          byName.computeIfAbsent(resource, r -> new ArrayList<>()).add(0, version(version, null, deployment, deployers,
              COCKPIT + "repository?deployment=" + deployment.getId() + "&resourceName=" + resource));
        }
      }
    }
    List<ModelsPage.Model> forms = new ArrayList<>();
    byName.forEach((resource, versions) -> forms.add(new ModelsPage.Model(resource, fileName(resource), versions)));
    return forms;
  }

  private ModelsPage.Version version(int version, String versionTag, Deployment deployment, Map<String, String> deployers, String cockpit) {
    if (deployment == null) {
      return new ModelsPage.Version(version, versionTag == null ? "" : versionTag, "", "", "", cockpit);
    }
    String by = deployers.get(deployment.getId());
    return new ModelsPage.Version(
        version,
        versionTag == null ? "" : versionTag,
        deployment.getName() == null ? deployment.getId() : deployment.getName(),
        dates.moment(deployment.getDeploymentTime().toInstant()),
        by == null ? AT_START_UP : names.of(by),
        cockpit);
  }

  private Deployment deployment(String id) {
    return repositoryService.createDeploymentQuery().deploymentId(id).singleResult();
  }

  /** Who created each deployment, from the user operation log (start-up deployments have no entry). */
  private Map<String, String> deployers(Set<String> deploymentIds) {
    Map<String, String> deployers = new HashMap<>();
    List<UserOperationLogEntry> created = asApplication.call(() -> historyService.createUserOperationLogQuery()
        .entityType(EntityTypes.DEPLOYMENT).operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
        .orderByTimestamp().desc().listPage(0, LIMIT));
    for (UserOperationLogEntry entry : created) {
      if (entry.getDeploymentId() != null && entry.getUserId() != null && deploymentIds.contains(entry.getDeploymentId())) {
        deployers.putIfAbsent(entry.getDeploymentId(), entry.getUserId());
      }
    }
    return deployers;
  }

  private static <T> List<ModelsPage.Model> grouped(List<T> newestFirstByKey, Function<T, String> key, Function<T, String> name,
      Function<T, ModelsPage.Version> version) {
    Map<String, List<ModelsPage.Version>> versions = new LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    for (T definition : newestFirstByKey) {
      versions.computeIfAbsent(key.apply(definition), k -> new ArrayList<>()).add(version.apply(definition));
      names.putIfAbsent(key.apply(definition), name.apply(definition) == null ? key.apply(definition) : name.apply(definition));
    }
    List<ModelsPage.Model> models = new ArrayList<>();
    versions.forEach((k, v) -> models.add(new ModelsPage.Model(k, names.get(k), v)));
    return models;
  }

  private static String fileName(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }
}
