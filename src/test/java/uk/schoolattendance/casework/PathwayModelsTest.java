package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pathway's models as files: business ids, complete diagram interchange, a form, a
 * candidate, a due date and documentation on every user task, delegate expressions, DMN
 * references that exist, and the contract's task keys with form fields for what they set.
 */
class PathwayModelsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static BpmnModelInstance model(String name) {
    return Bpmn.readModelFromFile(Path.of("bpmn", name + ".bpmn").toFile());
  }

  static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        forms.put(form.path("id").asText(), form);
      }
    }
    return forms;
  }

  static Set<String> keys(JsonNode node) {
    Set<String> keys = new TreeSet<>();
    if (node.has("key")) {
      keys.add(node.get("key").asText());
    }
    for (JsonNode child : node.path("components")) {
      keys.addAll(keys(child));
    }
    return keys;
  }

  @ParameterizedTest
  @ValueSource(strings = {"AttendanceCase", "NoticeToImprove", "TargetingSupportMeeting", "ChangeCaseLevel",
      "IdentifyAttendanceConcerns", "ReviewIdentifiedPupils", "StaleRegisterData", "WatchRegisterFreshness"})
  void everyModelIsReadableAndComplete(String name) throws IOException {
    BpmnModelInstance model = model(name);
    Process process = model.getModelElementById(name);
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    assertThat(process.getCamundaVersionTag()).isNotBlank();
    Map<String, JsonNode> forms = forms();

    Set<String> drawn = new TreeSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));

    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      String id = element.getId();
      assertThat(id).as("business id").matches("(Task|Event|Gateway|Flow|Activity)_[A-Z][A-Za-z0-9]+");
      assertThat(drawn).as("diagram interchange of %s", id).contains(id);
      if (element instanceof FlowNode node && !(element instanceof org.camunda.bpm.model.bpmn.instance.Gateway
          && node.getOutgoing().size() <= 1)) {
        assertThat(node.getName()).as("label of %s", id).isNotBlank();
      }
      if (element instanceof SequenceFlow flow && flow.getConditionExpression() != null) {
        assertThat(flow.getName()).as("label of conditional %s", id).isNotBlank();
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String id = task.getId();
      assertThat(task.getCamundaFormRef()).as("form of %s", id).isNotBlank();
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
      assertThat(forms).as("form %s of %s", task.getCamundaFormRef(), id).containsKey(task.getCamundaFormRef());
      assertThat(task.getDocumentations()).as("documentation of %s", id).isNotEmpty();
      assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaCandidateUsers() != null)
          .as("candidates of %s", id).isTrue();
      assertThat(task.getCamundaDueDate()).as("due date of %s", id).isNotBlank();
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaDelegateExpression()).as("delegate of %s", task.getId()).matches("\\$\\{[a-zA-Z]+}");
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      assertThat(Path.of("bpmn", task.getCamundaDecisionRef() + ".dmn")).exists();
      assertThat(task.getCamundaMapDecisionResult()).isEqualTo("singleEntry");
    }
  }

  @Test
  void theNoticeIsIssuedAsynchronouslyWithRetries() {
    ServiceTask issue = model("NoticeToImprove").getModelElementById("Task_IssueNoticeToImprove");
    assertThat(issue.isCamundaAsyncBefore()).isTrue();
    assertThat(issue.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle.class)
        .singleResult().getTextContent()).isEqualTo("R3/PT5M");
  }

  @Test
  void theContractsTaskKeysExistAndTheirFormsAskForWhatTheySet() throws IOException {
    Map<String, List<String>> sets = Map.of(
        "Task_InterveneInSchool", List.of("schoolInterventionOutcome", "noLongerNeededReason", "noLongerNeededExplanation"),
        "Task_HoldAttendanceMeeting", List.of("attendanceTarget", "reviewDate"),
        "Task_ReviewAttendance", List.of("currentAttendancePercent"),
        "Task_WorkWithFamily", List.of("earlyHelpConsent", "caseworkOutcome"),
        "Task_AgreeAttendanceContract", List.of("contractAgreed", "contractReviewDate"),
        "Task_ReviewAttendanceContract", List.of("contractOutcome"),
        "Task_HoldPupilPlanningMeeting", List.of("legalRoute"),
        "Task_ReviewNoticeToImprove", List.of("improvementSufficient"),
        "Task_HoldTargetingSupportMeeting", List.of("pupilsIdentified", "actionsAgreed", "leadPractitioner"));
    Map<String, JsonNode> forms = forms();
    for (Map.Entry<String, List<String>> task : sets.entrySet()) {
      UserTask userTask = Stream.of("AttendanceCase", "NoticeToImprove", "TargetingSupportMeeting")
          .map(PathwayModelsTest::model)
          .map(m -> (UserTask) m.getModelElementById(task.getKey()))
          .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
      assertThat(keys(forms.get(userTask.getCamundaFormRef()))).as(task.getKey()).containsAll(task.getValue());
    }
    assertThat(keys(forms.get("Form_StartAttendanceCase"))).contains(
        "pupilUpn", "pupilName", "schoolUrn", "route", "entryLevel", "attendancePercent", "unauthorisedSessions",
        "parent1Name", "parent1Address", "parent2Name", "parent2Address");
    for (JsonNode form : forms.values()) {
      assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
      assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
      assertThat(form.toString()).doesNotContain("\"filepicker\"");
    }
  }

  @Test
  void theValuesFormsOfferAreTheContractsValues() throws IOException {
    Map<String, JsonNode> forms = forms();
    assertThat(values(forms.get("Form_HoldPupilPlanningMeeting"), "legalRoute"))
        .containsExactlyInAnyOrderElementsOf(AttendanceCase.LEGAL_ROUTES);
    assertThat(values(forms.get("Form_InterveneInSchool"), "schoolInterventionOutcome"))
        .containsExactlyInAnyOrderElementsOf(AttendanceCase.SCHOOL_OUTCOMES);
    // the file holds the national reasons; the form is given the configured ones when it is opened
    assertThat(values(forms.get("Form_InterveneInSchool"), AttendanceCase.NO_LONGER_NEEDED_REASON.name()))
        .containsExactlyElementsOf(CaseSettings.DEFAULT_NO_LONGER_NEEDED_REASONS.keySet());
    assertThat(values(forms.get("Form_WorkWithFamily"), "caseworkOutcome"))
        .containsExactlyInAnyOrderElementsOf(AttendanceCase.CASEWORK_OUTCOMES);
    assertThat(values(forms.get("Form_ReviewAttendanceContract"), "contractOutcome"))
        .containsExactlyInAnyOrderElementsOf(AttendanceCase.CONTRACT_OUTCOMES);
    assertThat(values(forms.get("Form_StartAttendanceCase"), "route"))
        .containsExactlyInAnyOrderElementsOf(AttendanceCase.ROUTES);
  }

  static List<String> values(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component.path("values").findValuesAsText("value");
      }
    }
    throw new AssertionError("no field " + key);
  }
}
