package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.security.RestAuthenticationTest.basic;
import static uk.schoolattendance.security.RestAuthenticationTest.jsonHeaders;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The doors Camunda 7 and Spring Boot leave open are shut. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class HardeningTest {

  static final String ADMIN = basic("demo", "demo");

  @Autowired TestRestTemplate rest;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;

  @ParameterizedTest
  @ValueSource(strings = {"/h2-console", "/h2-console/", "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump", "/actuator/loggers", "/actuator/mappings"})
  void exposesNoConsoleAndNoActuatorBeyondHealthAndInfo(String path) {
    assertThat(exchange(HttpMethod.GET, path, null, ADMIN).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void exposesHealthAndInfo() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/actuator/info", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void refusesJavaSerializedObjectVariables() {
    long before = historyService.createHistoricProcessInstanceQuery().count();
    String body =
        """
        {"variables": {"payload": {
          "value": "rO0ABXQABWhlbGxv",
          "type": "Object",
          "valueInfo": {"objectTypeName": "java.lang.String",
                        "serializationDataFormat": "application/x-java-serialized-object"}}}}
        """;
    ResponseEntity<String> answer =
        exchange(HttpMethod.POST, "/engine-rest/process-definition/key/AttendanceCase/start", body, ADMIN);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("serialization");
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void refusesUnboundedAndOversizedQueries() {
    ResponseEntity<String> unbounded = exchange(HttpMethod.GET, "/engine-rest/task", null, ADMIN);
    assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unbounded.getBody()).contains("unbound");
    ResponseEntity<String> oversized = exchange(HttpMethod.GET, "/engine-rest/task?maxResults=5000", null, ADMIN);
    assertThat(oversized.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(oversized.getBody()).contains("Max results limit");
    assertThat(exchange(HttpMethod.GET, "/engine-rest/task?maxResults=100", null, ADMIN).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void everyTaskBelongsToAProcessAndCockpitStillCountsCaseDefinitions() {
    long before = taskService.createTaskQuery().count();
    // Tasklist's "Create task" (hidden) and the engine REST API: a task outside a process is refused,
    // administrators included, so every task is checked through its process (docs/adr/0003).
    ResponseEntity<String> created =
        exchange(HttpMethod.POST, "/engine-rest/task/create", "{\"id\": \"loose-task\", \"name\": \"Loose\"}", ADMIN);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(created.getBody()).contains("standalone task");
    assertThat(taskService.createTaskQuery().count()).isEqualTo(before);
    // No CMMN: Cockpit's dashboard asks for case definitions and gets none, not a database error.
    ResponseEntity<String> cases = exchange(HttpMethod.GET, "/engine-rest/case-definition/count", null, ADMIN);
    assertThat(cases.getStatusCode()).as(cases.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(cases.getBody()).contains("\"count\":0");
  }

  @Test
  void neverEvaluatesAnExpressionInAVariableValue() {
    // A task of a process: tasks outside a process are switched off (standalone-tasks-enabled).
    String deployment = Probes.deploy(repositoryService, "ExpressionProbe",
        Probes.process("ExpressionProbe").userTask("Task_Probe").endEvent().done());
    String instance = runtimeService.startProcessInstanceByKey("ExpressionProbe").getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    try {
      // Text holding an expression or markup is refused outright...
      for (String text : List.of("${execution.setVariable(\\\"owned\\\", true)}", "#{1+1}", "<script>alert(1)</script>")) {
        String body = "{\"value\": \"" + text + "\", \"type\": \"String\"}";
        ResponseEntity<String> put =
            exchange(HttpMethod.PUT, "/engine-rest/task/" + task.getId() + "/variables/note", body, ADMIN);
        assertThat(put.getStatusCode()).as(text).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(put.getBody()).contains("note: must not contain");
      }
      // ...and where an expression does get stored (inside a Json document) it stays data.
      String json = "{\\\"note\\\": \\\"${execution.setVariable('owned', true)}\\\"}";
      String body = "{\"value\": \"" + json + "\", \"type\": \"Json\"}";
      ResponseEntity<String> put =
          exchange(HttpMethod.PUT, "/engine-rest/task/" + task.getId() + "/variables/document", body, ADMIN);
      assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(taskService.getVariable(task.getId(), "document").toString())
          .contains("${execution.setVariable('owned', true)}");
      assertThat(taskService.getVariables(task.getId())).containsOnlyKeys("document");
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void hidesDatabaseErrorsBehindAReference() {
    String tooLong = "a".repeat(300);
    String body = "{\"profile\": {\"id\": \"" + tooLong + "\", \"firstName\": \"X\"}, \"credentials\": {\"password\": \"Str0ng-Passw0rd!\"}}";
    ResponseEntity<String> answer = exchange(HttpMethod.POST, "/engine-rest/user/create", body, ADMIN);
    assertThat(answer.getStatusCode().is5xxServerError()).as(answer.getBody()).isTrue();
    assertThat(answer.getBody()).contains("Reference for the administrator");
    assertThat(answer.getBody()).doesNotContainIgnoringCase("sql").doesNotContain("ACT_").doesNotContain("at org.");
  }

  @Test
  void refusesWeakPasswordsThroughTheApi() {
    String body = "{\"profile\": {\"id\": \"weakling\", \"firstName\": \"W\"}, \"credentials\": {\"password\": \"weak\"}}";
    ResponseEntity<String> answer = exchange(HttpMethod.POST, "/engine-rest/user/create", body, ADMIN);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(identityService.createUserQuery().userId("weakling").count()).isZero();
  }

  @Test
  void setsSecurityHeadersOnTheApis() {
    for (String path : List.of("/engine-rest/engine", "/api/reports/dashboard")) {
      HttpHeaders headers = exchange(HttpMethod.GET, path, null, ADMIN).getHeaders();
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(headers.getFirst("Cache-Control")).as(path).startsWith("no-");
      assertThat(headers.getFirst("Content-Security-Policy")).as(path).contains("default-src 'none'");
    }
  }

  @Test
  void webappsKeepTheirLoginWithCsrfAndAnHttpOnlySameSiteSessionCookie() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    assertThat(cookies)
        .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
    String session = WebappSessions.cookie(cookies, "JSESSIONID");
    String csrf = WebappSessions.cookie(cookies, "XSRF-TOKEN");

    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "demo");
    form.add("password", "demo");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf);
    String login = "/camunda/api/admin/auth/user/default/login/tasklist";
    headers.add("X-XSRF-TOKEN", csrf);
    assertThat(rest.postForEntity(login, new HttpEntity<>(form, headers), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // A second visitor who does not send the CSRF token is refused.
    List<String> other = rest.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders().get(HttpHeaders.SET_COOKIE);
    HttpHeaders forged = new HttpHeaders();
    forged.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    forged.add(HttpHeaders.COOKIE, "JSESSIONID=" + WebappSessions.cookie(other, "JSESSIONID") + "; XSRF-TOKEN=" + WebappSessions.cookie(other, "XSRF-TOKEN"));
    assertThat(rest.postForEntity(login, new HttpEntity<>(form, forged), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }


  private ResponseEntity<String> exchange(HttpMethod method, String path, String body, String authorization) {
    return rest.exchange(path, method, new HttpEntity<>(body, jsonHeaders(authorization)), String.class);
  }
}
