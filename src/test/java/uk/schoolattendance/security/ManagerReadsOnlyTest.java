package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.security.RestAuthenticationTest.basic;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Managers read everything Cockpit shows (tasks, history, incidents, decisions, batches) and
 * change nothing: no comment, attachment, identity link, variable, claim, assignment, date,
 * suspension, deletion or start. Comments and attachments are checked here because Camunda
 * does not check them at all: whoever can name a task could write on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerReadsOnlyTest {

  static final String PROBE = "ManagerProbe";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  String deploymentId;
  ProcessInstance school1Case;
  ProcessInstance school2Case;

  @BeforeAll
  void deployProbe() {
    deploymentId = Probes.deploy(repositoryService, PROBE, Probes.schoolTask(PROBE));
    school1Case = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100001", "note", "kept"));
    school2Case = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100002", "note", "kept"));
  }

  @AfterAll
  void removeProbe() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void aManagerReadsWhatCockpitShows() {
    String task = taskOf(school1Case).getId();
    for (String path :
        List.of(
            "/engine-rest/task/report/candidate-group-count",
            "/engine-rest/task?maxResults=100",
            "/engine-rest/task/count",
            "/engine-rest/task/" + task,
            "/engine-rest/task/" + task + "/identity-links",
            "/engine-rest/task/" + task + "/variables",
            "/engine-rest/task/" + task + "/comment",
            "/engine-rest/history/task?maxResults=100",
            "/engine-rest/history/process-instance?maxResults=100",
            "/engine-rest/history/activity-instance?maxResults=100",
            "/engine-rest/history/variable-instance?maxResults=100",
            "/engine-rest/history/incident?maxResults=100",
            "/engine-rest/history/job-log?maxResults=100",
            "/engine-rest/history/decision-instance?maxResults=100",
            "/engine-rest/history/user-operation?maxResults=100",
            "/engine-rest/history/batch?maxResults=100",
            "/engine-rest/incident?maxResults=100",
            "/engine-rest/job?maxResults=100",
            "/engine-rest/batch?maxResults=100",
            "/engine-rest/batch/statistics?maxResults=100",
            "/engine-rest/deployment?maxResults=100",
            "/engine-rest/decision-definition?maxResults=100",
            "/engine-rest/process-definition/statistics?incidents=true",
            "/engine-rest/process-instance/" + school2Case.getId() + "/activity-instances")) {
      ResponseEntity<String> answer = as("manager").get(path);
      assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
    }
    assertThat(as("manager").get("/engine-rest/task/count?processDefinitionKey=" + PROBE).getBody()).contains("\"count\":2");
  }

  @Test
  void aManagerChangesNothing() {
    Task task = taskOf(school2Case);
    String t = "/engine-rest/task/" + task.getId();
    String pi = "/engine-rest/process-instance/" + school2Case.getId();
    record Change(HttpMethod method, String path, String body) {}
    List<Change> changes =
        List.of(
            new Change(HttpMethod.POST, t + "/comment/create", "{\"message\": \"I was here\"}"),
            new Change(HttpMethod.POST, t + "/identity-links", "{\"userId\": \"manager\", \"type\": \"candidate\"}"),
            new Change(HttpMethod.POST, t + "/identity-links/delete", "{\"groupId\": \"school-100002\", \"type\": \"candidate\"}"),
            new Change(HttpMethod.PUT, t + "/variables/note", "{\"value\": \"changed\", \"type\": \"String\"}"),
            new Change(HttpMethod.PUT, t + "/localVariables/note", "{\"value\": \"changed\", \"type\": \"String\"}"),
            new Change(HttpMethod.POST, t + "/variables", "{\"modifications\": {\"note\": {\"value\": \"changed\"}}}"),
            new Change(HttpMethod.DELETE, t + "/variables/note", null),
            new Change(HttpMethod.POST, t + "/claim", "{\"userId\": \"manager\"}"),
            new Change(HttpMethod.POST, t + "/assignee", "{\"userId\": \"manager\"}"),
            new Change(HttpMethod.POST, t + "/delegate", "{\"userId\": \"manager\"}"),
            new Change(HttpMethod.POST, t + "/complete", "{}"),
            new Change(HttpMethod.POST, t + "/resolve", "{}"),
            new Change(HttpMethod.PUT, t, "{\"name\": \"Renamed\", \"due\": \"2030-01-01T09:00:00.000+0000\"}"),
            new Change(HttpMethod.DELETE, t, null),
            new Change(HttpMethod.POST, "/engine-rest/task/create", "{\"id\": \"manager-task\", \"name\": \"Mine\"}"),
            new Change(HttpMethod.PUT, pi + "/variables/note", "{\"value\": \"changed\", \"type\": \"String\"}"),
            new Change(HttpMethod.POST, pi + "/variables", "{\"modifications\": {\"note\": {\"value\": \"changed\"}}}"),
            new Change(HttpMethod.DELETE, pi + "/variables/note", null),
            new Change(HttpMethod.PUT, pi + "/suspended", "{\"suspended\": true}"),
            new Change(HttpMethod.POST, pi + "/modification", "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Task_InterveneInSchool\"}]}"),
            new Change(HttpMethod.DELETE, pi, null),
            new Change(HttpMethod.POST, "/engine-rest/process-definition/key/" + PROBE + "/start", "{}"),
            new Change(HttpMethod.POST, "/engine-rest/message", "{\"messageName\": \"AttendanceUpdated\", \"businessKey\": \"none\"}"));
    for (Change change : changes) {
      ResponseEntity<String> answer = as("manager").exchange(change.method(), change.path(), change.body());
      assertThat(answer.getStatusCode().value()).as(change + ": " + answer.getBody()).isIn(400, 403, 404);
      assertThat(answer.getBody()).as(change.toString()).doesNotContain(school2Case.getId());
    }
    ResponseEntity<String> byAdmin = attach("demo", task.getId());
    assertThat(byAdmin.getStatusCode()).as("admin: " + byAdmin.getBody()).isEqualTo(HttpStatus.OK);
    taskService.getTaskAttachments(task.getId()).forEach(a -> taskService.deleteAttachment(a.getId()));
    ResponseEntity<String> attachment = attach("manager", task.getId());
    assertThat(attachment.getStatusCode()).as(attachment.getBody()).isEqualTo(HttpStatus.FORBIDDEN);

    Task after = taskOf(school2Case);
    assertThat(after.getAssignee()).isNull();
    assertThat(after.getName()).isEqualTo(task.getName());
    assertThat(after.getDueDate()).isEqualTo(task.getDueDate());
    assertThat(taskService.getTaskComments(task.getId())).isEmpty();
    assertThat(taskService.getTaskAttachments(task.getId())).isEmpty();
    assertThat(taskService.getIdentityLinksForTask(task.getId())).hasSize(1);
    assertThat(runtimeService.getVariables(school2Case.getId())).containsEntry("note", "kept");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(school2Case.getId()).active().count()).isOne();
    assertThat(taskService.createTaskQuery().taskId("manager-task").count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROBE).count()).isEqualTo(2);
  }

  @Test
  void aSchoolWritesCommentsOnItsOwnTasksOnlyAndNeverOnAnotherSchoolsCase() {
    Task own = taskOf(school1Case);
    ResponseEntity<String> onOwn =
        as("school1").post("/engine-rest/task/" + own.getId() + "/comment/create", "{\"message\": \"Called the parent\"}");
    assertThat(onOwn.getStatusCode()).as(onOwn.getBody()).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> onOther =
        as("school1")
            .post(
                "/engine-rest/task/" + own.getId() + "/comment/create",
                "{\"message\": \"Misfiled\", \"processInstanceId\": \"" + school2Case.getId() + "\"}");
    assertThat(onOther.getStatusCode().value()).as(onOther.getBody()).isIn(400, 403);
    assertThat(taskService.getProcessInstanceComments(school2Case.getId())).isEmpty();
    assertThat(attach("school2", own.getId()).getStatusCode().value()).isIn(400, 403, 404);
    assertThat(taskService.getTaskAttachments(own.getId())).isEmpty();
  }

  private ResponseEntity<String> attach(String user, String taskId) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("attachment-name", "note.txt");
    form.add("attachment-type", "text/plain");
    form.add(
        "content",
        new ByteArrayResource("a note".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "note.txt";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set(HttpHeaders.AUTHORIZATION, basic(user, user));
    return rest.postForEntity("/engine-rest/task/" + taskId + "/attachment/create", new HttpEntity<>(form, headers), String.class);
  }

  private Task taskOf(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private AsUser as(String user) {
    return new AsUser(rest, user);
  }
}
