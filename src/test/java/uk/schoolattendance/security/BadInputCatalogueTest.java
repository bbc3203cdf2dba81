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
  @Autowired org.camunda.bpm.engine.ManagementService managementService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired uk.schoolattendance.notices.PenaltyNoticeNumbers noticeNumbers;

  static final String PARENTS = "[{\"id\":\"P1\",\"name\":\"Alex Parent\",\"address\":\"1 High Street\"}]";
  static final String ATTENDANCE_MEETING = "{Task_HoldAttendanceMeeting}";
  static final String PLANNING_MEETING = "{Task_HoldPupilPlanningMeeting}";
  static final String CASE = "AC-2026-800001";
  static final String NOTICE = "{notice}";
  static final String WITHDRAWN = "{withdrawn}";
  static final String MAIN_DEPLOYMENT = "{main-deployment}";
  static final String CASE_INSTANCE = "{caseInstance}";

  String deploymentId;
  String taskId;
  final Map<String, String> placeholders = new java.util.HashMap<>();

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
    cases.add(bad("start: very long pupil name", post, start, variables("pupilName", "\"" + LONG + "\"", "String"), 400, "Pupil's name (pupilName): must be at most 4000 characters"));
    cases.add(bad("start: very long variable name", post, start, variables("v" + "x".repeat(300), "\"a\"", "String"), 400, "variable name"));
    cases.add(bad("start: very long business key", post, start, "{\"businessKey\": \"" + "K".repeat(300) + "\"}", 400, "businessKey"));
    cases.add(bad("start: expression in pupil name", post, start, variables("pupilName", "\"${runtimeService.toString()}\"", "String"), 400, "Pupil's name (pupilName): must not contain an expression"));
    cases.add(bad("start: deferred expression in pupil name", post, start, variables("pupilName", "\"#{1+1}\"", "String"), 400, "Pupil's name (pupilName): must not contain an expression"));
    cases.add(bad("start: <script> in pupil name", post, start, variables("pupilName", "\"<script>alert(1)</script>\"", "String"), 400, "Pupil's name (pupilName): must not contain HTML"));
    cases.add(bad("start: markup in business key", post, start, "{\"businessKey\": \"<img src=x onerror=alert(1)>\"}", 400, "businessKey"));
    cases.add(badAs("school1", "start: a school opens a case for another school", post, start, variables("schoolUrn", "\"100002\"", "String"), 403, "School URN (schoolUrn): a school may open cases only for its own pupils"));

    // Starting an AttendanceCase: one bad field in an otherwise valid start
    cases.add(bad("case: missing pupil UPN", post, start, caseStart("pupilUpn", null), 400, "Unique Pupil Number (UPN) (pupilUpn): is required"));
    cases.add(bad("case: UPN with a wrong check letter", post, start, caseStart("pupilUpn", "\"B801200001001\""), 400, "Unique Pupil Number (UPN) (pupilUpn):"));
    cases.add(bad("case: UPN too short", post, start, caseStart("pupilUpn", "\"H8012\""), 400, "Unique Pupil Number (UPN) (pupilUpn):"));
    cases.add(bad("case: missing pupil name", post, start, caseStart("pupilName", null), 400, "Pupil's name (pupilName): is required"));
    cases.add(bad("case: school URN not 6 digits", post, start, caseStart("schoolUrn", "\"12ab\""), 400, "School URN (schoolUrn):"));
    cases.add(bad("case: school not served", post, start, caseStart("schoolUrn", "\"999999\""), 400, "School URN (schoolUrn):"));
    cases.add(bad("case: unknown route", post, start, caseStart("route", "\"holiday\""), 400, "Route (route):"));
    cases.add(bad("case: entry level out of range", post, start, caseStart("entryLevel", "9"), 400, "Start at level (entryLevel):"));
    cases.add(bad("case: attendance above 100 %", post, start, caseStart("attendancePercent", "100.5"), 400, "Attendance (%) (attendancePercent):"));
    cases.add(bad("case: negative attendance", post, start, caseStart("attendancePercent", "-1"), 400, "Attendance (%) (attendancePercent):"));
    cases.add(bad("case: negative unauthorised sessions", post, start, caseStart("unauthorisedSessions", "-3"), 400, "Unauthorised sessions in the last 10 school weeks (unauthorisedSessions):"));
    cases.add(bad("case: no parent", post, start, caseStart("parents", "\"[]\""), 400, "parents:"));
    cases.add(bad("case: parents not JSON", post, start, caseStart("parents", "\"Alex and Sam\""), 400, "parents"));
    cases.add(bad("case: expression in pupil name", post, start, caseStart("pupilName", "\"${1+1}\""), 400, "Pupil's name (pupilName): must not contain an expression"));
    cases.add(bad("case: Markdown link as pupil name", post, start, caseStart("pupilName", "\"[Sign in again](https://example.org/login)\""), 400, "Pupil's name (pupilName): names hold letters, spaces, hyphens, apostrophes and full stops"));
    cases.add(bad("case: Markdown link as a parent's name", post, start,
        caseStart("parents", "\"[{\\\"id\\\":\\\"P1\\\",\\\"name\\\":\\\"[Sign in](https://example.org)\\\",\\\"address\\\":\\\"1 High Street\\\"}]\""), 400, "parents: names hold letters"));
    cases.add(bad("case: reference already in use", post, start, caseStart(null, null).replace("{\"variables\"", "{\"businessKey\": \"" + CASE + "\", \"variables\""), 400, "businessKey:"));
    cases.add(badAs("school2", "case: a school opens a valid case for another school", post, start, caseStart(null, null), 403, "School URN (schoolUrn): a school may open cases only for its own pupils"));
    cases.add(badAs("school1", "case: a school chooses the next case reference", post, start,
        caseStart(null, null).replace("{\"variables\"", "{\"businessKey\": \"AC-2026-000999\", \"variables\""), 400, "businessKey: references are given by the application"));
    cases.add(badAs("officer", "case: an officer chooses a case reference", post, start,
        caseStart(null, null).replace("{\"variables\"", "{\"businessKey\": \"AC-2027-000001\", \"variables\""), 400, "businessKey: references are given by the application"));
    cases.add(badAs("compliance", "notice: a penalty notice started directly, with a chosen number", post, "/engine-rest/process-definition/key/PenaltyNotice/start",
        "{\"businessKey\": \"PN-2026-000999\", \"variables\": {}}", 400, "PenaltyNotice is started from the pupil's attendance case"));

    // The project's API for cases
    String apiCases = "/api/cases";
    cases.add(bad("api case: body not JSON", post, apiCases, "{pupilUpn", 400, "body"));
    cases.add(bad("api case: body a list", post, apiCases, "[]", 400, "body"));
    cases.add(bad("api case: unknown route", post, apiCases, apiCase("route", "\"holiday\""), 400, "route"));
    cases.add(bad("api case: attendance not a number", post, apiCases, apiCase("attendancePercent", "\"high\""), 400, "attendancePercent"));
    cases.add(bad("api case: very long pupil name", post, apiCases, apiCase("pupilName", "\"" + LONG + "\""), 400, "pupilName"));
    cases.add(bad("api case: <script> in pupil name", post, apiCases, apiCase("pupilName", "\"<script>alert(1)</script>\""), 400, "Pupil's name (pupilName): must not contain HTML"));
    cases.add(bad("api case: Markdown emphasis in pupil name", post, apiCases, apiCase("pupilName", "\"**Sam** Pupil\""), 400, "Pupil's name (pupilName): names hold letters"));
    cases.add(bad("api case: markup in the case reference", post, apiCases, apiCase("caseReference", "\"<b>AC</b>\""), 400, "businessKey"));
    cases.add(badAs("school2", "api case: a school opens a case for another school", post, apiCases, apiCase(null, null), 403, "schoolUrn: a school may open cases only for its own pupils"));
    cases.add(badAs("school1", "api case: a school chooses the case reference", post, apiCases, apiCase("caseReference", "\"AC-2026-000998\""), 400, "references are given by the application"));
    cases.add(bad("api case: unknown reference", get, "/api/cases/AC-1999-000001", null, 404, "AC-1999-000001"));
    cases.add(badAs("school1", "api case: another school's case", get, "/api/cases/" + CASE, null, 404, CASE));
    cases.add(badAs("officer", "api: timers recalculated by a non-administrator", post, "/api/calendar/recalculate-timers", "{}", 403, ""));

    // Decisions taken in the case's tasks
    String meeting = "/engine-rest/task/" + ATTENDANCE_MEETING + "/complete";
    String planning = "/engine-rest/task/" + PLANNING_MEETING + "/complete";
    cases.add(badAs("officer", "decision: attendance target missing", post, meeting, "{}", 400, "attendanceTarget"));
    cases.add(badAs("officer", "decision: attendance target above 100", post, meeting, variables("attendanceTarget", "150", "Double"), 400, "attendanceTarget"));
    cases.add(badAs("senior", "decision: legal route missing", post, planning, "{}", 400, "legalRoute"));
    cases.add(badAs("senior", "decision: legal route not in the list", post, planning, variables("legalRoute", "\"fine\"", "String"), 400, "legalRoute"));
    cases.add(badAs("officer", "decision: an officer takes a senior practitioner's decision", post, planning, variables("legalRoute", "\"prosecution\"", "String"), 403, ""));

    // Messages to a case
    cases.add(bad("message: attendance above 100 %", post, message,
        "{\"messageName\": \"AttendanceUpdated\", \"businessKey\": \"" + CASE + "\", \"processVariables\": {\"attendancePercent\": {\"value\": 150.0, \"type\": \"Double\"}, \"unauthorisedSessions\": {\"value\": 3, \"type\": \"Integer\"}}}",
        400, "attendancePercent"));
    cases.add(bad("message: negative unauthorised sessions", post, message,
        "{\"messageName\": \"AttendanceUpdated\", \"businessKey\": \"" + CASE + "\", \"processVariables\": {\"attendancePercent\": {\"value\": 80.0, \"type\": \"Double\"}, \"unauthorisedSessions\": {\"value\": -1, \"type\": \"Integer\"}}}",
        400, "unauthorisedSessions"));
    cases.add(bad("message: case closed without a reason", post, message,
        "{\"messageName\": \"CaseClosed\", \"businessKey\": \"" + CASE + "\"}", 400, "closureReason"));
    cases.add(bad("message: update for an unknown case", post, message,
        "{\"messageName\": \"AttendanceUpdated\", \"businessKey\": \"AC-1999-000001\"}", 400, "AttendanceUpdated"));

    // Penalty notices: payments and withdrawals (PenaltyNoticePaid / PenaltyNoticeWithdrawn)
    cases.add(bad("payment: negative amount", post, message, payment(NOTICE, "-80.0", null), 400, "amountPaid"));
    cases.add(bad("payment: part payment", post, message, payment(NOTICE, "50.0", null), 400, "amountPaid: must be exactly"));
    cases.add(bad("payment: amount missing", post, message, payment(NOTICE, null, null), 400, "amountPaid"));
    cases.add(bad("payment: amount not a number", post, message, payment(NOTICE, "\"eighty\"", null), 400, "amountPaid"));
    cases.add(bad("payment: paid in the future", post, message, payment(NOTICE, "80.0", "\"2099-01-01\""), 400, "paidOn"));
    cases.add(bad("payment: paid on no date", post, message, payment(NOTICE, "80.0", "\"last Tuesday\""), 400, "paidOn"));
    cases.add(bad("payment: on a withdrawn notice", post, message, payment(WITHDRAWN, "80.0", null), 400, "PenaltyNoticePaid"));
    cases.add(badAs("school1", "payment: recorded by a school", post, message, payment(NOTICE, "80.0", null), 403, ""));
    cases.add(bad("withdrawal: no reason", post, message,
        "{\"messageName\": \"PenaltyNoticeWithdrawn\", \"businessKey\": \"" + NOTICE + "\"}", 400, "withdrawalReason"));
    cases.add(bad("withdrawal: <script> in the reason", post, message,
        "{\"messageName\": \"PenaltyNoticeWithdrawn\", \"businessKey\": \"" + NOTICE + "\", \"processVariables\": {\"withdrawalReason\": {\"value\": \"<script>alert(1)</script>\", \"type\": \"String\"}}}",
        400, "withdrawalReason: must not contain HTML"));

    // The register: filters and paging, one notice, its letter, payments through /api
    String register = "/api/penalty-notices";
    cases.add(bad("register: unknown status", get, register + "?status=lost", null, 400, "status"));
    cases.add(bad("register: page size too large", get, register + "?size=1000", null, 400, "size"));
    cases.add(bad("register: page size zero", get, register + "?size=0", null, 400, "size"));
    cases.add(bad("register: negative page", get, register + "?page=-1", null, 400, "page"));
    cases.add(bad("register: page not a number", get, register + "?page=first", null, 400, "page"));
    cases.add(bad("register: UPN malformed", get, register + "?pupilUpn=123", null, 400, "pupilUpn"));
    cases.add(bad("register: very long UPN", get, register + "?pupilUpn=" + "A".repeat(3000), null, 400, "pupilUpn"));
    cases.add(bad("register: <script> as case reference", get, register + "?caseReference=%3Cscript%3E", null, 400, "caseReference"));
    cases.add(bad("register: expression as parent", get, register + "?parentId=%24%7B1%2B1%7D", null, 400, "parentId"));
    cases.add(bad("register: malformed notice number", get, register + "/PN-26-1", null, 400, "noticeNumber"));
    cases.add(bad("register: unknown notice", get, register + "/PN-2099-999999", null, 404, ""));
    cases.add(badAs("school2", "register: another school's notice", get, register + "/" + NOTICE, null, 404, ""));
    cases.add(badAs("school2", "register: another school's letter", get, register + "/" + NOTICE + "/letter", null, 404, ""));
    cases.add(badAs("school2", "register: paying another school's notice", post, register + "/" + NOTICE + "/payments", "{\"amountPaid\": 80.0}", 404, ""));
    cases.add(badAs("manager", "register: a manager records a payment", post, register + "/" + NOTICE + "/payments", "{\"amountPaid\": 80.0}", 403, ""));
    cases.add(bad("register: payment without an amount", post, register + "/" + NOTICE + "/payments", "{\"paidOn\": \"2026-11-05\"}", 400, "amountPaid"));
    cases.add(bad("register: payment body not JSON", post, register + "/" + NOTICE + "/payments", "80 pounds", 400, "body"));
    cases.add(bad("register: part payment", post, register + "/" + NOTICE + "/payments", "{\"amountPaid\": 40.0}", 400, "amountPaid"));

    // Persons: reading one, and an officer's merge of two records of one parent (issue #12 item 3)
    String persons = "/api/persons";
    String merge = persons + "/P-999999999/merge";
    cases.add(bad("persons: unknown person", get, persons + "/P-999999999", null, 404, ""));
    cases.add(bad("persons: merge without a reason", post, merge, "{\"otherPersonId\": \"P-999999998\"}", 400, "reason"));
    cases.add(bad("persons: expression as the other person", post, merge, "{\"otherPersonId\": \"${1+1}\", \"reason\": \"One parent\"}", 400, "otherPersonId"));
    cases.add(bad("persons: merge body not JSON", post, merge, "the same parent", 400, "body"));
    cases.add(bad("persons: merge into an unknown person", post, merge, "{\"otherPersonId\": \"P-999999998\", \"reason\": \"One parent\"}", 404, ""));
    cases.add(badAs("officer", "persons: an attendance officer merges", post, merge, "{\"otherPersonId\": \"P-999999998\", \"reason\": \"One parent\"}", 403, ""));
    cases.add(badAs("school1", "persons: a school merges", post, merge, "{\"otherPersonId\": \"P-999999998\", \"reason\": \"One parent\"}", 403, ""));

    // The census report
    String census = "/api/reports/parental-responsibility-measures";
    cases.add(bad("census: academic year missing", get, census, null, 400, "academicYear"));
    cases.add(bad("census: academic year a single year", get, census + "?academicYear=2026", null, 400, "academicYear"));
    cases.add(bad("census: years not consecutive", get, census + "?academicYear=2026-28", null, 400, "academicYear"));
    cases.add(bad("census: <script> as academic year", get, census + "?academicYear=%3Cscript%3E", null, 400, "academicYear"));
    cases.add(badAs("school1", "census: asked by a school", get, census + "?academicYear=2026-27", null, 403, ""));

    // Closed cases by outcome
    String closed = "/api/reports/closed-cases";
    cases.add(bad("closed cases: from not a real day", get, closed + "?from=2027-02-31", null, 400, "from"));
    cases.add(bad("closed cases: <script> as to", get, closed + "?to=%3Cscript%3E", null, 400, "to"));
    cases.add(bad("closed cases: to before from", get, closed + "?from=2027-03-01&to=2027-02-01", null, 400, "to"));
    cases.add(badAs("analyst", "closed cases: asked by an analyst", get, closed, null, 403, ""));

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

    // Malformed requests: each a 4xx naming the problem, never a 500 or an empty 400
    String setNote = "/engine-rest/task/" + TASK + "/variables/note";
    cases.add(bad("query: negative firstResult", get, "/engine-rest/task?firstResult=-5&maxResults=10", null, 400, "firstResult: must be 0 or more"));
    cases.add(bad("query: negative maxResults", get, "/engine-rest/task?maxResults=-1", null, 400, "maxResults: must be 0 or more"));
    cases.add(bad("query: negative maxResults in history", get, "/engine-rest/history/task?maxResults=-1", null, 400, "maxResults: must be 0 or more"));
    cases.add(bad("deployment: created without a body", post, "/engine-rest/deployment/create", null, 415, "multipart/form-data"));
    cases.add(bad("attachment: created without a body", post, "/engine-rest/task/" + TASK + "/attachment/create", null, 415, "multipart/form-data"));
    cases.add(bad("body: 20 MB", post, "/engine-rest/task/" + TASK + "/variables", "{\"modifications\": {\"note\": {\"value\": \"" + "a".repeat(20_000_000) + "\"}}}", 413, "at most"));
    cases.add(bad("body: 20 MB to the project's API", post, "/api/cases", "{\"pupilName\": \"" + "a".repeat(20_000_000) + "\"}", 413, "at most"));
    cases.add(bad("body: deeply nested arrays", post, "/engine-rest/task/" + TASK + "/variables", "[".repeat(5000) + "]".repeat(5000), 400, "body: nested"));
    cases.add(bad("body: deeply nested objects", post, "/engine-rest/task/" + TASK + "/variables", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), 400, "body: nested"));
    cases.add(bad("body: NaN", put, setNote, "{\"value\": NaN, \"type\": \"Double\"}", 400, "body: is not valid JSON"));
    cases.add(bad("body: NaN as text of a Double", put, setNote, "{\"value\": \"NaN\", \"type\": \"Double\"}", 400, "note: must be a number"));
    cases.add(bad("text: NUL character", put, setNote, "{\"value\": \"Sam\\u0000Pupil\", \"type\": \"String\"}", 400, "note: must not contain"));
    cases.add(bad("text: lone surrogate", put, setNote, "{\"value\": \"Sam\\ud800Pupil\", \"type\": \"String\"}", 400, "note: must not contain"));
    cases.add(bad("variable name: expression", post, "/engine-rest/task/" + TASK + "/variables", "{\"modifications\": {\"${level}\": {\"value\": \"a\"}}}", 400, "variable name"));
    cases.add(bad("variable name: markup", post, "/engine-rest/task/" + TASK + "/variables", "{\"modifications\": {\"<b>x</b>\": {\"value\": \"a\"}}}", 400, "variable name"));
    cases.add(bad("variable name: markup in the path", put, "/engine-rest/task/" + TASK + "/variables/%3Cb%3E", "{\"value\": \"a\", \"type\": \"String\"}", 400, "variable name"));
    cases.add(bad("variable: File", put, setNote, "{\"value\": \"aGVsbG8=\", \"type\": \"File\", \"valueInfo\": {\"filename\": \"x.txt\"}}", 400, "note: type File is not accepted"));
    cases.add(bad("variable: Bytes", put, setNote, "{\"value\": \"aGVsbG8=\", \"type\": \"Bytes\"}", 400, "note: type Bytes is not accepted"));
    cases.add(bad("variable: Object as JSON of a Java class", put, setNote,
        "{\"value\": \"\\\"/tmp\\\"\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.io.File\", \"serializationDataFormat\": \"application/json\"}}", 400, "note: type Object is not accepted"));
    cases.add(bad("variable: binary upload", post, setNote + "/data", null, 400, "file and binary variables are not accepted"));
    cases.add(bad("date: year 99999", put, setNote, "{\"value\": \"99999-01-01T00:00:00.000+0000\", \"type\": \"Date\"}", 400, "note: must be a date with a four-digit year"));
    cases.add(bad("date: due date in year 99999", put, "/engine-rest/task/" + TASK, "{\"name\": \"x\", \"due\": \"99999-01-01T00:00:00.000+0000\"}", 400, "due: must be a date with a four-digit year"));
    cases.add(bad("payment: amount as text", post, message, payment(NOTICE, "\"80.00\"", null), 400, "amountPaid: must be a number"));
    cases.add(bad("register: amount as text", post, register + "/" + NOTICE + "/payments", "{\"amountPaid\": \"80.00\"}", 400, "amountPaid"));
    cases.add(bad("register: amount NaN", post, register + "/" + NOTICE + "/payments", "{\"amountPaid\": \"NaN\"}", 400, "amountPaid"));
    cases.add(bad("deployment: deleting the application's own, cases running", HttpMethod.DELETE, "/engine-rest/deployment/" + MAIN_DEPLOYMENT, null, 400, "deployment: "));
    // Issue #11, hole 1: a completion sets only what its task owns; nobody rewrites a case through the side door
    String meetingForm = "/engine-rest/task/" + ATTENDANCE_MEETING + "/submit-form";
    String caseInstance = "/engine-rest/process-instance/" + CASE_INSTANCE;
    String corrections = "/api/cases/" + CASE + "/corrections";
    cases.add(badAs("officer", "hole 1: a completion takes another task's decision", post, meeting,
        "{\"variables\": {\"attendanceTarget\": {\"value\": 92.0, \"type\": \"Double\"}, \"legalRoute\": {\"value\": \"prosecution\"}}}",
        400, "legalRoute: is not set by task Task_HoldAttendanceMeeting"));
    cases.add(badAs("officer", "hole 1: a completion moves the pupil to another school", post, meeting,
        "{\"variables\": {\"attendanceTarget\": {\"value\": 92.0, \"type\": \"Double\"}, \"schoolUrn\": {\"value\": \"100001\"}}}",
        400, "schoolUrn: is not set by task"));
    cases.add(badAs("officer", "hole 1: a form submission renames the pupil", post, meetingForm,
        "{\"variables\": {\"attendanceTarget\": {\"value\": 92.0}, \"pupilName\": {\"value\": \"Someone Else\"}}}",
        400, "pupilName: is not set by task"));
    cases.add(bad("hole 1: even an administrator sets only a task's own variables on it", put,
        "/engine-rest/task/" + ATTENDANCE_MEETING + "/variables/unauthorisedSessions", "{\"value\": 999, \"type\": \"Integer\"}",
        400, "unauthorisedSessions: is not set by task"));
    cases.add(badAs("officer", "hole 1: a case variable set directly", put, caseInstance + "/variables/unauthorisedSessions",
        "{\"value\": 999, \"type\": \"Integer\"}", 400, "unauthorisedSessions: a case's variables change only through"));
    cases.add(badAs("officer", "hole 1: case variables patched directly", post, caseInstance + "/variables",
        "{\"modifications\": {\"caseReference\": {\"value\": \"AC-2099-000001\"}}}", 400, "caseReference"));
    cases.add(badAs("officer", "hole 1: a case variable removed directly", HttpMethod.DELETE, caseInstance + "/variables/level",
        null, 400, "level"));
    cases.add(badAs("officer", "hole 1: the case's process modified by an officer", post, caseInstance + "/modification",
        "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_HoldPupilPlanningMeeting\"}]}",
        403, "only an administrator"));
    cases.add(bad("hole 1: a message carrying a variable that is not its own", post, message,
        "{\"messageName\": \"AttendanceUpdated\", \"businessKey\": \"" + CASE + "\", \"processVariables\": {\"attendancePercent\": {\"value\": 80.0, \"type\": \"Double\"}, \"unauthorisedSessions\": {\"value\": 3, \"type\": \"Integer\"}, \"legalRoute\": {\"value\": \"prosecution\"}}}",
        400, "legalRoute: is not carried by the message AttendanceUpdated"));
    cases.add(badAs("school2", "hole 1: a school corrects a case", post, corrections,
        "{\"field\": \"pupilName\", \"value\": \"Sam Other\", \"reason\": \"x\"}", 403, ""));
    cases.add(badAs("manager", "hole 1: a manager corrects a case", post, corrections,
        "{\"field\": \"pupilName\", \"value\": \"Sam Other\", \"reason\": \"x\"}", 403, ""));
    cases.add(badAs("officer", "hole 1: a correction without a reason", post, corrections,
        "{\"field\": \"pupilName\", \"value\": \"Sam Other\"}", 400, "reason"));
    cases.add(badAs("officer", "hole 1: a correction with a UPN a case refuses", post, corrections,
        "{\"field\": \"pupilUpn\", \"value\": \"B801200001001\", \"reason\": \"typo\"}", 400, "pupilUpn: check letter is wrong"));
    cases.add(badAs("officer", "hole 1: a correction of what is not a fact", post, corrections,
        "{\"field\": \"caseOutcome\", \"value\": \"closed\", \"reason\": \"x\"}", 400, "field"));

    // Issue #11, hole 3: inputs are normalised (trimmed) or refused before any rule reads them
    cases.add(badAs("school1", "hole 3: a padded URN of another school", post, start, caseStart("schoolUrn", "\" 100002\""),
        403, "School URN (schoolUrn): a school may open cases only for its own pupils"));
    cases.add(badAs("school1", "hole 3: api case with a padded URN of another school", post, apiCases,
        apiCase("schoolUrn", "\"100002 \""), 403, "schoolUrn"));
    cases.add(bad("hole 3: a padded URN of no school served", post, start, caseStart("schoolUrn", "\" 999999 \""),
        400, "School URN (schoolUrn): no school with URN 999999"));
    cases.add(bad("hole 3: a penalty notice for a UPN a case refuses, started directly", post,
        "/engine-rest/process-definition/key/PenaltyNotice/start", noticeStart("B801200001001"), 400, "PenaltyNotice is started from the pupil's attendance case"));

    // The project's API
    cases.add(bad("api: unknown path", get, "/api/reports/no-such-report", null, 404, "no-such-report"));
    cases.add(bad("api: wrong method", post, "/api/reports/dashboard", "{}", 405, "POST"));
    return cases.stream();
  }

  /** A PenaltyNoticePaid message; null leaves a variable out. */
  static String payment(String notice, String amount, String paidOn) {
    StringBuilder variables = new StringBuilder();
    if (amount != null) {
      variables.append("\"amountPaid\": {\"value\": ").append(amount).append(", \"type\": \"")
          .append(amount.startsWith("\"") ? "String" : "Double").append("\"}");
    }
    if (paidOn != null) {
      variables.append(variables.isEmpty() ? "" : ", ").append("\"paidOn\": {\"value\": ").append(paidOn).append(", \"type\": \"String\"}");
    }
    return "{\"messageName\": \"PenaltyNoticePaid\", \"businessKey\": \"" + notice + "\", \"processVariables\": {" + variables + "}}";
  }

  /** A PenaltyNotice start as the case passes it (docs/adr/0002), for this UPN. */
  static String noticeStart(String upn) {
    StringBuilder body = new StringBuilder("{\"variables\": {");
    String separator = "";
    for (Map.Entry<String, Object> input : uk.schoolattendance.notices.NoticeInputs.inputs("CAT-P9", upn, "other").entrySet()) {
      Object value = input.getValue();
      body.append(separator).append("\"").append(input.getKey()).append("\": {\"value\": ")
          .append(value instanceof Number ? value.toString() : "\"" + value + "\"").append("}");
      separator = ", ";
    }
    return body.append("}}").toString();
  }

  /** A valid AttendanceCase start for school 100001 with one variable replaced (null: left out). */
  static String caseStart(String name, String json) {
    Map<String, String[]> fields = new java.util.LinkedHashMap<>();
    // a pupil of its own: a pupil has one open case at a time
    fields.put("pupilUpn", new String[] {"\"" + uk.schoolattendance.casework.CaseFixtures.newUpn() + "\"", "String"});
    fields.put("pupilName", new String[] {"\"Sam Pupil\"", "String"});
    fields.put("schoolUrn", new String[] {"\"100001\"", "String"});
    fields.put("route", new String[] {"\"support-first\"", "String"});
    fields.put("entryLevel", new String[] {"1", "Integer"});
    fields.put("attendancePercent", new String[] {"80.0", "Double"});
    fields.put("unauthorisedSessions", new String[] {"12", "Integer"});
    fields.put("parents", new String[] {"\"" + PARENTS.replace("\"", "\\\"") + "\"", "Json"});
    StringBuilder body = new StringBuilder("{\"variables\": {");
    String separator = "";
    for (Map.Entry<String, String[]> field : fields.entrySet()) {
      String value = field.getValue()[0];
      if (field.getKey().equals(name)) {
        if (json == null) {
          continue;
        }
        value = json;
      }
      body.append(separator).append("\"").append(field.getKey()).append("\": {\"value\": ").append(value)
          .append(", \"type\": \"").append(field.getValue()[1]).append("\"}");
      separator = ", ";
    }
    return body.append("}}").toString();
  }

  /** A valid {@code POST /api/cases} body for school 100001 with one field replaced (null: left out). */
  static String apiCase(String name, String json) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("pupilUpn", "\"" + uk.schoolattendance.casework.CaseFixtures.newUpn() + "\""); // a pupil of its own
    fields.put("pupilName", "\"Sam Pupil\"");
    fields.put("schoolUrn", "\"100001\"");
    fields.put("attendancePercent", "72.5");
    fields.put("unauthorisedSessions", "11");
    fields.put("parents", "[{\"name\": \"Alex Parent\", \"address\": \"1 High Street\"}]");
    if (name != null) {
      fields.put(name, json);
    }
    return fields.entrySet().stream()
        .filter(field -> field.getValue() != null)
        .map(field -> "\"" + field.getKey() + "\": " + field.getValue())
        .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
  }

  @BeforeAll
  void deployProbe() {
    deploymentId = Probes.deploy(repositoryService, PROBE, Probes.schoolTask(PROBE));
    runtimeService.startProcessInstanceByKey(PROBE, "CASE-PROBE-1", Map.of("schoolUrn", "100001"));
    taskId = taskService.createTaskQuery().processDefinitionKey(PROBE).singleResult().getId();
    placeholders.put(TASK, taskId);
    placeholders.put(CASE_INSTANCE, startCase(CASE, 1));
    // a traded school's Level 2 work: its named officer's (issue #12 item 16)
    placeholders.put(ATTENDANCE_MEETING, taskOf(startCase("AC-2026-800002", 2, "100001")));
    placeholders.put(PLANNING_MEETING, taskOf(startCase("AC-2026-800004", 4)));
    placeholders.put(NOTICE, issueNotice("CAT-P1", "V905456789012"));
    String withdrawn = issueNotice("CAT-P2", "Z906456789012");
    runtimeService
        .createMessageCorrelation("PenaltyNoticeWithdrawn")
        .processInstanceBusinessKey(withdrawn)
        .setVariable("withdrawalReason", "Issued to the wrong parent")
        .correlate();
    placeholders.put(WITHDRAWN, withdrawn);
    placeholders.put(
        MAIN_DEPLOYMENT,
        repositoryService.createProcessDefinitionQuery().processDefinitionKey("AttendanceCase").latestVersion().singleResult().getDeploymentId());
  }

  /** A penalty notice of school 100001, issued and awaiting payment. */
  private String issueNotice(String parent, String upn) {
    String number = noticeNumbers.next();
    String id =
        runtimeService
            .startProcessInstanceByKey("PenaltyNotice", number, uk.schoolattendance.notices.NoticeInputs.inputs(parent, upn, "other"))
            .getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(id).singleResult().getId());
    uk.schoolattendance.notices.NoticeInputs.post(taskService, id);
    return number;
  }

  private String startCase(String reference, int entryLevel) {
    return startCase(reference, entryLevel, "100002");
  }

  private String startCase(String reference, int entryLevel, String school) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("pupilUpn", uk.schoolattendance.casework.CaseFixtures.newUpn()); // one open case per pupil
    variables.put("pupilName", "Sam Pupil");
    variables.put("schoolUrn", school);
    variables.put("entryLevel", entryLevel);
    variables.put("attendancePercent", 80.0);
    variables.put("unauthorisedSessions", 12);
    variables.put("parents", org.camunda.spin.plugin.variable.SpinValues.jsonValue(PARENTS).create());
    return runtimeService.startProcessInstanceByKey("AttendanceCase", reference, variables).getId();
  }

  private String taskOf(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
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
            resolve(input.path()),
            input.method(),
            new HttpEntity<>(input.body() == null ? null : resolve(input.body()), jsonHeaders(basic(input.user(), input.user()))),
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

  private String resolve(String path) {
    String resolved = path;
    for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
      resolved = resolved.replace(placeholder.getKey(), placeholder.getValue());
    }
    return resolved;
  }

  /** What a refused request must leave untouched. */
  record State(
      List<String> register,
      long payments,
      long instances,
      long historicInstances,
      List<String> openTasks,
      String probeTask,
      Map<String, String> probeVariables,
      Map<String, String> caseVariables) {}

  State state() {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    return new State(
        jdbc.queryForList("SELECT notice_number || ' ' || status FROM pn_notice ORDER BY notice_number", String.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM pn_payment", Long.class),
        runtimeService.createProcessInstanceQuery().count(),
        historyService.createHistoricProcessInstanceQuery().count(),
        taskService.createTaskQuery().orderByTaskId().asc().listPage(0, 1000).stream()
            .map(t -> t.getId() + "/" + t.getAssignee())
            .toList(),
        task == null ? "gone" : task.getAssignee() + "/" + task.getDueDate() + "/" + task.getName(),
        text(runtimeService.getVariables(task == null ? "" : task.getProcessInstanceId())),
        text(runtimeService.getVariables(
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(CASE).singleResult().getId())));
  }

  /** Variables as text (Json values have no equals). */
  private static Map<String, String> text(Map<String, Object> variables) {
    Map<String, String> text = new java.util.TreeMap<>();
    variables.forEach((name, value) -> text.put(name, String.valueOf(value)));
    return text;
  }
}
