package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A job (here a school's review timer) is worked only by those who may change its case: a
 * manager or another school is refused with 403, and the refusal changes nothing (no retry
 * taken, no incident, the timer still due) and names no case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobAuthorizationTest {

  static final String PROBE = "JobProbe";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  String deploymentId;

  @BeforeAll
  void deployProbe() {
    deploymentId =
        Probes.deploy(
            repositoryService,
            PROBE,
            Probes.process(PROBE)
                .intermediateCatchEvent("Event_ReviewDateReached")
                .timerWithDuration("PT1H")
                .userTask("Task_InterveneInSchool")
                .camundaCandidateGroups("school-${schoolUrn}")
                .endEvent()
                .done());
  }

  @AfterAll
  void removeProbe() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void aManagerOrAnotherSchoolCannotExecuteAJobAndTheRefusalTakesNoRetry() {
    ProcessInstance school1Case = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100001"));
    Job timer = timerOf(school1Case);

    for (String user : List.of("manager", "school2", "manager", "school2", "analyst")) {
      ResponseEntity<String> answer = as(user).post("/engine-rest/job/" + timer.getId() + "/execute", null);
      assertThat(answer.getStatusCode()).as(user + ": " + answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getBody())
          .as(user)
          .doesNotContain(school1Case.getId())
          .doesNotContain(school1Case.getProcessDefinitionId())
          .doesNotContain(timer.getId());
    }

    Job after = timerOf(school1Case);
    assertThat(after.getRetries()).isEqualTo(timer.getRetries());
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(school1Case.getId()).count()).isZero();
    assertThat(runtimeService.getActivityInstance(school1Case.getId()).getChildActivityInstances())
        .extracting(a -> a.getActivityId())
        .containsExactly("Event_ReviewDateReached");

    ResponseEntity<String> byAdministrator = as("demo").post("/engine-rest/job/" + timer.getId() + "/execute", null);
    assertThat(byAdministrator.getStatusCode()).as(byAdministrator.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(managementService.createJobQuery().jobId(timer.getId()).count()).isZero();
  }

  @Test
  void aManagerCannotChangeAJobsRetriesSuspensionDueDateOrPriority() {
    ProcessInstance school2Case = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100002"));
    Job timer = timerOf(school2Case);
    String job = "/engine-rest/job/" + timer.getId();
    record Change(HttpMethod method, String path, String body) {}
    List<Change> changes =
        List.of(
            new Change(HttpMethod.PUT, job + "/retries", "{\"retries\": 0}"),
            new Change(HttpMethod.PUT, job + "/suspended", "{\"suspended\": true}"),
            new Change(HttpMethod.PUT, job + "/duedate", "{\"duedate\": \"2030-01-01T09:00:00.000+0000\"}"),
            new Change(HttpMethod.POST, job + "/duedate/recalculate", null),
            new Change(HttpMethod.PUT, job + "/priority", "{\"priority\": 99}"),
            new Change(HttpMethod.DELETE, job, null));
    for (String user : List.of("manager", "school1")) {
      for (Change change : changes) {
        ResponseEntity<String> answer = as(user).exchange(change.method(), change.path(), change.body());
        assertThat(answer.getStatusCode()).as(user + " " + change + ": " + answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody()).as(user + " " + change).doesNotContain(school2Case.getId()).doesNotContain(timer.getId());
      }
    }
    Job after = timerOf(school2Case);
    assertThat(after.getRetries()).isEqualTo(timer.getRetries());
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
    assertThat(after.getPriority()).isEqualTo(timer.getPriority());
  }

  private Job timerOf(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private AsUser as(String user) {
    return new AsUser(rest, user);
  }
}
