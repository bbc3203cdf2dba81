package uk.schoolattendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The application as a newcomer starts it: processes, forms, webapps, REST API, demo users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ApplicationSmokeTest {

  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;

  @Test
  void deploysEveryProcessOfTheContract() {
    List<String> keys =
        repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
            .map(ProcessDefinition::getKey)
            .toList();
    assertThat(keys)
        .contains(
            "AttendanceCase",
            "NoticeToImprove",
            "PenaltyNotice",
            "CourtProceedings",
            "TargetingSupportMeeting");
  }

  @Test
  void deploysTheFormsInTheSameDeploymentAsTheProcesses() {
    ProcessDefinition attendanceCase =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("AttendanceCase")
            .latestVersion()
            .singleResult();
    List<String> resources =
        repositoryService.getDeploymentResources(attendanceCase.getDeploymentId()).stream()
            .map(Resource::getName)
            .toList();
    assertThat(resources).anyMatch(name -> name.endsWith("start-attendance-case.form"));
    assertThat(resources).anyMatch(name -> name.endsWith("AttendanceCase.bpmn"));
  }

  @Test
  void webappsAnswer() {
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
      assertThat(page.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
      assertThat(page.getBody()).as(app).contains("<html");
    }
  }

  @Test
  void engineRestApiAnswers() {
    ResponseEntity<String> engines =
        rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/engine", String.class);
    assertThat(engines.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(engines.getBody()).contains("default");
  }

  @Test
  void demoUsersBelongToTheirGroups() {
    assertMember("demo", "camunda-admin");
    assertMember("officer", "attendance-officers");
    assertMember("senior", "senior-practitioners");
    assertMember("senior", "attendance-officers");
    assertMember("compliance", "compliance-team");
    assertMember("manager", "managers");
    assertMember("analyst", "analysts");
    assertMember("school1", "schools");
    assertMember("school1", "school-100001");
    assertMember("school2", "school-100002");
    assertThat(identityService.checkPassword("officer", "officer")).isTrue();
  }

  private void assertMember(String user, String group) {
    assertThat(identityService.createUserQuery().userId(user).memberOfGroup(group).count())
        .as("%s in %s", user, group)
        .isEqualTo(1);
  }
}
