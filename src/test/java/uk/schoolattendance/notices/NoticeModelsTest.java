package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The notices and court models themselves: every user task has a deployed form, a candidate
 * group, a due date and documentation; every service task is a thin, asynchronous, retried
 * delegate; ids carry a type prefix and no generated suffix.
 */
class NoticeModelsTest {

  @ParameterizedTest
  @ValueSource(strings = {"bpmn/PenaltyNotice.bpmn", "bpmn/CourtProceedings.bpmn"})
  void userTasksHaveFormsGroupsDueDatesAndDocumentation(String file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(file).toFile());
    Set<String> forms = formIds();
    Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
    assertThat(tasks).isNotEmpty();
    for (UserTask task : tasks) {
      assertThat(task.getCamundaFormRef()).as(task.getId()).startsWith("Form_").isIn(forms);
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
      assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank();
      assertThat(task.getDocumentations()).as(task.getId()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bpmn/PenaltyNotice.bpmn", "bpmn/CourtProceedings.bpmn"})
  void serviceTasksAreAsynchronousRetriedDelegates(String file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(file).toFile());
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-zA-Z]+}");
      if (task.isCamundaAsyncBefore()) {
        assertThat(task.getExtensionElements().getElementsQuery()
                .filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult().getTextContent())
            .as(task.getId()).isEqualTo("R3/PT5M");
      } else {
        // Not asynchronous only where it records a person's or a client's action in that action's
        // transaction (a payment, a withdrawal, a decision, a start): a failure refuses the action.
        assertThat(recordsAnAction(task)).as(task.getId() + " is asynchronous or records an action").isTrue();
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-zA-Z]+}");
    }
  }

  /**
   * Only gateways lie between the task and what leads to it: a user task, a start or a message
   * (the action it records, refused as a whole if the record fails), or a timer whose job carries
   * the retry cycle (a failure retries the timer, then shows an incident).
   */
  static boolean recordsAnAction(FlowNode node) {
    for (FlowNode before : node.getPreviousNodes().list()) {
      boolean action =
          before instanceof UserTask
              || before instanceof StartEvent
              || before instanceof CatchEvent event
                  && event.getEventDefinitions().stream().allMatch(NoticeModelsTest::actionOrRetriedTimer);
      if (!action && !(before instanceof Gateway && recordsAnAction(before))) {
        return false;
      }
    }
    return true;
  }

  private static boolean actionOrRetriedTimer(EventDefinition definition) {
    if (definition instanceof MessageEventDefinition) {
      return true;
    }
    return definition instanceof TimerEventDefinition
        && definition.getParentElement() instanceof BaseElement event
        && event.getExtensionElements() != null
        && event.getExtensionElements().getElementsQuery()
            .filterByType(CamundaFailedJobRetryTimeCycle.class).count() == 1;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bpmn/PenaltyNotice.bpmn", "bpmn/CourtProceedings.bpmn"})
  void idsHaveATypePrefixAndNoGeneratedSuffix(String file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(file).toFile());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getId()).matches("(Event|Task|Gateway|Activity)_[A-Z][A-Za-z0-9]+").doesNotMatch(".*_[0-9a-z]{7}$");
    }
    for (BaseElement flow : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.SequenceFlow.class)) {
      assertThat(flow.getId()).matches("Flow_[A-Z][A-Za-z0-9]+");
    }
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"(Form_[A-Za-z]+)\"");
    try (var files = Files.list(Path.of("forms"))) {
      for (Path form : files.toList()) {
        Matcher m = id.matcher(Files.readString(form));
        if (m.find()) {
          ids.add(m.group(1));
        }
      }
    }
    return ids;
  }
}
