package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.security.RestAuthenticationTest.basic;
import static uk.schoolattendance.security.RestAuthenticationTest.jsonHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The catalogue of bad input: every case is refused with a 4xx whose message names the field or
 * the rule (never a 500, a stack trace or SQL), and afterwards nothing has changed: no instance,
 * no task moved, no variable written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogueTest {

  static final String PROBE = "BadInputProbe";
  static final String TASK = "{task}";
  static final String LONG = "x".repeat(5000);

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  String deploymentId;
  String taskId;

  /** One bad request: who sends it, what, and what the answer must say. */
  record BadInput(String name, String user, HttpMethod method, String path, String body, int status, String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  static BadInput bad(String name, HttpMethod method, String path, String body, int status, String says) {
    return new BadInput(name, "demo", method, path, body, status, says);
  }

  static BadInput badAs(String user, String name, HttpMethod method, String path, String body, int status, String says) {
    return new BadInput(name, user, method, path, body, status, says);
  }

  static String variables(String name, String value, String type) {
    return "{\"variables\": {\"" + name + "\": {\"value\": " + value + ", \"type\": \"" + type + "\"}}}";
  }

  static Stream<BadInput> catalogue() {
    HttpMethod get = HttpMethod.GET;
    HttpMethod post = HttpMethod.POST;
    HttpMethod put = HttpMethod.PUT;
    String start = "/engine-rest/process-definition/key/AttendanceCase/start";
    String complete = "/engine-rest/task/" + TASK + "/complete";
    String message = "/engine-rest/message";
    List<BadInput> cases = new ArrayList<>();

    // Starting a case
    cases.add(bad("start: unknown process", post, "/engine-rest/process-definition/key/NoSuchProcess/start", "{}", 404, "NoSuchProcess"));
    cases.add(bad("start: body not JSON", post, start, "{variables: nope", 400, ""));
    cases.add(bad("start: unknown variable type", post, start, variables("schoolUrn", "\"100001\"", "Banana"), 400, "Banana"));
    cases.add(bad("start: wrong type (Integer 'two')", post, start, variables("entryLevel", "\"two\"", "Integer"), 400, "entryLevel"));
    cases.add(bad("start: Java-serialized object", post, start,
        "{\"variables\": {\"x\": {\"value\": \"rO0ABXQABWhlbGxv\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}",
        400, "serialization"));
    cases.add(bad("start: very long pupil name", post, start, variables("pupilName", "\"" + LONG + "\"", "String"), 400, "pupilName: must be at most 4000 characters"));
    cases.add(bad("start: very long variable name", post, start, variables("v" + "x".repeat(300), "\"a\"", "String"), 400, "variable name"));
    cases.add(bad("start: very long business key", post, start, "{\"businessKey\": \"" + "K".repeat(300) + "\"}", 400, "businessKey"));
    cases.add(bad("start: expression in pupil name", post, start, variables("pupilName", "\"${runtimeService.toString()}\"", "String"), 400, "pupilName: must not contain an expression"));
    cases.add(bad("start: deferred expression in pupil name", post, start, variables("pupilName", "\"#{1+1}\"", "String"), 400, "pupilName: must not contain an expression"));
    cases.add(bad("start: <script> in pupil name", post, start, variables("pupilName", "\"<script>alert(1)</script>\"", "String"), 400, "pupilName: must not contain HTML"));
    cases.add(bad("start: markup in business key", post, start, "{\"businessKey\": \"<img src=x onerror=alert(1)>\"}", 400, "businessKey"));
    cases.add(badAs("school1", "start: a school opens a case for another school", post, start, variables("schoolUrn", "\"100002\"", "String"), 400, "schoolUrn"));

    // Completing a task
    cases.add(bad("complete: unknown task", post, "/engine-rest/task/no-such-task/complete", "{}", 404, "Cannot find task with id no-such-task"));
    cases.add(bad("complete: body not JSON", post, complete, "not json", 400, ""));
    cases.add(bad("complete: wrong type (Double 'lots')", post, complete, variables("attendanceTarget", "\"lots\"", "Double"), 400, "attendanceTarget"));
    cases.add(bad("complete: wrong type (Boolean 'maybe')", post, complete, variables("improvementSufficient", "\"maybe\"", "Boolean"), 400, "improvementSufficient"));
    cases.add(bad("complete: wrong type (Date 'soon')", post, complete, variables("reviewDate", "\"soon\"", "Date"), 400, "reviewDate"));
    cases.add(bad("complete: Java-serialized object", post, complete,
        "{\"variables\": {\"x\": {\"value\": \"rO0ABXQABWhlbGxv\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}",
        400, "serialization"));
    cases.add(bad("complete: very long text", post, complete, variables("notes", "\"" + LONG + "\"", "String"), 400, "notes: must be at most 4000 characters"));
    cases.add(bad("complete: expression in text", post, complete, variables("notes", "\"${1+1}\"", "String"), 400, "notes: must not contain an expression"));
    cases.add(bad("complete: <script> in text", post, complete, variables("notes", "\"<script>x</script>\"", "String"), 400, "notes: must not contain HTML"));
    cases.add(badAs("school2", "complete: another school's task", post, complete, "{}", 403, "TASK_WORK"));
    cases.add(badAs("manager", "complete: a manager completes", post, complete, "{}", 403, "TASK_WORK"));
    cases.add(badAs("manager", "claim: a manager claims", post, "/engine-rest/task/" + TASK + "/claim", "{\"userId\": \"manager\"}", 403, ""));
    cases.add(bad("set variable: expression in text", put, "/engine-rest/task/" + TASK + "/variables/notes", "{\"value\": \"${1+1}\", \"type\": \"String\"}", 400, "notes"));

    // Messages
    cases.add(bad("message: no name", post, message, "{\"businessKey\": \"PN-2026-000001\"}", 400, "message name"));
    cases.add(bad("message: unknown message", post, message, "{\"messageName\": \"NoSuchMessage\", \"businessKey\": \"PN-2026-000001\"}", 400, "NoSuchMessage"));
    cases.add(bad("message: payment for an unknown notice", post, message,
        "{\"messageName\": \"PenaltyNoticePaid\", \"businessKey\": \"PN-2099-999999\", \"processVariables\": {\"amountPaid\": {\"value\": 80.0, \"type\": \"Double\"}}}",
        400, "PenaltyNoticePaid"));
    cases.add(bad("message: withdrawal for an unknown notice", post, message,
        "{\"messageName\": \"PenaltyNoticeWithdrawn\", \"businessKey\": \"PN-2099-999999\"}", 400, "PenaltyNoticeWithdrawn"));
    cases.add(bad("message: body not JSON", post, message, "{messageName", 400, ""));
    cases.add(bad("message: wrong type (Double 'eighty')", post, message,
        "{\"messageName\": \"PenaltyNoticePaid\", \"businessKey\": \"PN-2099-999999\", \"processVariables\": {\"amountPaid\": {\"value\": \"eighty\", \"type\": \"Double\"}}}",
        400, "amountPaid"));

    // Queries and paging
    cases.add(bad("query: unbounded", get, "/engine-rest/task", null, 400, "unbound"));
    cases.add(bad("query: page too large", get, "/engine-rest/task?maxResults=100000", null, 400, "Max results limit"));
    cases.add(bad("query: maxResults not a number", get, "/engine-rest/task?maxResults=ten", null, 400, "maxResults"));
    cases.add(bad("query: firstResult not a number", get, "/engine-rest/task?firstResult=first&maxResults=10", null, 400, "firstResult"));
    cases.add(bad("query: unknown sort", get, "/engine-rest/task?sortBy=salary&sortOrder=asc&maxResults=10", null, 400, "sortBy"));
    cases.add(bad("query: unknown sort order", get, "/engine-rest/task?sortBy=dueDate&sortOrder=sideways&maxResults=10", null, 400, "sortOrder"));
    cases.add(bad("query: due date not a date", get, "/engine-rest/task?dueBefore=tomorrow&maxResults=10", null, 400, "dueBefore"));
    cases.add(bad("query: variable filter with unknown operator", get, "/engine-rest/process-instance?variables=level_about_1&maxResults=10", null, 400, "about"));
    cases.add(bad("query: history date not a date", get, "/engine-rest/history/process-instance?startedAfter=yesterday&maxResults=10", null, 400, "startedAfter"));
    cases.add(bad("query: expression in an ad-hoc query", get, "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D&maxResults=10", null, 400, "xpression"));

    // The project's API
    cases.add(bad("api: unknown path", get, "/api/reports/no-such-report", null, 404, "no-such-report"));
    cases.add(bad("api: wrong method", post, "/api/reports/dashboard", "{}", 405, "POST"));
    return cases.stream();
  }

  @BeforeAll
  void deployProbe() {
    deploymentId =
        repositoryService
            .createDeployment()
            .addModelInstance(
                PROBE + ".bpmn",
                Bpmn.createExecutableProcess(PROBE)
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_InterveneInSchool")
                    .camundaCandidateGroups("school-${schoolUrn}")
                    .endEvent()
                    .done())
            .deploy()
            .getId();
    runtimeService.startProcessInstanceByKey(PROBE, "CASE-PROBE-1", Map.of("schoolUrn", "100001"));
    taskId = taskService.createTaskQuery().processDefinitionKey(PROBE).singleResult().getId();
  }

  @AfterAll
  void removeProbe() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void isRefusedClearlyAndChangesNothing(BadInput input) {
    State before = state();
    ResponseEntity<String> answer =
        rest.exchange(
            input.path().replace(TASK, taskId),
            input.method(),
            new HttpEntity<>(input.body(), jsonHeaders(basic(input.user(), input.user()))),
            String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(input.status());
    String body = String.valueOf(answer.getBody());
    assertThat(body).contains(input.says());
    assertThat(body)
        .doesNotContain("Exception:")
        .doesNotContain("\tat ")
        .doesNotContain("at org.")
        .doesNotContainIgnoringCase("SQL")
        .doesNotContain("ACT_");
    assertThat(state()).isEqualTo(before);
  }

  /** What a refused request must leave untouched. */
  record State(long instances, long historicInstances, long tasks, String probeTask, Map<String, Object> probeVariables) {}

  State state() {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    return new State(
        runtimeService.createProcessInstanceQuery().count(),
        historyService.createHistoricProcessInstanceQuery().count(),
        taskService.createTaskQuery().count(),
        task == null ? "gone" : task.getAssignee() + "/" + task.getDueDate() + "/" + task.getName(),
        runtimeService.getVariables(task == null ? "" : task.getProcessInstanceId()));
  }
}
