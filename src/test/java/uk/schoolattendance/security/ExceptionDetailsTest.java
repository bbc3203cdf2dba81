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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Why a job failed (its exception message and stack trace, the incident's message, the job
 * log's) is for administrators: it may name another school's notice, a table or a value. Others
 * who may read the case see that it failed and a generic text; the stack trace is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExceptionDetailsTest {

  static final String PROBE = "FailingProbe";
  static final String SECRET = "noticeOfSchool100002";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  String deploymentId;
  Job failed;
  ProcessInstance instance;

  @BeforeAll
  void failAJobIntoAnIncident() {
    deploymentId =
        Probes.deploy(
            repositoryService,
            PROBE,
            Probes.process(PROBE).serviceTask("Task_Fail").camundaAsyncBefore().camundaExpression("${" + SECRET + "}").endEvent().done());
    instance = runtimeService.startProcessInstanceByKey(PROBE, Map.of("schoolUrn", "100001"));
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    managementService.setJobRetries(job.getId(), 1);
    try {
      managementService.executeJob(job.getId());
    } catch (RuntimeException expected) {
      // the job fails: retries 0, an incident
    }
    failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getExceptionMessage()).contains(SECRET);
  }

  @AfterAll
  void removeProbe() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void onlyAnAdministratorReadsWhyAJobFailed() {
    List<String> reads =
        List.of(
            "/engine-rest/job?processInstanceId=" + instance.getId() + "&maxResults=10",
            "/engine-rest/job/" + failed.getId(),
            "/engine-rest/incident?processInstanceId=" + instance.getId() + "&maxResults=10",
            "/engine-rest/history/incident?processInstanceId=" + instance.getId() + "&maxResults=10",
            "/engine-rest/history/job-log?processInstanceId=" + instance.getId() + "&maxResults=10");
    for (String user : List.of("school1", "manager", "officer")) {
      for (String path : reads) {
        ResponseEntity<String> answer = as(user).get(path);
        assertThat(answer.getStatusCode()).as(user + " " + path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).as(user + " " + path).doesNotContain(SECRET);
      }
      assertThat(as(user).get("/engine-rest/job/" + failed.getId()).getBody()).contains(DisclosureFilter.WITHHELD);
      ResponseEntity<String> trace = as(user).get("/engine-rest/job/" + failed.getId() + "/stacktrace");
      assertThat(trace.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(trace.getBody()).as(user).doesNotContain(SECRET).doesNotContain("at org.");
    }
    for (String path : reads) {
      assertThat(as("demo").get(path).getBody()).as(path).contains(SECRET);
    }
    ResponseEntity<String> trace = as("demo").get("/engine-rest/job/" + failed.getId() + "/stacktrace");
    assertThat(trace.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(trace.getBody()).contains(SECRET);
  }

  private AsUser as(String user) {
    return new AsUser(rest, user);
  }
}
