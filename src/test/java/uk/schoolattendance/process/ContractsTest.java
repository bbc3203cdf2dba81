package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.schoolattendance.ProcessEngineFixture;

/**
 * Each process's contract and its model agree: the key, every user task (with what its form
 * submits: a completion from Tasklist sets only what the task owns), every message. A task or a
 * message added to a model without its contract fails here.
 */
class ContractsTest {

  static Stream<ProcessContract> contracts() {
    return ProcessEngineFixture.CONTRACTS.stream();
  }

  static BpmnModelInstance model(ProcessContract contract) {
    return Bpmn.readModelFromFile(Path.of("bpmn", contract.key() + ".bpmn").toFile());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void theModelHasTheContractsKeyTasksAndMessages(ProcessContract contract) {
    BpmnModelInstance model = model(contract);
    assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId).containsExactly(contract.key());
    Set<String> tasks = model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).collect(Collectors.toSet());
    assertThat(contract.userTasks()).extracting(UserTaskContract::id).containsExactlyInAnyOrderElementsOf(tasks);
    Set<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName).collect(Collectors.toSet());
    assertThat(contract.messages()).extracting(MessageContract::name).containsExactlyInAnyOrderElementsOf(messages);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void aTasksFormSubmitsOnlyWhatTheTaskOwns(ProcessContract contract) throws IOException {
    Map<String, JsonNode> forms = forms();
    for (UserTask task : model(contract).getModelElementsByType(UserTask.class)) {
      JsonNode form = forms.get(task.getCamundaFormRef());
      assertThat(form).as("form of %s", task.getId()).isNotNull();
      Set<String> owned = contract.userTask(task.getId()).orElseThrow().ownedNames();
      assertThat(owned).as("what %s's form submits", task.getId()).containsAll(submitted(form));
    }
  }

  /**
   * A refusal of a completion names the field by its label on the task's form (FormLabels): every
   * variable a task guards (it owns it, its rules check it) has a labelled field on the task's form.
   * A variable a task owns but its form does not show (set by a client of the API only) is listed
   * here with why; its refusal names the variable alone.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void everyVariableATaskGuardsHasALabelOnItsForm(ProcessContract contract) throws IOException {
    Map<String, JsonNode> forms = forms();
    for (UserTask task : model(contract).getModelElementsByType(UserTask.class)) {
      Map<String, String> labels = FormLabels.labels(forms.get(task.getCamundaFormRef()));
      Set<String> unlabelled = new TreeSet<>(contract.userTask(task.getId()).orElseThrow().ownedNames());
      unlabelled.removeAll(labels.keySet());
      unlabelled.removeAll(NOT_ON_THE_FORM.getOrDefault(task.getId(), Set.of()));
      assertThat(unlabelled).as("variables %s guards without a labelled field on form %s", task.getId(), task.getCamundaFormRef())
          .isEmpty();
      labels.forEach((key, label) -> assertThat(label).as("label of %s on %s", key, task.getCamundaFormRef()).isNotBlank());
    }
  }

  /** Variables a task owns that its form does not ask for, by task. */
  static final Map<String, Set<String>> NOT_ON_THE_FORM = Map.of(
      // the adjournment's new date is newHearingDate on the form; CourtProceedings 1.2 instances keep their
      // deployment's form, which sends hearingDate itself, as API clients may; an education supervision
      // order lasts one year by law (CA 1989 Sch 3 para 15(1)), so the form no longer asks its months:
      // 1.2/1.3 forms and API clients may still send supervisionOrderMonths, only 12
      "Task_RecordCourtOutcome", Set.of("hearingDate", "supervisionOrderMonths"),
      // one reason for every parent without a Notice to Improve: the 1.5 form's field, kept for meetings
      // waiting on it and for API clients; the 1.6 form asks per parent (noNoticeToImproveReasons)
      "Task_HoldPupilPlanningMeeting", Set.of("noNoticeToImproveReason"));

  /**
   * The keys Tasklist submits: every keyed field that is not disabled (read-only ones are submitted);
   * a dynamic list submits one variable, its path, holding its rows.
   */
  static Set<String> submitted(JsonNode node) {
    Set<String> keys = new TreeSet<>();
    if (node.path("type").asText().equals("dynamiclist")) {
      keys.add(node.path("path").asText());
      return keys;
    }
    if (node.has("key") && !node.path("disabled").asBoolean(false) && !node.path("type").asText().equals("table")) {
      keys.add(node.get("key").asText());
    }
    for (JsonNode child : node.path("components")) {
      keys.addAll(submitted(child));
    }
    return keys;
  }

  static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = Json.MAPPER.readTree(file.toFile());
        forms.put(form.path("id").asText(), form);
      }
    }
    return forms;
  }
}
