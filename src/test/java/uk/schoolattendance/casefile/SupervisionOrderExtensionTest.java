package uk.schoolattendance.casefile;

import uk.schoolattendance.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.court.CourtProceedings;

/**
 * An education supervision order lasts one year (Children Act 1989 Sch 3 para 15(1)); a senior
 * practitioner records the authority's application to extend it, made in its last three months
 * (para 15(3)), for up to three years at a time (para 15(5)), more than once (para 15(4)), never past
 * compulsory school age (para 15(6)), with the result; the case page's Court section shows the order's current end. A refused record changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SupervisionOrderExtensionTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void reset() {
    TestClock.reset();
    identityService.clearAuthentication();
  }

  @Test
  void aSeniorPractitionerExtendsTheOrderInItsLastThreeMonthsByUpToThreeYearsMoreThanOnce() {
    String reference = caseWithAnOrderMadeOn10February2027();
    assertThat(courtFacts(reference)).containsEntry("Education supervision order ends on", "9 February 2028");

    // too early: the order's last three months begin on 9 November 2027, three months before its last day
    CaseFixtures.clockAt(2027, 11, 8, 10);
    ResponseEntity<String> early = api("senior", reference, Map.of("appliedOn", "2027-11-08", "result", "extended", "newEndsOn", "2029-02-09"));
    assertThat(early.getStatusCode().value()).isEqualTo(400);
    assertThat(early.getBody()).contains("appliedOn", "para 15(3)", "from 9 November 2027", "9 February 2028");

    CaseFixtures.clockAt(2027, 12, 1, 10);
    // an officer is not the senior practitioner: refused whatever the body
    assertThat(api("officer", reference, Map.of("appliedOn", "2027-12-01", "result", "extended", "newEndsOn", "2029-02-09"))
        .getStatusCode().value()).isEqualTo(403);
    // more than three years after the current end (9 February 2031 at the latest)
    ResponseEntity<String> tooLong = api("senior", reference, Map.of("appliedOn", "2027-12-01", "result", "extended", "newEndsOn", "2031-02-10"));
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    assertThat(tooLong.getBody()).contains("newEndsOn", "para 15(5)", "9 February 2031");
    ResponseEntity<String> noResult = api("senior", reference, Map.of("appliedOn", "2027-12-01", "result", "granted"));
    assertThat(noResult.getStatusCode().value()).isEqualTo(400);
    assertThat(noResult.getBody()).contains("result");
    assertThat(courtFacts(reference)).containsEntry("Education supervision order ends on", "9 February 2028")
        .doesNotContainKey("Extension applied for on 1 December 2027");

    // applied for on the window's first day; the court extended on the order's last day; recorded the morning after
    CaseFixtures.clockAt(2028, 2, 10, 9);
    ResponseEntity<String> extended = api("senior", reference, Map.of("appliedOn", "2027-11-09", "result", "extended", "newEndsOn", "2030-02-09"));
    assertThat(extended.getStatusCode().value()).as(extended.getBody()).isEqualTo(201);
    assertThat(courtFacts(reference))
        .containsEntry("Extension applied for on 9 November 2027",
            "Extended from 9 February 2028 to 9 February 2030 (Children Act 1989 Sch 3 para 15)")
        .containsEntry("Education supervision order ends on", "9 February 2030 (extended; first made to end on 9 February 2028)");

    // again, in the last three months of the extended order: refused by the court this time, then granted
    CaseFixtures.clockAt(2029, 12, 3, 10);
    assertThat(api("senior", reference, Map.of("appliedOn", "2029-12-03", "result", "refused")).getStatusCode().value()).isEqualTo(201);
    // Theo (born 28 May 2016) ceases to be of compulsory school age on 25 June 2032: the order ends then (para 15(6))
    ResponseEntity<String> pastSchoolAge = api("senior", reference, Map.of("appliedOn", "2029-12-03", "result", "extended", "newEndsOn", "2032-07-31"));
    assertThat(pastSchoolAge.getStatusCode().value()).isEqualTo(400);
    assertThat(pastSchoolAge.getBody()).contains("newEndsOn", "para 15(6)", "25 June 2032");
    ResponseEntity<String> again = api("senior", reference, Map.of("appliedOn", "2029-12-03", "result", "extended", "newEndsOn", "2032-06-25"));
    assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(201);
    assertThat(courtFacts(reference))
        .containsEntry("Extension applied for on 3 December 2029", "Extended from 9 February 2030 to 25 June 2032 (Children Act 1989 Sch 3 para 15)")
        .containsEntry("Education supervision order ends on", "25 June 2032 (extended; first made to end on 9 February 2028)");
  }

  @Test
  void aCaseWhoseApplicationWasRefusedHasNoOrderToExtend() {
    String reference = caseInFamilyCourt(Map.of(CourtProceedings.COURT_OUTCOME.name(), "dismissed"));
    CaseFixtures.clockAt(2027, 2, 11, 10);
    ResponseEntity<String> refused = api("senior", reference, Map.of("appliedOn", "2027-02-11", "result", "refused"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("no education supervision order in force");
  }

  private String caseWithAnOrderMadeOn10February2027() {
    return caseInFamilyCourt(Map.of(CourtProceedings.COURT_OUTCOME.name(), "education-supervision-order"));
  }

  /** A Level 3 case past its contract, on the education supervision order route, heard on 10 February 2027. */
  private String caseInFamilyCourt(Map<String, Object> outcome) {
    CaseFixtures.clockAt(2026, 12, 3, 10);
    CaseFileCases cases = new CaseFileCases(runtimeService);
    ProcessInstance instance = cases.start(
        Map.of(AttendanceCase.ENTRY_LEVEL.name(), 3, AttendanceCase.UNAUTHORISED_SESSIONS.name(), 9),
        CaseFixtures.UNIVERSAL_SCHOOL, "Theo Marsh", CaseFileCases.newUpn(), "parent-1", "Gail Marsh");
    completeAs("school2", instance.getId(), AttendanceCase.WORK_WITH_FAMILY.id(), Map.of(
        AttendanceCase.EARLY_HELP_CONSENT.name(), false, AttendanceCase.CASEWORK_OUTCOME.name(), "formalise"));
    completeAs("school2", instance.getId(), AttendanceCase.AGREE_ATTENDANCE_CONTRACT.id(), Map.of(
        AttendanceCase.CONTRACT_AGREED.name(), false, AttendanceCase.NO_CONTRACT_REASON.name(), "Parent refused to meet",
        AttendanceCase.SUFFICIENT_IMPROVEMENT.name(), "Attendance above 95 %"));
    completeAs("senior", instance.getId(), AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id(), Map.of(
        AttendanceCase.LEGAL_ROUTE.name(), "education-supervision-order", AttendanceCase.CHILD_LOOKED_AFTER.name(), false,
        AttendanceCase.LEGAL_ROUTE_REASON.name(), "Sustained absence",
        AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name(), "Support was refused at every stage"));
    String reference = cases.referenceOf(instance);
    String court = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult().getId();
    executeJobs(court);
    completeAs("officer", court, CourtProceedings.PREPARE_COURT_CASE.id(), Map.of(
        CourtProceedings.CHILD_LOOKED_AFTER.name(), false, CourtProceedings.HEARING_DATE.name(), "2027-02-10"));
    CaseFixtures.clockAt(2027, 2, 10, 14);
    executeJobs(court);
    completeAs("officer", court, CourtProceedings.RECORD_COURT_OUTCOME.id(), outcome);
    executeJobs(court);
    return reference;
  }

  private ResponseEntity<String> api(String user, String reference, Map<String, String> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    StringBuilder json = new StringBuilder("{");
    new LinkedHashMap<>(body).forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key)
        .append("\":\"").append(value).append('"'));
    return rest.withBasicAuth(user, user).exchange("/api/cases/" + reference + "/supervision-order-extensions",
        HttpMethod.POST, new HttpEntity<>(json.append('}').toString(), headers), String.class);
  }

  private Map<String, String> courtFacts(String reference) {
    Element section = CaseFileClient.signedIn(port, "officer").get("/casework/cases/" + reference).html().selectFirst("#court-1");
    assertThat(section).as("a Court section").isNotNull();
    Map<String, String> facts = new LinkedHashMap<>();
    for (Element row : section.select(".govuk-summary-list__row")) {
      facts.put(row.selectFirst("dt").text(), row.selectFirst("dd").text());
    }
    return facts;
  }

  private void completeAs(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    identityService.setAuthentication(user,
        identityService.createGroupQuery().groupMember(user).list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void executeJobs(String processInstanceId) {
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).list()) {
      managementService.executeJob(job.getId());
    }
  }
}
