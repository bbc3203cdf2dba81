package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The grants the engine makes on each task: a caseworker's add only what their grants on every
 * process definition do not give (TASK_WORK), so Tasklist's read check finds one grant per task
 * for an officer; everyone else keeps Camunda's READ, and nobody sees or does more or less. A
 * probe shaped like a traded school's Level 2 task (the officers' team and the named officer) and
 * a task offered by name to a school's user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskGrantsTest {

  static final String PROBE = "TaskGrantsProbe";
  static final String OFFICERS_TASK = "Task_OfficersProbe";
  static final String NAMED_USER_TASK = "Task_NamedUserProbe";
  static final String TRADED_SCHOOL = "100001";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;

  String deploymentId;

  @BeforeAll
  void deployProbe() {
    deploymentId = Probes.deploy(repositoryService, PROBE, Probes.process(PROBE)
        .parallelGateway("Gateway_Split")
        .userTask(OFFICERS_TASK).camundaCandidateGroups("attendance-officers").camundaCandidateUsers("officer")
        .endEvent()
        .moveToNode("Gateway_Split")
        .userTask(NAMED_USER_TASK).camundaCandidateUsers("school1")
        .endEvent()
        .done());
  }

  @AfterAll
  void removeProbe() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void anOfficersTaskIsReadThroughOneGrantTheirGrantsOnItAddOnlyTheWork() {
    Task task = task(start(), OFFICERS_TASK);

    // what Tasklist's count joins for the officer: the officers' grant on every definition only
    assertThat(readingGrants(task, "officer", "attendance-officers")).isOne();
    assertThat(grant(task, Resources.TASK, "officer", null).isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(grant(task, Resources.TASK, "officer", null).isPermissionGranted(TaskPermissions.READ)).isFalse();
    assertThat(grant(task, Resources.TASK, null, "attendance-officers").isPermissionGranted(TaskPermissions.TASK_WORK))
        .isTrue();
    assertThat(grant(task, Resources.TASK, null, "attendance-officers").isPermissionGranted(TaskPermissions.READ))
        .isFalse();
    // their READ_HISTORY on every definition shows them the task's history: no grant per task
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK)
        .resourceId(task.getId()).count()).isZero();
  }

  @Test
  void theTeamAndTheNamedOfficerStillSeeCountClaimAndCompleteTheirTask() {
    String instance = start();
    Task task = task(instance, OFFICERS_TASK);
    AsUser officer = new AsUser(rest, "officer");
    AsUser senior = new AsUser(rest, "senior");

    assertThat(officer.get("/engine-rest/task/" + task.getId()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ids(officer, "/engine-rest/task?candidateGroup=attendance-officers&processInstanceId=" + instance))
        .containsExactly(task.getId());
    assertThat(ids(officer, "/engine-rest/task?involvedUser=officer&processInstanceId=" + instance))
        .containsExactly(task.getId());
    assertThat(read(officer.get("/engine-rest/task/count?candidateGroup=attendance-officers&processInstanceId=" + instance))
        .get("count").asLong()).isOne();
    assertThat(ids(senior, "/engine-rest/task?candidateGroup=attendance-officers&processInstanceId=" + instance))
        .containsExactly(task.getId());
    assertThat(ids(officer, "/engine-rest/history/task?taskId=" + task.getId())).containsExactly(task.getId());
    assertThat(officer.get("/engine-rest/task/" + task.getId() + "/variables").getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(officer.post("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"officer\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(readingGrants(task, "officer", "attendance-officers")).isOne();
    assertThat(ids(officer, "/engine-rest/task?assignee=officer&processInstanceId=" + instance)).containsExactly(task.getId());
    assertThat(officer.post("/engine-rest/task/" + task.getId() + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(ids(officer, "/engine-rest/history/task?taskId=" + task.getId())).containsExactly(task.getId());
  }

  @Test
  void aCaseworkerASeniorAssignsTheTaskToReadsAndCompletesIt() {
    String instance = start();
    Task task = task(instance, OFFICERS_TASK);
    AsUser compliance = new AsUser(rest, "compliance");
    assertThat(new AsUser(rest, "senior")
            .post("/engine-rest/task/" + task.getId() + "/assignee", "{\"userId\":\"compliance\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // a member of a caseworker group: reads through the compliance team's grant on every definition
    assertThat(grant(task, Resources.TASK, "compliance", null).isPermissionGranted(TaskPermissions.READ)).isFalse();
    assertThat(readingGrants(task, "compliance", "compliance-team")).isOne();
    assertThat(ids(compliance, "/engine-rest/task?assignee=compliance&processInstanceId=" + instance))
        .containsExactly(task.getId());
    assertThat(compliance.post("/engine-rest/task/" + task.getId() + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aNamedUserOutsideTheCaseworkerGroupsKeepsReadOnTheirTaskAndItsHistory() {
    String instance = start();
    Task task = task(instance, NAMED_USER_TASK);
    AsUser school1 = new AsUser(rest, "school1");

    assertThat(grant(task, Resources.TASK, "school1", null).isPermissionGranted(TaskPermissions.READ)).isTrue();
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK)
        .resourceId(task.getId()).userIdIn("school1").count()).isOne();
    assertThat(school1.get("/engine-rest/task/" + task.getId()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ids(school1, "/engine-rest/task?processInstanceId=" + instance)).containsExactly(task.getId());
    assertThat(school1.post("/engine-rest/task/" + task.getId() + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(ids(school1, "/engine-rest/history/task?taskId=" + task.getId())).containsExactly(task.getId());
  }

  @Test
  void aSchoolStillCannotReadOrWorkATradedSchoolsOfficerTask() {
    String instance = start();
    Task task = task(instance, OFFICERS_TASK);
    for (String school : List.of("school1", "school2")) {
      AsUser user = new AsUser(rest, school);
      assertThat(user.get("/engine-rest/task/" + task.getId()).getStatusCode())
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      assertThat(ids(user, "/engine-rest/task?processInstanceId=" + instance)).doesNotContain(task.getId());
      assertThat(user.post("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + school + "\"}").getStatusCode())
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }
    assertThat(ids(new AsUser(rest, "school2"), "/engine-rest/history/task?taskId=" + task.getId())).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  private String start() {
    return runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", TRADED_SCHOOL)).getId();
  }

  private Task task(String instance, String key) {
    return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
  }

  private Authorization grant(Task task, Resources resource, String user, String group) {
    AuthorizationQuery query = authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(task.getId());
    return (user != null ? query.userIdIn(user) : query.groupIdIn(group)).singleResult();
  }

  /**
   * The grants Tasklist's task queries join for this user and groups on this task: READ on the
   * task, or READ_TASK on its process definition or on every definition (Camunda's authorization
   * check of a task query).
   */
  private long readingGrants(Task task, String user, String... groups) {
    String definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    long grants = 0;
    for (boolean byUser : new boolean[] {true, false}) {
      grants += who(byUser, user, groups).resourceType(Resources.TASK).resourceId(task.getId())
          .hasPermission(TaskPermissions.READ).count();
      for (String resourceId : List.of(definition, "*")) {
        grants += who(byUser, user, groups).resourceType(Resources.PROCESS_DEFINITION).resourceId(resourceId)
            .hasPermission(ProcessDefinitionPermissions.READ_TASK).count();
      }
    }
    return grants;
  }

  private AuthorizationQuery who(boolean byUser, String user, String... groups) {
    AuthorizationQuery query = authorizationService.createAuthorizationQuery();
    return byUser ? query.userIdIn(user, "*") : query.groupIdIn(groups);
  }

  private static List<String> ids(AsUser user, String path) {
    ResponseEntity<String> answer = user.get(path + (path.contains("?") ? "&" : "?") + "maxResults=100");
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    read(answer).forEach(node -> ids.add(node.get("id").asText()));
    return ids;
  }

  private static JsonNode read(ResponseEntity<String> answer) {
    try {
      return new ObjectMapper().readTree(answer.getBody());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + answer.getBody(), e);
    }
  }
}
