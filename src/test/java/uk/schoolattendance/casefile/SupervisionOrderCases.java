package uk.schoolattendance.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.nodes.Element;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.court.CourtProceedings;

/** Cases whose education supervision order application was heard on 10 February 2027 (the clock is set to it). */
public record SupervisionOrderCases(
    RuntimeService runtimeService, TaskService taskService, IdentityService identityService, ManagementService managementService) {

  /** The court made the order on 10 February 2027: it ends on 9 February 2028 unless extended. */
  public String withAnOrderMadeOn10February2027() {
    return inFamilyCourt(Map.of(CourtProceedings.COURT_OUTCOME.name(), CourtProceedings.EDUCATION_SUPERVISION_ORDER));
  }

  /** As {@link #withAnOrderMadeOn10February2027()} for a child born on {@code born}. */
  public String withAnOrderMadeOn10February2027ForAChildBorn(java.time.LocalDate born) {
    return inFamilyCourt(Map.of(CourtProceedings.COURT_OUTCOME.name(), CourtProceedings.EDUCATION_SUPERVISION_ORDER),
        Map.of(AttendanceCase.PUPIL_DATE_OF_BIRTH.name(), born.toString()));
  }

  /** A Level 3 case past its contract, on the education supervision order route, heard on 10 February 2027. */
  public String inFamilyCourt(Map<String, Object> outcome) {
    return inFamilyCourt(outcome, Map.of());
  }

  private String inFamilyCourt(Map<String, Object> outcome, Map<String, Object> pupil) {
    CaseFixtures.clockAt(2026, 12, 3, 10);
    CaseFileCases cases = new CaseFileCases(runtimeService);
    Map<String, Object> start = new java.util.HashMap<>(
        Map.of(AttendanceCase.ENTRY_LEVEL.name(), 3, AttendanceCase.UNAUTHORISED_SESSIONS.name(), 9));
    start.putAll(pupil);
    ProcessInstance instance = cases.start(
        start,
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

  /**
   * Posts {@code body} as a JSON object of strings to the case's API address {@code /api/cases/<reference>/<what>}
   * as {@code user} (the demo users' passwords are their names).
   */
  public static ResponseEntity<String> postToCase(
      TestRestTemplate rest, String user, String reference, String what, Map<String, String> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    StringBuilder json = new StringBuilder("{");
    new LinkedHashMap<>(body).forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key)
        .append("\":\"").append(value).append('"'));
    return rest.withBasicAuth(user, user).exchange("/api/cases/" + reference + "/" + what,
        HttpMethod.POST, new HttpEntity<>(json.append('}').toString(), headers), String.class);
  }

  /** The rows of the case page's Court section as an attendance officer reads them: each label with its value. */
  public static Map<String, String> courtFacts(int port, String reference) {
    Element section = CaseFileClient.signedIn(port, "officer").get("/casework/cases/" + reference).html().selectFirst("#court-1");
    assertThat(section).as("a Court section").isNotNull();
    Map<String, String> facts = new LinkedHashMap<>();
    for (Element row : section.select(".govuk-summary-list__row")) {
      facts.put(row.selectFirst("dt").text(), row.selectFirst("dd").text());
    }
    return facts;
  }

  private void completeAs(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
    steps().completeAs(user, processInstanceId, taskKey, variables);
  }

  private void executeJobs(String processInstanceId) {
    steps().executeJobs(processInstanceId);
  }

  private CaseSteps steps() {
    return new CaseSteps(taskService, identityService, managementService);
  }
}
