package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * A council's own relationships to the child ({@code attendance.parents.relationships}, here
 * mother, father, grandparent, foster carer: the national carer and step-parent left out), set as
 * configuration for this application context alone: what every way of recording a parent offers
 * and accepts, while a case that recorded a relationship since removed still reads. In the same
 * context a council's own early escalation reasons (two national ones and its own, replacing the
 * national list), which the Notice to Improve's "Watch improvement period" form offers as it opens,
 * and its own reasons a Level 1 case is no longer needed, which "Intervene in school" offers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"attendance.parents.relationships=mother,father,grandparent,foster carer",
        "attendance.notice-to-improve.early-escalation-reasons.further-unauthorised-absence="
            + "Further unauthorised absence during the improvement period",
        "attendance.notice-to-improve.early-escalation-reasons.parent-not-engaging="
            + "The parent has refused or stopped engaging with the support offered",
        "attendance.notice-to-improve.early-escalation-reasons.refused-school-place="
            + "The parent refused the school place the council offered",
        "attendance.case.no-longer-needed-reasons.moved-away=The pupil has moved away from the area",
        "attendance.case.no-longer-needed-reasons.missing-education="
            + "Referred to the children missing education team"})
@ActiveProfiles({"demo", "test"})
class CouncilRelationshipsTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;

  private String newCase(String pupil) {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance started = cases.start(CaseFixtures.UNIVERSAL_SCHOOL, pupil, CaseFileCases.newUpn(), "parent-1", "Gail Marsh");
    return cases.referenceOf(started);
  }

  private String parents(String reference) {
    String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    return String.valueOf(runtimeService.getVariable(caseId, AttendanceCase.PARENTS.name()));
  }

  private ResponseEntity<String> api(String user, String reference, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(
        "/api/cases/" + reference + "/parents", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> correction(String reference, String parents) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"field\": \"parents\", \"value\": " + parents + ", \"reason\": \"Ned has care of the child\"}";
    return rest.withBasicAuth("officer", "officer").exchange(
        "/api/cases/" + reference + "/corrections", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  /**
   * A council's own relationships (attendance.parents.relationships) are what "Add a parent", the
   * API, a correction of the parents and Tasklist's start form offer and accept.
   */
  @Test
  void aCouncilsOwnRelationshipsAreWhatEveryWayOfRecordingAParentOffersAndAccepts() throws java.io.IOException {
    String reference = newCase("Jem Marsh");
    CaseFileClient officer = CaseFileClient.signedIn(port, "officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    assertThat(page.html().select("#parent-relationship option").eachAttr("value"))
        .containsExactly("", "mother", "father", "grandparent", "foster carer");
    assertThat(page.html().select("#parent-relationship option").eachText()).contains("Grandparent", "Foster carer");

    String before = parents(reference);
    ResponseEntity<String> refused = api("officer", reference,
        "{\"name\": \"Ray Marsh\", \"address\": \"2 Quay Street, Southend SS1 9QQ\", \"relationship\": \"carer\"}");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("\"field\":\"relationship\"",
        "'carer' is not allowed, use one of mother, father, grandparent, foster carer");
    assertThat(parents(reference)).isEqualTo(before);
    ResponseEntity<String> added = api("officer", reference,
        "{\"name\": \"Rae Marsh\", \"address\": \"2 Quay Street, Southend SS1 9QQ\", \"relationship\": \"Grandparent\"}");
    assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
    assertThat(parents(reference)).contains("\"name\":\"Rae Marsh\"", "\"relationship\":\"grandparent\"");
    assertThat(officer.get("/casework/cases/" + reference).html().select("#parents").text()).contains("Relationship: Grandparent");

    // a correction of the whole list is read by the same reader
    String list = parents(reference).strip();
    ResponseEntity<String> corrected = correction(reference, list.substring(0, list.length() - 1)
        + ", {\"id\": \"parent-3\", \"name\": \"Ned Marsh\", \"address\": \"4 Quay Street\", \"relationship\": \"step-parent\"}]");
    assertThat(corrected.getStatusCode().value()).isEqualTo(400);
    assertThat(corrected.getBody()).contains("relationship", "'step-parent' is not allowed, use one of mother, father, grandparent, foster carer");
    assertThat(parents(reference)).doesNotContain("Ned Marsh");

    // Tasklist's start form offers the same list for each parent
    String definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(AttendanceCase.KEY).latestVersion().singleResult().getId();
    com.fasterxml.jackson.databind.JsonNode form =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(formService.getDeployedStartForm(definition));
    for (String key : List.of(AttendanceCase.PARENT_1_RELATIONSHIP.name(), AttendanceCase.PARENT_2_RELATIONSHIP.name())) {
      com.fasterxml.jackson.databind.JsonNode field = form.findParents("key").stream()
          .filter(node -> key.equals(node.path("key").asText())).findFirst().orElseThrow();
      assertThat(field.path("values").findValuesAsText("value")).as(key)
          .containsExactly("mother", "father", "grandparent", "foster carer");
      assertThat(field.path("values").findValuesAsText("label")).as(key).contains("Foster carer");
    }
  }

  /**
   * The reasons a Level 1 case is no longer needed are configuration: "Intervene in school" offers
   * the council's list (one national reason and its own), the only reasons its completion accepts,
   * and the case closes no-longer-needed with the council's words.
   */
  @Test
  void interveneInSchoolOffersTheNoLongerNeededReasonsTheCouncilConfigured() throws java.io.IOException {
    String reference = newCase("Kit Marsh");
    String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    String taskId = taskService.createTaskQuery().processInstanceId(caseId).singleResult().getId();
    com.fasterxml.jackson.databind.JsonNode form =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(formService.getDeployedTaskForm(taskId));
    com.fasterxml.jackson.databind.JsonNode field = form.findParents("key").stream()
        .filter(node -> AttendanceCase.NO_LONGER_NEEDED_REASON.name().equals(node.path("key").asText()))
        .findFirst().orElseThrow();
    assertThat(field.path("values").findValuesAsText("value")).containsExactly("moved-away", "missing-education");
    assertThat(field.path("values").findValuesAsText("label")).contains("Referred to the children missing education team");

    java.util.Map<String, Object> homeEducated = new java.util.HashMap<>(java.util.Map.of(
        AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name(), "no-longer-needed",
        AttendanceCase.NO_LONGER_NEEDED_REASON.name(), "home-educated",
        AttendanceCase.NO_LONGER_NEEDED_EXPLANATION.name(), "The parents wrote to the school on 2 March"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(taskId, homeEducated))
        .rootCause().hasMessageContaining(AttendanceCase.NO_LONGER_NEEDED_REASON.name())
        .hasMessageContaining("'home-educated' is not allowed, use one of moved-away, missing-education");
    homeEducated.put(AttendanceCase.NO_LONGER_NEEDED_REASON.name(), "missing-education");
    taskService.complete(taskId, homeEducated);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).count()).isZero();
    org.camunda.bpm.engine.HistoryService history = processEngineHistory();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(caseId)
        .variableName(AttendanceCase.CLOSURE_REASON.name()).singleResult().getValue())
        .isEqualTo("Referred to the children missing education team: The parents wrote to the school on 2 March");
  }

  @Autowired org.camunda.bpm.engine.HistoryService historyService;

  private org.camunda.bpm.engine.HistoryService processEngineHistory() {
    return historyService;
  }

  /**
   * The early escalation reasons are configuration: "Watch improvement period" offers the list the
   * council configured (here two national reasons and its own: the third, left out, is not offered), the grounds its letter stated and the
   * only ones completing the task accepts, not the list the form's file holds.
   */
  @Test
  void watchImprovementPeriodOffersTheEarlyEscalationReasonsTheCouncilConfigured() throws java.io.IOException {
    ProcessInstance notice = runtimeService.createProcessInstanceByKey(uk.schoolattendance.improvement.NoticeToImprove.KEY)
        .businessKey("AC-2026-009901")
        .setVariable(uk.schoolattendance.improvement.NoticeToImprove.SCHOOL_URN.name(), CaseFixtures.UNIVERSAL_SCHOOL)
        .setVariable(uk.schoolattendance.improvement.NoticeToImprove.ENDS_ON.name(), "2027-01-28")
        .startBeforeActivity(uk.schoolattendance.improvement.NoticeToImprove.WATCH_IMPROVEMENT_PERIOD.id())
        .execute();
    String taskId = taskService.createTaskQuery().processInstanceId(notice.getId()).singleResult().getId();
    com.fasterxml.jackson.databind.JsonNode form =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(formService.getDeployedTaskForm(taskId));
    com.fasterxml.jackson.databind.JsonNode field = form.findParents("key").stream()
        .filter(node -> uk.schoolattendance.improvement.NoticeToImprove.EARLY_ESCALATION_REASON.name()
            .equals(node.path("key").asText())).findFirst().orElseThrow();
    assertThat(field.path("values").findValuesAsText("value")).containsExactlyInAnyOrder(
        "further-unauthorised-absence", "parent-not-engaging", "refused-school-place");
    assertThat(field.path("values").findValuesAsText("label"))
        .contains("The parent refused the school place the council offered");
    runtimeService.deleteProcessInstance(notice.getId(), "test");
  }

  /**
   * A relationship a council removes from its list stays readable on the cases that recorded it:
   * the case page opens and shows it, and a correction of the parents that leaves it unchanged is
   * not refused for it; only a new value is checked against the list in use.
   */
  @Test
  void aCaseThatRecordedARelationshipTheCouncilLaterRemovedStillOpensAndIsCorrected() {
    String reference = newCase("Kit Marsh");
    // recorded while carer was on the council's list: the parents as the case stored them then
    String caseId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    String recorded = parents(reference).replace("\"address\":", "\"relationship\":\"carer\",\"address\":");
    assertThat(recorded).contains("\"relationship\":\"carer\"");
    runtimeService.setVariable(caseId, AttendanceCase.PARENTS.name(),
        AttendanceCase.PARENTS.stored(uk.schoolattendance.process.Json.parse(AttendanceCase.PARENTS.name(), recorded)));
    CaseFileClient officer = CaseFileClient.signedIn(port, "officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("#parents").text()).contains("Gail Marsh", "Relationship: Carer");

    String list = parents(reference).strip();
    ResponseEntity<String> corrected = correction(reference, list.substring(0, list.length() - 1)
        + ", {\"id\": \"parent-3\", \"name\": \"Nell Marsh\", \"address\": \"4 Quay Street\", \"relationship\": \"mother\"}]");
    assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
    assertThat(parents(reference)).contains("\"relationship\":\"carer\"", "Nell Marsh", "\"relationship\":\"mother\"");

    // a parent newly given the removed relationship is refused, naming it
    String now = parents(reference);
    ResponseEntity<String> changed = correction(reference, now.replace("\"relationship\":\"mother\"", "\"relationship\":\"carer\""));
    assertThat(changed.getStatusCode().value()).isEqualTo(400);
    assertThat(changed.getBody()).contains("parents[1].relationship", "'carer' is not allowed, use one of mother, father, grandparent, foster carer");
    assertThat(parents(reference)).isEqualTo(now);
  }
}
