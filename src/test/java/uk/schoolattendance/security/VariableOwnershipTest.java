package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.security.RestAuthenticationTest.basic;
import static uk.schoolattendance.security.RestAuthenticationTest.jsonHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
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
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.process.Upn;
import uk.schoolattendance.process.VariableValues;
import uk.schoolattendance.schools.School;

/**
 * Issue #11, hole 1: completing a task, or changing variables, never rewrites a case. A completion
 * sets only what its task owns; a case's variables are not set directly by anyone but an
 * administrator; a message carries only its own variables; only an administrator modifies a
 * case's process. Every way in: the engine REST API (complete, submit-form, task and
 * process-instance variables, modification, signal, BPMN error), Tasklist's own API with its
 * session and CSRF token, and messages. A case's facts change through a recorded correction,
 * which the case's history shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class VariableOwnershipTest {

  private static int pupils;

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;

  /** A case of the universal school 100002 at the given level: its first task is the school's at Level 1. */
  private ProcessInstance openCase(String reference, int level) {
    VariableValues start =
        VariableValues.with(AttendanceCase.PUPIL_UPN, Upn.of(801_500_000_000L + ++pupils))
            .and(AttendanceCase.PUPIL_NAME, "Sam Pupil")
            .and(AttendanceCase.SCHOOL_URN, "100002")
            .and(AttendanceCase.ENTRY_LEVEL, level)
            .and(AttendanceCase.ATTENDANCE_PERCENT, 80.0)
            .and(AttendanceCase.UNAUTHORISED_SESSIONS, 4)
            .and(AttendanceCase.PARENTS, Parents.json(List.of(new Parent("P1", "Alex Parent", "1 High Street"))));
    return runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, reference, start);
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private Map<String, String> variables(ProcessInstance instance) {
    Map<String, String> text = new TreeMap<>();
    runtimeService.getVariables(instance.getId()).forEach((name, value) -> text.put(name, String.valueOf(value)));
    return text;
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
    return rest.exchange(path, method, new HttpEntity<>(body, jsonHeaders(basic(user, user))), String.class);
  }

  private static void refused(ResponseEntity<String> answer, HttpStatus status, String says) {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
    assertThat(answer.getBody()).contains(says);
  }

  @Test
  void aSchoolCompletingItsOwnTaskCannotMoveThePupilOrInventSessions() {
    ProcessInstance instance = openCase("AC-2026-610001", 1);
    Task own = task(instance);
    Map<String, String> before = variables(instance);
    String complete = "/engine-rest/task/" + own.getId() + "/complete";

    refused(call("school2", HttpMethod.POST, complete,
            "{\"variables\": {\"schoolInterventionOutcome\": {\"value\": \"refer-to-la\"}, \"schoolUrn\": {\"value\": \"100001\"}}}"),
        HttpStatus.BAD_REQUEST, "schoolUrn: is not set by task Task_InterveneInSchool");
    refused(call("school2", HttpMethod.POST, complete,
            "{\"variables\": {\"schoolInterventionOutcome\": {\"value\": \"refer-to-la\"}, \"unauthorisedSessions\": {\"value\": 999, \"type\": \"Integer\"}}}"),
        HttpStatus.BAD_REQUEST, "unauthorisedSessions");
    refused(call("school2", HttpMethod.POST, "/engine-rest/task/" + own.getId() + "/submit-form",
            "{\"variables\": {\"schoolInterventionOutcome\": {\"value\": \"refer-to-la\"}, \"caseReference\": {\"value\": \"AC-9999-000001\"}}}"),
        HttpStatus.BAD_REQUEST, "caseReference");
    // a school may not touch a task's variables at all; an administrator may, only the task's own
    refused(call("school2", HttpMethod.PUT, "/engine-rest/task/" + own.getId() + "/variables/pupilName",
            "{\"value\": \"Someone Else\", \"type\": \"String\"}"),
        HttpStatus.FORBIDDEN, "");
    refused(call("demo", HttpMethod.PUT, "/engine-rest/task/" + own.getId() + "/variables/pupilName",
            "{\"value\": \"Someone Else\", \"type\": \"String\"}"),
        HttpStatus.BAD_REQUEST, "pupilName: is not set by task Task_InterveneInSchool");
    refused(call("demo", HttpMethod.POST, "/engine-rest/task/" + own.getId() + "/variables",
            "{\"modifications\": {\"legalRoute\": {\"value\": \"prosecution\"}}}"),
        HttpStatus.BAD_REQUEST, "legalRoute");
    refused(call("demo", HttpMethod.PUT, "/engine-rest/task/" + own.getId() + "/localVariables/attendancePercent",
            "{\"value\": 0, \"type\": \"Double\"}"),
        HttpStatus.BAD_REQUEST, "attendancePercent");
    refused(call("demo", HttpMethod.DELETE, "/engine-rest/task/" + own.getId() + "/variables/level", null),
        HttpStatus.BAD_REQUEST, "level");
    refused(call("demo", HttpMethod.POST, complete,
            "{\"variables\": {\"schoolInterventionOutcome\": {\"value\": \"improved\"}, \"caseOutcome\": {\"value\": \"closed\"}}}"),
        HttpStatus.BAD_REQUEST, "caseOutcome");
    refused(call("school2", HttpMethod.POST, "/engine-rest/task/" + own.getId() + "/bpmnError",
            "{\"errorCode\": \"end\", \"variables\": {}}"),
        HttpStatus.BAD_REQUEST, "raises no BPMN error");

    assertThat(taskService.createTaskQuery().taskId(own.getId()).count()).as("the task stays open").isEqualTo(1);
    assertThat(variables(instance)).isEqualTo(before);

    // what the task owns is accepted, as before
    assertThat(call("school2", HttpMethod.POST, complete,
            "{\"variables\": {\"schoolInterventionOutcome\": {\"value\": \"refer-to-la\"}, \"schoolInterventionNotes\": {\"value\": \"Calls unanswered\"}}}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(variables(instance).get(AttendanceCase.SCHOOL_URN.name())).isEqualTo("100002");
  }

  /**
   * The engine's REST API takes the third Level 1 outcome: a completion without its reason or its
   * explanation is refused naming the field and changes nothing; with them the case closes
   * no-longer-needed; the case's outcome itself is never the school's to set.
   */
  @Test
  void aSchoolClosesItsCaseAsNoLongerNeededThroughTheApiWithItsReason() {
    ProcessInstance instance = openCase("AC-2026-610009", 1);
    Task own = task(instance);
    Map<String, String> before = variables(instance);
    String complete = "/engine-rest/task/" + own.getId() + "/complete";
    String why = "\"noLongerNeededExplanation\": {\"value\": \"Registered at Hillside School from 2 March\"}";

    refused(call("school2", HttpMethod.POST, complete,
            "{\"variables\": {\"schoolInterventionOutcome\": {\"value\": \"no-longer-needed\"}, " + why + "}}"),
        HttpStatus.BAD_REQUEST, "noLongerNeededReason");
    refused(call("school2", HttpMethod.POST, complete,
            "{\"variables\": {\"schoolInterventionOutcome\": {\"value\": \"no-longer-needed\"},"
                + " \"noLongerNeededReason\": {\"value\": \"left-school\"}}}"),
        HttpStatus.BAD_REQUEST, "noLongerNeededExplanation");
    refused(call("school2", HttpMethod.POST, complete,
            "{\"variables\": {\"schoolInterventionOutcome\": {\"value\": \"no-longer-needed\"},"
                + " \"noLongerNeededReason\": {\"value\": \"left-school\"}, " + why
                + ", \"caseOutcome\": {\"value\": \"improved\"}}}"),
        HttpStatus.BAD_REQUEST, "caseOutcome");
    assertThat(taskService.createTaskQuery().taskId(own.getId()).count()).as("the task stays open").isEqualTo(1);
    assertThat(variables(instance)).isEqualTo(before);

    assertThat(call("school2", HttpMethod.POST, complete,
            "{\"variables\": {\"schoolInterventionOutcome\": {\"value\": \"no-longer-needed\"},"
                + " \"noLongerNeededReason\": {\"value\": \"left-school\"}, " + why + "}}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(AttendanceCase.CASE_OUTCOME.name()).singleResult().getValue()).isEqualTo("no-longer-needed");
  }

  @Test
  void onlyAnAdministratorSetsACasesVariablesOrModifiesItsProcess() {
    ProcessInstance instance = openCase("AC-2026-610002", 2);
    Map<String, String> before = variables(instance);
    String id = instance.getId();
    refused(call("officer", HttpMethod.PUT, "/engine-rest/process-instance/" + id + "/variables/unauthorisedSessions",
            "{\"value\": 999, \"type\": \"Integer\"}"),
        HttpStatus.BAD_REQUEST, "unauthorisedSessions: a case's variables change only through its tasks");
    refused(call("officer", HttpMethod.POST, "/engine-rest/process-instance/" + id + "/variables",
            "{\"modifications\": {\"schoolUrn\": {\"value\": \"100001\"}}}"),
        HttpStatus.BAD_REQUEST, "schoolUrn");
    refused(call("officer", HttpMethod.DELETE, "/engine-rest/process-instance/" + id + "/variables/level", null),
        HttpStatus.BAD_REQUEST, "level");
    refused(call("officer", HttpMethod.PUT, "/engine-rest/execution/" + id + "/localVariables/level",
            "{\"value\": 5, \"type\": \"Integer\"}"),
        HttpStatus.BAD_REQUEST, "level");
    refused(call("officer", HttpMethod.POST, "/engine-rest/process-instance/" + id + "/modification",
            "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_HoldPupilPlanningMeeting\"}]}"),
        HttpStatus.FORBIDDEN, "only an administrator");
    refused(call("manager", HttpMethod.PUT, "/engine-rest/process-instance/" + id + "/variables/level",
            "{\"value\": 5, \"type\": \"Integer\"}"),
        HttpStatus.FORBIDDEN, "");
    assertThat(variables(instance)).isEqualTo(before);
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(AttendanceCase.HOLD_ATTENDANCE_MEETING.id());

    // the administrator keeps Cockpit's escape hatch
    assertThat(call("demo", HttpMethod.PUT, "/engine-rest/process-instance/" + id + "/variables/barriers",
            "{\"value\": \"Transport\", \"type\": \"String\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aWaitingCaseIsNotSignalledPastItsTimerAndAMessageCarriesOnlyItsOwnVariables() {
    ProcessInstance instance = openCase("AC-2026-610003", 2);
    taskService.complete(task(instance).getId(), VariableValues.with(AttendanceCase.ATTENDANCE_TARGET, 92.0));
    String waiting = runtimeService.createExecutionQuery().processInstanceId(instance.getId())
        .activityId(AttendanceCase.REVIEW_DATE_REACHED).singleResult().getId();
    refused(call("officer", HttpMethod.POST, "/engine-rest/execution/" + waiting + "/signal", "{}"),
        HttpStatus.FORBIDDEN, "only an administrator");
    refused(call("demo", HttpMethod.POST, "/engine-rest/message",
            "{\"messageName\": \"AttendanceUpdated\", \"businessKey\": \"AC-2026-610003\", \"processVariables\": {"
                + "\"attendancePercent\": {\"value\": 81.0, \"type\": \"Double\"}, \"unauthorisedSessions\": {\"value\": 5, \"type\": \"Integer\"},"
                + " \"schoolUrn\": {\"value\": \"100001\"}}}"),
        HttpStatus.BAD_REQUEST, "schoolUrn: is not carried by the message AttendanceUpdated");
    assertThat(runtimeService.getVariable(instance.getId(), AttendanceCase.SCHOOL_URN.name())).isEqualTo("100002");
    assertThat(runtimeService.createExecutionQuery().executionId(waiting).count()).isEqualTo(1);
  }

  @Test
  void tasklistsOwnApiRefusesAForeignVariableToo() {
    ProcessInstance instance = openCase("AC-2026-610004", 1);
    Task own = task(instance);
    HttpHeaders session = WebappSessions.tasklist(rest, "school2");
    session.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer =
        rest.exchange(
            "/camunda/api/engine/engine/default/task/" + own.getId() + "/submit-form",
            HttpMethod.POST,
            new HttpEntity<>(
                "{\"variables\": {\"schoolInterventionOutcome\": {\"value\": \"refer-to-la\"}, \"schoolUrn\": {\"value\": \"100001\"}}}",
                session),
            String.class);
    refused(answer, HttpStatus.BAD_REQUEST, "schoolUrn");
    assertThat(taskService.createTaskQuery().taskId(own.getId()).count()).isEqualTo(1);

    ResponseEntity<String> done =
        rest.exchange(
            "/camunda/api/engine/engine/default/task/" + own.getId() + "/submit-form",
            HttpMethod.POST,
            new HttpEntity<>("{\"variables\": {\"schoolInterventionOutcome\": {\"value\": \"refer-to-la\"}}}", session),
            String.class);
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aCaseFactChangesThroughARecordedCorrectionThatTheHistoryShows() throws Exception {
    ProcessInstance instance = openCase("AC-2026-610005", 1);
    String corrections = "/api/cases/AC-2026-610005/corrections";

    refused(call("school2", HttpMethod.POST, corrections, "{\"field\": \"pupilName\", \"value\": \"Samuel Pupil\", \"reason\": \"spelling\"}"),
        HttpStatus.FORBIDDEN, "");
    refused(call("manager", HttpMethod.POST, corrections, "{\"field\": \"pupilName\", \"value\": \"Samuel Pupil\", \"reason\": \"spelling\"}"),
        HttpStatus.FORBIDDEN, "");
    refused(call("officer", HttpMethod.POST, corrections, "{\"field\": \"pupilName\", \"value\": \"Samuel Pupil\"}"),
        HttpStatus.BAD_REQUEST, "\"field\":\"reason\"");
    refused(call("officer", HttpMethod.POST, corrections, "{\"field\": \"pupilUpn\", \"value\": \"B801200001001\", \"reason\": \"typo\"}"),
        HttpStatus.BAD_REQUEST, "check letter");
    refused(call("officer", HttpMethod.POST, corrections, "{\"field\": \"level\", \"value\": 5, \"reason\": \"x\"}"),
        HttpStatus.BAD_REQUEST, "\"field\":\"field\"");
    refused(call("officer", HttpMethod.POST, "/api/cases/AC-1999-000001/corrections",
            "{\"field\": \"pupilName\", \"value\": \"X\", \"reason\": \"x\"}"),
        HttpStatus.NOT_FOUND, "");

    ResponseEntity<String> corrected = call("officer", HttpMethod.POST, corrections,
        "{\"field\": \"pupilName\", \"value\": \"  Samuel Pupil \", \"reason\": \"Spelt wrongly in the referral\"}");
    assertThat(corrected.getStatusCode()).as(corrected.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(runtimeService.getVariable(instance.getId(), AttendanceCase.PUPIL_NAME.name())).isEqualTo("Samuel Pupil");
    // the case's parent is a person (issue #12 item 3): corrected under the person's id
    String alex = Parents.parse("parents", runtimeService.getVariable(instance.getId(), AttendanceCase.PARENTS.name()), java.time.ZoneId.of("Europe/London")).get(0).id();
    call("officer", HttpMethod.POST, corrections,
        "{\"field\": \"parents/" + alex + "/address\", \"value\": \"2 Low Road\", \"reason\": \"The family moved\"}");
    // the child's address for a penalty notice when the register has none (#12 item 10)
    assertThat(call("officer", HttpMethod.POST, corrections,
            "{\"field\": \"pupilAddress\", \"value\": \" 2 Low Road \", \"reason\": \"The family moved\"}").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(runtimeService.getVariable(instance.getId(), AttendanceCase.PUPIL_ADDRESS.name())).isEqualTo("2 Low Road");

    JsonNode summary = Json.MAPPER.readTree(call("officer", HttpMethod.GET, "/api/cases/AC-2026-610005", null).getBody());
    JsonNode correction = summary.path("history").findParents("event").stream()
        .filter(entry -> "fact-corrected".equals(entry.path("event").asText())).findFirst().orElseThrow();
    assertThat(correction.path("by").asText()).isEqualTo("officer");
    assertThat(correction.path("field").asText()).isEqualTo("pupilName");
    assertThat(correction.path("from").asText()).isEqualTo("Sam Pupil");
    assertThat(correction.path("to").asText()).isEqualTo("Samuel Pupil");
    assertThat(correction.path("reason").asText()).contains("Spelt wrongly in the referral").contains("Sam Pupil → Samuel Pupil");
    assertThat(correction.path("date").asText()).isNotBlank();
    assertThat(summary.path("pupilName").asText()).isEqualTo("Samuel Pupil");
    assertThat(Parents.parse("parents", runtimeService.getVariable(instance.getId(), AttendanceCase.PARENTS.name()), java.time.ZoneId.of("Europe/London")))
        .containsExactly(new Parent(alex, "Alex Parent", "2 Low Road"));

    // the whole list corrected with a parent new to it: that parent becomes a person, as at the start
    ResponseEntity<String> listed = call("officer", HttpMethod.POST, corrections,
        "{\"field\": \"parents\", \"value\": [{\"id\": \"" + alex + "\", \"name\": \"Alex Parent\", \"address\": \"2 Low Road\"},"
            + " {\"id\": \"parent-2\", \"name\": \"Jo Parent\", \"address\": \"2 Low Road\"}], \"reason\": \"Jo has parental responsibility\"}");
    assertThat(listed.getStatusCode()).as(listed.getBody()).isEqualTo(HttpStatus.OK);
    List<Parent> now = Parents.parse("parents", runtimeService.getVariable(instance.getId(), AttendanceCase.PARENTS.name()), java.time.ZoneId.of("Europe/London"));
    assertThat(now).hasSize(2);
    assertThat(now.get(0).id()).isEqualTo(alex);
    assertThat(uk.schoolattendance.persons.Persons.looksLikePersonId(now.get(1).id())).as(now.get(1).id()).isTrue();
    assertThat(call("officer", HttpMethod.GET, "/api/persons/" + now.get(1).id(), null).getBody()).contains("Jo Parent");
  }

  @Test
  void aCorrectedSchoolMovesTheCaseItsTaskAndWhoSeesIt() {
    ProcessInstance instance = openCase("AC-2026-610006", 1);
    assertThat(call("school2", HttpMethod.GET, "/api/cases/AC-2026-610006", null).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> moved = call("officer", HttpMethod.POST, "/api/cases/AC-2026-610006/corrections",
        "{\"field\": \"schoolUrn\", \"value\": \" 100001 \", \"reason\": \"The pupil changed school in September\"}");
    assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.OK);

    assertThat(runtimeService.getVariable(instance.getId(), AttendanceCase.SCHOOL_URN.name())).isEqualTo("100001");
    assertThat(call("school2", HttpMethod.GET, "/api/cases/AC-2026-610006", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call("school1", HttpMethod.GET, "/api/cases/AC-2026-610006", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(instance.getId()).groupIdIn(School.groupOf("100002")).count()).isZero();
    assertThat(call("school2", HttpMethod.GET, "/engine-rest/task?processInstanceId=" + instance.getId() + "&maxResults=10", null)
        .getBody()).isEqualTo("[]");
    assertThat(call("school2", HttpMethod.GET,
            "/engine-rest/history/variable-instance?variableName=schoolUrn&processInstanceId=" + instance.getId() + "&maxResults=10", null)
        .getBody()).isEqualTo("[]");
    // 100001 buys the traded service: its named officer now does the Level 1 work, alone (contract.md:
    // instead of the school; the officers' team is the fallback at Levels 2-3 only)
    Task level1 = task(instance);
    assertThat(taskService.getIdentityLinksForTask(level1.getId()))
        .extracting(link -> link.getGroupId() == null ? "user:" + link.getUserId() : "group:" + link.getGroupId())
        .containsExactly("user:officer");
  }


}
