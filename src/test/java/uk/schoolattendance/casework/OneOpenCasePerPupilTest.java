package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.process.InvalidInputException;

/**
 * One open case per pupil (issue #12 item 15): a second case for a pupil with an open case is
 * refused with the open case's reference and nothing is started, through the engine REST API,
 * Tasklist's start form, {@code /api/cases} and the Java API; a brother or sister (another UPN,
 * the same parents) gets a case of their own; once the case ends the pupil may have a new one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class OneOpenCasePerPupilTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;

  @Test
  void aSecondCaseForAPupilWithAnOpenCaseIsRefusedWithItsReferenceEveryWayIn() {
    String upn = CaseFixtures.newUpn();
    ProcessInstance open = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, CaseFixtures.with(
        CaseFixtures.startVariables(), AttendanceCase.PUPIL_UPN.name(), upn));
    long cases = cases();
    // named by the start form's label, every way in
    String says = "Unique Pupil Number (UPN) (pupilUpn): pupil " + upn + " already has an open case, " + open.getBusinessKey();

    ResponseEntity<String> byRest = post("officer", "/engine-rest/process-definition/key/AttendanceCase/start", restStart(upn));
    assertThat(byRest.getStatusCode().value()).as(byRest.getBody()).isEqualTo(400);
    assertThat(byRest.getBody()).contains(says);
    ResponseEntity<String> byForm = post("school2", "/engine-rest/process-definition/key/AttendanceCase/submit-form", restStart(upn));
    assertThat(byForm.getStatusCode().value()).as(byForm.getBody()).isEqualTo(400);
    assertThat(byForm.getBody()).contains(says);
    ResponseEntity<String> byApi = post("officer", "/api/cases", "{\"pupilUpn\":\"" + upn + "\",\"pupilName\":\"Sam Pupil\","
        + "\"schoolUrn\":\"100002\",\"attendancePercent\":72.5,\"unauthorisedSessions\":11,"
        + "\"parents\":[{\"name\":\"Alex Parent\",\"address\":\"1 High Street\"}]}");
    assertThat(byApi.getStatusCode().value()).as(byApi.getBody()).isEqualTo(400);
    assertThat(byApi.getBody()).contains("pupilUpn").contains(open.getBusinessKey());
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, CaseFixtures.with(
            CaseFixtures.startVariables(), AttendanceCase.PUPIL_UPN.name(), " " + upn.toLowerCase())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(says);
    assertThat(cases()).isEqualTo(cases);

    // a brother or sister is another pupil: a case of their own, with the same parents
    assertThat(post("officer", "/engine-rest/process-definition/key/AttendanceCase/start", restStart(CaseFixtures.newUpn()))
        .getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void onceTheCaseEndsThePupilMayHaveANewOne() {
    String upn = CaseFixtures.newUpn();
    ProcessInstance first = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, CaseFixtures.with(
        CaseFixtures.startVariables(), AttendanceCase.PUPIL_UPN.name(), upn));
    runtimeService.createMessageCorrelation(AttendanceCase.CASE_CLOSED.name()).processInstanceId(first.getId())
        .setVariable(AttendanceCase.CLOSURE_REASON.name(), "The family moved abroad").correlate();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(first.getId()).count()).isZero();

    ProcessInstance second = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, CaseFixtures.with(
        CaseFixtures.startVariables(), AttendanceCase.PUPIL_UPN.name(), upn));
    // deleted by an administrator without its listeners: the pupil is not blocked for ever
    runtimeService.deleteProcessInstance(second.getId(), "opened by mistake", true);
    ProcessInstance third = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, CaseFixtures.with(
        CaseFixtures.startVariables(), AttendanceCase.PUPIL_UPN.name(), upn));
    assertThat(third.getBusinessKey()).isNotEqualTo(second.getBusinessKey());
  }

  private long cases() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY).count();
  }

  private static String restStart(String upn) {
    return "{\"variables\":{\"pupilUpn\":{\"value\":\"" + upn + "\"},\"pupilName\":{\"value\":\"Sam Pupil\"},"
        + "\"schoolUrn\":{\"value\":\"100002\"},\"route\":{\"value\":\"support-first\"},"
        + "\"entryLevel\":{\"value\":1},\"attendancePercent\":{\"value\":83},\"unauthorisedSessions\":{\"value\":7},"
        + "\"parent1Name\":{\"value\":\"Alex Parent\"},\"parent1Address\":{\"value\":\"1 High Street\"}}}";
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }
}
