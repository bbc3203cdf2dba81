package uk.schoolattendance.security;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;

/** Small probe processes the security tests deploy, shaped like the contract's school tasks. */
final class Probes {

  private Probes() {}

  /** A process {@code key} whose start event is followed by whatever {@code steps} add. */
  static StartEventBuilder process(String key) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent();
  }

  /** Start, then the school's "Intervene in school" task for {@code school-${schoolUrn}}, then end. */
  static BpmnModelInstance schoolTask(String key) {
    return process(key).userTask("Task_InterveneInSchool").camundaCandidateGroups("school-${schoolUrn}").endEvent().done();
  }

  /** Deploys the model as {@code <process id>.bpmn}; the deployment's id. */
  static String deploy(RepositoryService repositoryService, String key, BpmnModelInstance model) {
    return repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy().getId();
  }
}
