package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * Deleting a deployment never takes running cases with it unless an administrator says so: an
 * analyst's {@code cascade=true} is refused (cascade also deletes the cases' history), and
 * nobody deletes a deployment whose instances are running without cascade: the answer says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class DeploymentDeletionTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @Test
  void anAnalystCannotCascadeDeleteRunningCasesAndNobodyDeletesThemWithoutCascade() {
    String deployment = deployProbe("DeletionProbe");
    ProcessInstance running = runtimeService.startProcessInstanceByKey("DeletionProbe", Map.of("schoolUrn", "100001"));
    String path = "/engine-rest/deployment/" + deployment;

    ResponseEntity<String> cascade = as("analyst").delete(path + "?cascade=true");
    assertThat(cascade.getStatusCode()).as(cascade.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(cascade.getBody()).contains("administrators");
    for (String user : new String[] {"analyst", "demo"}) {
      ResponseEntity<String> plain = as(user).delete(path);
      assertThat(plain.getStatusCode()).as(user + ": " + plain.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(plain.getBody()).contains("deployment").contains("1 process instance").contains("running");
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).count()).isOne();
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).count()).isOne();

    ResponseEntity<String> byAdministrator = as("demo").delete(path + "?cascade=true");
    assertThat(byAdministrator.getStatusCode()).as(byAdministrator.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).count()).isZero();
  }

  @Test
  void anAnalystDeletesADeploymentNothingRunsIn() {
    String deployment = deployProbe("UnusedProbe");
    ResponseEntity<String> answer = as("analyst").delete("/engine-rest/deployment/" + deployment);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).count()).isZero();
  }

  @Test
  void theApplicationsDeploymentIsNotDeletedUnderItsCases() {
    runtimeService.startProcessInstanceByKey("AttendanceCase", CaseFixtures.startVariables());
    String main =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey("AttendanceCase").latestVersion().singleResult().getDeploymentId();
    ResponseEntity<String> answer = as("demo").delete("/engine-rest/deployment/" + main);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("running");
    assertThat(repositoryService.createDeploymentQuery().deploymentId(main).count()).isOne();
  }

  private String deployProbe(String key) {
    return Probes.deploy(repositoryService, key, Probes.process(key).userTask("Task_Wait").endEvent().done());
  }

  private AsUser as(String user) {
    return new AsUser(rest, user);
  }
}
