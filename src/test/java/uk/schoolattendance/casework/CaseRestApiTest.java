package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;

/**
 * The case through the engine REST API and the project's API, as clients and Tasklist use them:
 * bad input is answered 400 naming the variable and moves nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseRestApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  private static final String PARENTS =
      "[{\\\"id\\\":\\\"P1\\\",\\\"name\\\":\\\"Alex Parent\\\",\\\"address\\\":\\\"1 High Street\\\"}]";

  private TestRestTemplate demo() {
    return rest.withBasicAuth("demo", "demo");
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static String startBody(String businessKey, String upn, String urn, double percent, int entryLevel) {
    return "{\"businessKey\":\"" + businessKey + "\",\"variables\":{"
        + "\"pupilUpn\":{\"value\":\"" + upn + "\",\"type\":\"String\"},"
        + "\"pupilName\":{\"value\":\"Sam Pupil\",\"type\":\"String\"},"
        + "\"schoolUrn\":{\"value\":\"" + urn + "\",\"type\":\"String\"},"
        + "\"entryLevel\":{\"value\":" + entryLevel + ",\"type\":\"Integer\"},"
        + "\"attendancePercent\":{\"value\":" + percent + ",\"type\":\"Double\"},"
        + "\"unauthorisedSessions\":{\"value\":12,\"type\":\"Integer\"},"
        + "\"parents\":{\"value\":\"" + PARENTS + "\",\"type\":\"Json\"}}}";
  }

  private ResponseEntity<String> startThroughEngineRest(String body) {
    return demo().postForEntity("/engine-rest/process-definition/key/AttendanceCase/start", json(body), String.class);
  }

  private long cases(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count();
  }

  /**
   * A refused start names the field as Tasklist's start dialog shows it, as a refused completion
   * does: the label the start form gives it, then the variable (the contract's name).
   */
  @Test
  void engineRestRefusesABadStartNamingTheVariableByItsLabelAndCreatesNothing() {
    Map<String, String> bad = Map.of(
        "Unique Pupil Number (UPN) (pupilUpn): check letter is wrong",
        startBody("AC-2026-900001", "B801200001001", "100002", 80, 1),
        "School URN (schoolUrn):", startBody("AC-2026-900001", "H801200001001", "999999", 80, 1),
        "Attendance (%) (attendancePercent):", startBody("AC-2026-900001", "H801200001001", "100002", 100.5, 1),
        "Start at level (entryLevel):", startBody("AC-2026-900001", "H801200001001", "100002", 80, 9));
    bad.forEach((naming, body) -> {
      ResponseEntity<Map> answer = demo().postForEntity(
          "/engine-rest/process-definition/key/AttendanceCase/start", json(body), Map.class);
      assertThat(answer.getStatusCode()).as(naming).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) answer.getBody().get("message")).as(naming).startsWith(naming);
    });
    // as Tasklist's start dialog submits the start form
    ResponseEntity<Map> submitted = demo().postForEntity("/engine-rest/process-definition/key/AttendanceCase/submit-form",
        json(startBody("AC-2026-900001", "B801200001001", "100002", 80, 1)), Map.class);
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) submitted.getBody().get("message")).startsWith("Unique Pupil Number (UPN) (pupilUpn): check letter");
    assertThat(cases("AC-2026-900001")).isZero();

    ResponseEntity<String> good = startThroughEngineRest(startBody("AC-2026-900001", CaseFixtures.newUpn(), "100002", 80, 1));
    assertThat(good.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cases("AC-2026-900001")).isEqualTo(1);
  }

  /** Exactly what Tasklist sends for the start form: untyped primitives, a select as text, empty fields as null. */
  @Test
  void aStartAsTasklistSubmitsTheStartFormOpensACase() {
    String form = "{\"variables\":{"
        + "\"pupilUpn\":{\"value\":\"" + CaseFixtures.newUpn() + "\"},\"pupilName\":{\"value\":\"Sam Pupil\"},"
        + "\"schoolUrn\":{\"value\":\"100002\"},\"route\":{\"value\":\"support-first\"},"
        + "\"entryLevel\":{\"value\":\"2\"},\"attendancePercent\":{\"value\":83},"
        + "\"unauthorisedSessions\":{\"value\":7},\"previousNoticeToImprove\":{\"value\":false},"
        + "\"supportSoFar\":{\"value\":null},"
        + "\"parent1Name\":{\"value\":\"Alex Parent\"},\"parent1Address\":{\"value\":\"1 High Street\"},"
        + "\"parent2Name\":{\"value\":\"Jo Parent\"},\"parent2Address\":{\"value\":\"5 Low Road\"}}}";
    ResponseEntity<Map> started = demo().postForEntity(
        "/engine-rest/process-definition/key/AttendanceCase/submit-form", json(form), Map.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String reference = (String) started.getBody().get("businessKey");
    assertThat(reference).matches("AC-\\d{4}-\\d{6}");
    String id = (String) started.getBody().get("id");
    assertThat(runtimeService.getVariable(id, "entryLevel")).isEqualTo(2);
    assertThat(runtimeService.getVariable(id, "attendancePercent")).isEqualTo(83.0);
    // the form's parent 1 and parent 2 become persons (issue #12 item 3)
    assertThat(runtimeService.getVariable(id, "parents").toString()).containsPattern("\"id\":\"P-\\d{6}\"").contains("Jo Parent")
        .doesNotContain("parent-2");
    assertThat(taskService.createTaskQuery().processInstanceId(id).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_HoldAttendanceMeeting");
  }

  @Test
  void engineRestRefusesABadCompletionNamingTheVariableAndTheTaskStaysOpen() {
    assertThat(startThroughEngineRest(startBody("AC-2026-900002", CaseFixtures.newUpn(), "100002", 80, 4)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    Task meeting = taskService.createTaskQuery().processInstanceBusinessKey("AC-2026-900002").singleResult();
    assertThat(meeting.getTaskDefinitionKey()).isEqualTo("Task_HoldPupilPlanningMeeting");

    ResponseEntity<String> refused = demo().postForEntity("/engine-rest/task/" + meeting.getId() + "/complete",
        json("{\"variables\":{\"legalRoute\":{\"value\":\"fine\"}}}"), String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Legal route (legalRoute): 'fine' is not allowed");
    assertThat(taskService.createTaskQuery().taskId(meeting.getId()).count()).isEqualTo(1);

    ResponseEntity<String> done = demo().postForEntity("/engine-rest/task/" + meeting.getId() + "/complete",
        json("{\"variables\":{\"legalRoute\":{\"value\":\"further-support\"}}}"), String.class);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey("AC-2026-900002").singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_WorkWithFamily");
  }

  /**
   * Tasklist shows a refusal in its notification: it leads with the label the form gives the field,
   * so a caseworker knows which box it means, and keeps the variable (the contract's name).
   */
  @Test
  void aRefusedCompletionNamesTheFieldByItsLabelOnTheForm() {
    assertThat(startThroughEngineRest(startBody("AC-2026-900006", CaseFixtures.newUpn(), "100002", 80, 2)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    Task meeting = taskService.createTaskQuery().processInstanceBusinessKey("AC-2026-900006").singleResult();
    assertThat(meeting.getTaskDefinitionKey()).isEqualTo("Task_HoldAttendanceMeeting");

    // as Tasklist submits the form
    ResponseEntity<Map> outOfRange = demo().postForEntity("/engine-rest/task/" + meeting.getId() + "/submit-form",
        json("{\"variables\":{\"attendanceTarget\":{\"value\":150}}}"), Map.class);
    assertThat(outOfRange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(outOfRange.getBody().get("message"))
        .isEqualTo("Attendance target (%) (attendanceTarget): must be a percentage from 0 to 100 (was 150)");

    // as a client completes it
    ResponseEntity<Map> belowNow = demo().postForEntity("/engine-rest/task/" + meeting.getId() + "/complete",
        json("{\"variables\":{\"attendanceTarget\":{\"value\":70}}}"), Map.class);
    assertThat(belowNow.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(belowNow.getBody().get("message"))
        .isEqualTo("Attendance target (%) (attendanceTarget): must be above the pupil's current attendance (80.0%)");
    assertThat(taskService.createTaskQuery().taskId(meeting.getId()).count()).isEqualTo(1);
  }

  @Test
  void theProjectApiOpensACaseWithAGeneratedReferenceAndSummarisesIt() {
    String body = "{\"pupilUpn\":\"" + CaseFixtures.newUpn() + "\",\"pupilName\":\"Sam Pupil\",\"schoolUrn\":\"100001\","
        + "\"attendancePercent\":72.5,\"unauthorisedSessions\":11,"
        + "\"parents\":[{\"name\":\"Alex Parent\",\"address\":\"1 High Street\"}]}";
    ResponseEntity<Map> created = demo().postForEntity("/api/cases", json(body), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String reference = (String) created.getBody().get("caseReference");
    assertThat(reference).matches("AC-\\d{4}-\\d{6}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/cases/" + reference);

    ResponseEntity<Map> summary = demo().getForEntity("/api/cases/" + reference, Map.class);
    assertThat(summary.getStatusCode()).as(String.valueOf(summary.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(summary.getBody()).containsEntry("level", 1).containsEntry("stage", "listen-and-understand")
        .containsEntry("attendanceBand", "persistent").containsEntry("schoolUrn", "100001");
    assertThat(summary.getBody().get("openTasks").toString()).contains("Task_InterveneInSchool");
    assertThat(summary.getBody().get("history").toString()).contains("case-opened");

    ResponseEntity<Map> next = demo().postForEntity("/api/cases", json(body), Map.class);
    assertThat((String) next.getBody().get("caseReference")).isNotEqualTo(reference);
    assertThat(demo().getForEntity("/api/cases/AC-1999-000001", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theProjectApiRefusesBadInputNamingTheField() {
    String body = "{\"caseReference\":\"AC-2026-900003\",\"pupilUpn\":\"H801200001001\",\"pupilName\":\"Sam\","
        + "\"schoolUrn\":\"100001\",\"attendancePercent\":72.5,\"unauthorisedSessions\":11,\"route\":\"holiday\","
        + "\"parents\":[{\"name\":\"Alex Parent\",\"address\":\"1 High Street\"}]}";
    ResponseEntity<Map> refused = demo().postForEntity("/api/cases", json(body), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).containsEntry("field", "route");
    assertThat(cases("AC-2026-900003")).isZero();
  }

  @Test
  void aSchoolIsRefusedAnotherSchoolsPupilBeforeAnythingIsSaidAboutTheBody() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY).count();
    // school1 names school 100002 with an incomplete body: the school is refused first, 403
    String incomplete = "{\"pupilUpn\":\"" + CaseFixtures.newUpn() + "\",\"pupilName\":\"Sam Pupil\","
        + "\"schoolUrn\":\"100002\",\"unauthorisedSessions\":11,"
        + "\"parents\":[{\"name\":\"Alex Parent\",\"address\":\"1 High Street\"}]}";
    ResponseEntity<Map> refused =
        rest.withBasicAuth("school1", "school1").postForEntity("/api/cases", json(incomplete), Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).containsEntry("field", "schoolUrn")
        .containsEntry("rule", "a school may open cases only for its own pupils");
    assertThat(refused.getBody().toString()).doesNotContain("attendancePercent");
    // its own school with the same incomplete body: now the body is checked
    ResponseEntity<Map> own = rest.withBasicAuth("school1", "school1")
        .postForEntity("/api/cases", json(incomplete.replace("100002", "100001")), Map.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(own.getBody()).containsEntry("field", "attendancePercent");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY).count())
        .isEqualTo(before);
  }

  @Test
  void theNoticeToImproveLetterIsAPdf() {
    String notice = runtimeService.startProcessInstanceByKey("NoticeToImprove", "AC-2026-900004", Map.of(
        "caseReference", "AC-2026-900004", "pupilUpn", "H801200001001", "pupilName", "Sam Pupil",
        "schoolUrn", "100002", "attendancePercent", 70.0, "unauthorisedSessions", 15,
        "sufficientImprovement", "no unauthorised absence over the improvement period",
        "parents", org.camunda.spin.plugin.variable.SpinValues.jsonValue(PARENTS.replace("\\\"", "\"")).create())).getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(notice)
        .singleResult().getId());
    ResponseEntity<byte[]> letter = demo().getForEntity("/api/cases/AC-2026-900004/notice-to-improve/letter", byte[].class);
    assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(letter.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(letter.getBody(), 0, 5)).isEqualTo("%PDF-");
    // the demo council's sender block and the school's named officer, from the application's configuration
    // and identity store
    // the whole letter: the contact and signature block moves to a second page, together, when the
    // statutory sections fill the first (NoticeToImproveLetterLayoutTest)
    StringBuilder pages = new StringBuilder();
    try {
      com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(letter.getBody());
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        pages.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page)).append(' ');
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String text = pages.toString().replaceAll("\\s+", " ");
    assertThat(text).startsWith("Seaview Borough Council Attendance Service, Civic Centre, 1 Marine Parade,"
            + " Southend-on-Sea SS1 9ZX Telephone 01632 960 100 ")
        .contains("Your case officer is Olivia Okafor, Attendance Service, Seaview Borough Council: email"
            + " officer@attendance.example, telephone 01632 960 100.")
        .contains("Yours sincerely, Olivia Okafor Case officer");
    assertThat(demo().getForEntity("/api/cases/AC-2026-900005/notice-to-improve/letter", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** The case against the real PenaltyNotice and CourtProceedings models (docs/adr/0002). */
  @Test
  void theRealCalledProcessesAcceptWhatTheCasePasses() {
    Map<String, Object> start = new java.util.HashMap<>(Map.of(
        // a pupil of its own: the register is shared with the other classes of this context, and an
        // offence period is charged once per parent and child
        "pupilUpn", uk.schoolattendance.process.Upn.of(801_200_009_010L), "pupilName", "Sam Pupil", "schoolUrn", "100002", "entryLevel", 4,
        "attendancePercent", 70.0, "unauthorisedSessions", 14,
        "parents", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
            "[{\"id\":\"P1\",\"name\":\"Alex Parent\",\"address\":\"1 High Street\"},"
                + "{\"id\":\"P2\",\"name\":\"Jo Parent\",\"address\":\"5 Low Road\"}]").create()));
    start.put("pupilDateOfBirth", "2015-11-20");
    start.put("pupilAddress", "3 Elm Row, Southend SS1 2CD"); // printed on the notice (reg 3)
    // the offence period is recorded at the meeting: the autumn term 2026, before the half term
    Map<String, Object> period = Map.of("offenceFrom", "2026-09-14", "offenceTo", "2026-10-09");
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
        java.util.Date.from(java.time.LocalDate.of(2026, 11, 2).atTime(10, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant()));
    try {
    String penalty = runtimeService.startProcessInstanceByKey("AttendanceCase", "AC-2026-900010", start).getId();
    Task meeting = taskService.createTaskQuery().processInstanceId(penalty).singleResult();
    Map<String, Object> noticeRoute = new java.util.HashMap<>(period);
    noticeRoute.put("legalRoute", "penalty-notice");
    noticeRoute.put("noContractReason", "Never tried: the parent would not meet");
    noticeRoute.put("noNoticeToImproveReason", "Support was refused at every stage");
    noticeRoute.put("thresholdEvidenceConfirmed", true);
    noticeRoute.put("thresholdEvidenceSessions", 12);
    taskService.complete(meeting.getId(), noticeRoute);
    var notices = runtimeService.createProcessInstanceQuery().processDefinitionKey("PenaltyNotice")
        .superProcessInstanceId(penalty).listPage(0, 10);
    assertThat(notices).hasSize(2);
    assertThat(notices).allSatisfy(n -> assertThat(n.getBusinessKey()).matches("PN-\\d{4}-\\d{6}"));

    // another pupil: one open case per pupil
    start.put("pupilUpn", CaseFixtures.newUpn());
    String court = runtimeService.startProcessInstanceByKey("AttendanceCase", "AC-2026-900011", start).getId();
    Map<String, Object> prosecution = new java.util.HashMap<>(period);
    prosecution.put("legalRoute", "prosecution");
    prosecution.put("noContractReason", "Never tried: the parent would not meet");
    prosecution.put("noNoticeToImproveReason", "Support was refused at every stage");
    taskService.complete(taskService.createTaskQuery().processInstanceId(court).singleResult().getId(), prosecution);
    var proceedings = runtimeService.createProcessInstanceQuery().processDefinitionKey("CourtProceedings")
        .superProcessInstanceId(court).singleResult();
    assertThat(proceedings.getBusinessKey()).isEqualTo("AC-2026-900011");
    assertThat(runtimeService.getVariable(proceedings.getId(), "proceedingsType")).isEqualTo("prosecution");
    // the prosecution knows its offence period and the last day to lay the information (MCA 1980 s127)
    assertThat(runtimeService.getVariable(proceedings.getId(), "offenceTo")).isEqualTo("2026-10-09");
    assertThat(runtimeService.getVariable(proceedings.getId(), "informationDeadline")).isEqualTo("2027-04-09");
    } finally {
      uk.schoolattendance.TestClock.reset();
    }
  }

  @Test
  void onlyAdministratorsRecalculateTimers() {
    ResponseEntity<Map> done = demo().postForEntity("/api/calendar/recalculate-timers", json("{}"), Map.class);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).containsKey("moved");
    assertThat(rest.withBasicAuth("officer", "officer").postForEntity("/api/calendar/recalculate-timers", json("{}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.postForEntity("/api/calendar/recalculate-timers", json("{}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aTermlyMeetingStartsThroughTheApi() {
    ResponseEntity<Map> created = demo().postForEntity("/api/targeting-support-meetings",
        json("{\"schoolUrn\":\"100001\",\"term\":\"2027-28 spring\"}"), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("meetingReference", "TSM-100001-2027-28-spring");
    // the meeting waits for its data pack (a week before it is due), then comes to the named officer
    String instance = (String) created.getBody().get("processInstanceId");
    for (org.camunda.bpm.engine.runtime.Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
        job != null; job = managementService.createJobQuery().processInstanceId(instance).singleResult()) {
      managementService.executeJob(job.getId());
    }
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey("TSM-100001-2027-28-spring")
        .taskCandidateUser("officer").count()).isEqualTo(1);
  }
}
