package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.security.RestAuthenticationTest.basic;
import static uk.schoolattendance.security.RestAuthenticationTest.jsonHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Authorizations through the engine REST API, as each role of docs/security.md. Two cases run
 * in a probe process shaped like the contract's (a school task for {@code school-{urn}}, an
 * officers' task), one per demo school.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTest {

  static final String PROBE = "SecurityProbe";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;
  @Autowired uk.schoolattendance.notices.PenaltyNoticeNumbers noticeNumbers;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  String deploymentId;
  ProcessInstance school1Case;
  ProcessInstance school2Case;

  @BeforeAll
  void deployProbeAndStartOneCasePerSchool() {
    BpmnModelInstance probe =
        Bpmn.createExecutableProcess(PROBE)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .parallelGateway("Gateway_Split")
            .userTask("Task_InterveneInSchool")
            .camundaCandidateGroups("school-${schoolUrn}")
            .endEvent()
            .moveToNode("Gateway_Split")
            .userTask("Task_HoldAttendanceMeeting")
            .camundaCandidateGroups("attendance-officers")
            .endEvent()
            .done();
    deploymentId =
        repositoryService.createDeployment().addModelInstance(PROBE + ".bpmn", probe).deploy().getId();
    school1Case = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100001"));
    school2Case = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100002"));
  }

  @AfterAll
  void removeProbe() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void aSchoolSeesOnlyItsOwnCasesTasksAndHistory() {
    assertThat(ids("school1", "/engine-rest/process-instance?processDefinitionKey=" + PROBE))
        .contains(school1Case.getId())
        .isSubsetOf(casesOf("100001"));
    assertThat(ids("school2", "/engine-rest/process-instance?processDefinitionKey=" + PROBE))
        .contains(school2Case.getId())
        .isSubsetOf(casesOf("100002"));
    assertThat(values("school1", "/engine-rest/task?processDefinitionKey=" + PROBE, "processInstanceId"))
        .contains(school1Case.getId())
        .isSubsetOf(casesOf("100001"));
    assertThat(values("school1", "/engine-rest/task?processDefinitionKey=" + PROBE, "taskDefinitionKey"))
        .containsOnly("Task_InterveneInSchool");
    assertThat(ids("school1", "/engine-rest/history/process-instance?processDefinitionKey=" + PROBE))
        .contains(school1Case.getId())
        .isSubsetOf(casesOf("100001"));
    assertThat(values("school2", "/engine-rest/history/task?processDefinitionKey=" + PROBE, "processInstanceId"))
        .contains(school2Case.getId())
        .isSubsetOf(casesOf("100002"));
    // the probe's cases only: a case moved to school2 with its pupil brings the history of its finished
    // called steps, whose own schoolUrn still names the school they ran for (CaseSchoolMove)
    assertThat(values("school2",
            "/engine-rest/history/variable-instance?variableName=schoolUrn&processDefinitionKey=" + PROBE, "value"))
        .containsOnly("100002");
    assertThat(values("school2",
            "/engine-rest/history/variable-instance?variableName=schoolUrn&processInstanceId=" + school1Case.getId(), "value"))
        .isEmpty();
    assertThat(
            get("school2", "/engine-rest/process-instance/" + school1Case.getId() + "/variables").getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
  }

  @Test
  void aSchoolReadsTheHistoryOfItsCasesTasksThroughItsGrantOnTheCase() {
    ProcessInstance own = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100002"));
    Task mine = completeSchoolTask("school2", own);

    // no grant per task for the school: its grant on the case's history covers the case's tasks
    assertThat(historicTaskGrants(mine.getId(), "school-100002")).isZero();
    assertThat(ids("school2", "/engine-rest/history/task?taskId=" + mine.getId())).containsExactly(mine.getId());
    assertThat(ids("school1", "/engine-rest/history/task?taskId=" + mine.getId())).isEmpty();
    // the officers' team reads its task's history through its READ_HISTORY on every definition,
    // so it has no grant per task either (TaskGrantsTest)
    assertThat(historicTaskGrants(officerTask(own).getId(), "attendance-officers")).isZero();
    assertThat(ids("officer", "/engine-rest/history/task?taskId=" + officerTask(own).getId()))
        .containsExactly(officerTask(own).getId());
  }

  @Test
  void aSchoolsGrantOnACasesHistoryGoesWithTheCasesHistory() {
    ProcessInstance own = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100002"));
    org.camunda.bpm.engine.authorization.Authorization grant = historyGrant(own.getId());
    assertThat(grant.getRootProcessInstanceId()).isEqualTo(own.getId());
    assertThat(grant.getRemovalTime()).isNull();

    taskService.complete(schoolTask(own).getId(), Map.of("schoolInterventionOutcome", "improved"));
    taskService.complete(officerTask(own).getId());

    // removed by history cleanup with the case's own rows, at the same time
    java.util.Date removal =
        historyService.createHistoricProcessInstanceQuery().processInstanceId(own.getId()).singleResult().getRemovalTime();
    assertThat(removal).isNotNull();
    assertThat(historyGrant(own.getId()).getRemovalTime()).isEqualTo(removal);
  }


  /** A school's member of staff completes the intervention task of a case of their own school. */
  private Task completeSchoolTask(String user, ProcessInstance instance) {
    Task mine = schoolTask(instance);
    ResponseEntity<String> completed =
        post(
            user,
            "/engine-rest/task/" + mine.getId() + "/complete",
            "{\"variables\":{\"schoolInterventionOutcome\":{\"value\":\"improved\"}}}");
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    return mine;
  }
  private org.camunda.bpm.engine.authorization.Authorization historyGrant(String instanceId) {
    return authorizationService.createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE)
        .resourceId(instanceId)
        .groupIdIn("school-100002")
        .singleResult();
  }

  private long historicTaskGrants(String taskId, String group) {
    return authorizationService.createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK)
        .resourceId(taskId)
        .groupIdIn(group)
        .count();
  }

  private List<String> casesOf(String urn) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROBE)
        .variableValueEquals("schoolUrn", urn)
        .list()
        .stream()
        .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId)
        .toList();
  }

  @Test
  void aSchoolCannotCompleteAnotherSchoolsTaskButCanCompleteItsOwn() {
    Task other = schoolTask(school2Case);
    assertThat(post("school1", "/engine-rest/task/" + other.getId() + "/complete", "{}").getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(post("school1", "/engine-rest/task/" + other.getId() + "/claim", "{\"userId\":\"school1\"}").getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(taskService.createTaskQuery().taskId(other.getId()).singleResult().getAssignee()).isNull();

    ProcessInstance own = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100001"));
    Task mine = completeSchoolTask("school1", own);
    assertThat(taskService.createTaskQuery().taskId(mine.getId()).count()).isZero();
  }

  @Test
  void aSchoolCannotOpenACaseForAnotherSchool() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("AttendanceCase").count();
    ResponseEntity<String> answer =
        post(
            "school1",
            "/engine-rest/process-definition/key/AttendanceCase/start",
            "{\"variables\":{\"schoolUrn\":{\"value\":\"100002\"}}}");
    // well formed, but not this user's to give: 403 as /api/cases answers, the field named by its label
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getBody()).contains("School URN (schoolUrn): a school may open cases only for its own pupils");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("AttendanceCase").count())
        .isEqualTo(before);
  }

  @Test
  void aSchoolCannotStartOtherProcessesOrReadTheOfficersWork() {
    assertThat(post("school1", "/engine-rest/process-definition/key/" + PROBE + "/start", "{}").getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(get("school1", "/engine-rest/task/" + officerTask(school1Case).getId()).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
  }

  @Test
  void aManagerReadsEverythingButCannotCompleteStartOrChange() {
    assertThat(ids("manager", "/engine-rest/process-instance?processDefinitionKey=" + PROBE))
        .contains(school1Case.getId(), school2Case.getId());
    assertThat(values("manager", "/engine-rest/task?processDefinitionKey=" + PROBE, "processInstanceId"))
        .contains(school1Case.getId(), school2Case.getId());

    Task task = officerTask(school2Case);
    assertThat(post("manager", "/engine-rest/task/" + task.getId() + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("manager", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"manager\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            exchange(
                    "manager",
                    HttpMethod.PUT,
                    "/engine-rest/process-instance/" + school2Case.getId() + "/variables/level",
                    "{\"value\": 5, \"type\": \"Integer\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("manager", "/engine-rest/process-definition/key/" + PROBE + "/start", "{}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            exchange("manager", HttpMethod.DELETE, "/engine-rest/process-instance/" + school2Case.getId(), null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    assertThat(runtimeService.getVariable(school2Case.getId(), "level")).isNull();
  }

  @Test
  void anOfficerWorksTheOfficersTasksOfEverySchool() {
    assertThat(values("officer", "/engine-rest/task?processDefinitionKey=" + PROBE, "processInstanceId"))
        .contains(school1Case.getId(), school2Case.getId());
    ProcessInstance own = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100002"));
    Task task = officerTask(own);
    assertThat(post("officer", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"officer\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("officer", "/engine-rest/task/" + task.getId() + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void theAdministratorMayDoEverything() {
    ProcessInstance own = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100002"));
    assertThat(post("demo", "/engine-rest/task/" + schoolTask(own).getId() + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("demo", "/engine-rest/process-definition/key/" + PROBE + "/start", "{\"variables\":{\"schoolUrn\":{\"value\":\"100001\"}}}").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void onlyAnalystsAndAdministratorsDeploy() {
    assertThat(deploy("manager").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deploy("officer").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> deployed = deploy("analyst");
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
    repositoryService.deleteDeployment(read(deployed).get("id").asText(), true);
  }

  @Test
  void aSchoolOpensACaseForItsOwnPupilAndOnlyThatSchoolSeesIt() {
    assertThat(get("school2", "/engine-rest/process-definition/key/AttendanceCase/deployed-start-form").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    String body = BadInputCatalogueTest.caseStart("schoolUrn", "\"100002\"");
    ResponseEntity<String> started = post("school2", "/engine-rest/process-definition/key/AttendanceCase/start", body);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    String instance = read(started).get("id").asText();
    String reference = read(started).get("businessKey").asText();
    assertThat(reference).as("given by the application").matches("AC-\\d{4}-\\d{6}");

    assertThat(get("school2", "/api/cases/" + reference).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("school1", "/api/cases/" + reference).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("manager", "/api/cases/" + reference).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(values("school2", "/engine-rest/task?processInstanceId=" + instance, "taskDefinitionKey"))
        .containsExactly("Task_InterveneInSchool");
    assertThat(values("school1", "/engine-rest/task?processInstanceId=" + instance, "taskDefinitionKey")).isEmpty();
    assertThat(ids("school1", "/engine-rest/history/process-instance?processInstanceId=" + instance)).isEmpty();
  }

  @Test
  void theRegisterShowsASchoolOnlyItsOwnPupilsNotices() throws Exception {
    String number = noticeNumbers.next();
    String id =
        runtimeService
            .startProcessInstanceByKey(
                "PenaltyNotice", number, uk.schoolattendance.notices.NoticeInputs.inputs("AUTH-P1", "H908456789012", "other"))
            .getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(id).singleResult().getId());
    String byPupil = "/api/penalty-notices?pupilUpn=H908456789012";

    for (String reader : List.of("school1", "officer", "senior", "compliance", "manager", "demo")) {
      JsonNode page = read(get(reader, byPupil));
      assertThat(page.get("totalElements").asLong()).as(reader).isEqualTo(1);
      assertThat(page.get("content").get(0).get("noticeNumber").asText()).as(reader).isEqualTo(number);
      assertThat(get(reader, "/api/penalty-notices/" + number).getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
    }
    for (String outsider : List.of("school2", "analyst")) {
      assertThat(read(get(outsider, byPupil)).get("totalElements").asLong()).as(outsider).isZero();
      assertThat(read(get(outsider, "/api/penalty-notices")).get("content").findValues("schoolUrn"))
          .as(outsider)
          .allSatisfy(urn -> assertThat(urn.asText()).isNotEqualTo("100001"));
      assertThat(get(outsider, "/api/penalty-notices/" + number).getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(get("manager", "/api/reports/parental-responsibility-measures?academicYear=2026-27").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("school1", "/api/reports/parental-responsibility-measures?academicYear=2026-27").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theDashboardCountsOnlyWhatTheUserMaySee() {
    JsonNode asSchool2 = read(get("school2", "/api/reports/dashboard"));
    JsonNode asManager = read(get("manager", "/api/reports/dashboard"));
    // what the engine lets school2 read, assigned or not: other tests in the shared context may leave a school2
    // task claimed (a browser test's), which a candidate-group query (unassigned tasks only) would not count
    List<String> school2Groups = identityService.createGroupQuery().groupMember("school2").list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    identityService.setAuthentication("school2", school2Groups);
    long school2Tasks;
    try {
      school2Tasks = taskService.createTaskQuery().count();
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(school2Tasks).isLessThan(taskService.createTaskQuery().count());
    assertThat(asSchool2.get("tasksByOfficer").findValues("openTasks").stream().mapToLong(JsonNode::asLong).sum())
        .isEqualTo(school2Tasks);
    assertThat(asManager.get("tasksByOfficer").findValues("openTasks").stream().mapToLong(JsonNode::asLong).sum())
        .isEqualTo(taskService.createTaskQuery().count());
  }

  private ResponseEntity<String> deploy(String user) {
    org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
    form.add("deployment-name", "analyst-probe");
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("AnalystProbe").camundaHistoryTimeToLive(1).startEvent().endEvent().done());
    form.add(
        "AnalystProbe.bpmn",
        new org.springframework.core.io.ByteArrayResource(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "AnalystProbe.bpmn";
          }
        });
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
    headers.set(org.springframework.http.HttpHeaders.AUTHORIZATION, basic(user, user));
    return rest.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }

  private Task schoolTask(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_InterveneInSchool").singleResult();
  }

  private Task officerTask(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_HoldAttendanceMeeting").singleResult();
  }

  private List<String> ids(String user, String path) {
    return values(user, path, "id");
  }

  private List<String> values(String user, String path, String field) {
    ResponseEntity<String> answer = get(user, path + (path.contains("?") ? "&" : "?") + "maxResults=100");
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    List<String> values = new ArrayList<>();
    read(answer).forEach(node -> values.add(node.get(field).asText()));
    return values;
  }

  private static JsonNode read(ResponseEntity<String> answer) {
    try {
      return JSON.readTree(answer.getBody());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + answer.getBody(), e);
    }
  }

  private ResponseEntity<String> get(String user, String path) {
    return exchange(user, HttpMethod.GET, path, null);
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    return exchange(user, HttpMethod.POST, path, body);
  }

  private ResponseEntity<String> exchange(String user, HttpMethod method, String path, String body) {
    return rest.exchange(path, method, new HttpEntity<>(body, jsonHeaders(basic(user, user))), String.class);
  }
}
