package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doReturn;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casefile.CaseFileClient;
import uk.schoolattendance.process.EvidenceDocuments;

/**
 * A council that has not set its payment details issues no notice, by any path: the "Prepare
 * penalty notice" job fails, is retried and ends as an incident naming the missing property
 * (Cockpit shows it), the letter is not printed, and neither the API, the print queue nor Tasklist
 * (the engine REST API it uses) marks a notice posted. Each refusal names the property and changes
 * nothing; once the details are set the same notice goes on, with the same number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PaymentDetailsRequiredTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** The demo council's, until a test says the council has not set them. */
  @MockitoSpyBean PenaltyNoticeProperties properties;

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired PenaltyNoticeNumbers numbers;
  @Autowired PenaltyNoticeRegister register;
  @Autowired EvidenceDocuments documents;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void issueDay() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 11, 2).atTime(10, 0).atZone(LONDON).toInstant()));
  }

  @AfterEach
  void reset() {
    Mockito.reset(properties);
    TestClock.reset();
  }

  @Test
  void aNoticeIsNotPreparedUntilTheDetailsAreSetAndItsIncidentNamesTheMissingProperty() {
    councilHasNotSetItsDetails(PenaltyNoticeProperties.Authority.DEFAULT);
    String number = numbers.next();
    String instance = runtimeService
        .startProcessInstanceByKey(PenaltyNotice.KEY, number, NoticeInputs.inputs("PAY-P1", "A123456789012", "other"))
        .getId();
    long lastNumber = lastNumber();

    for (int attempt = 0; attempt < 3; attempt++) {
      Job prepare = managementService.createJobQuery().processInstanceId(instance).singleResult();
      assertThatThrownBy(() -> managementService.executeJob(prepare.getId()))
          .hasMessageContaining("attendance.penalty-notices.authority.address");
    }
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
    assertThat(incident).as("after its retries the job is an incident").isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("Task_IssuePenaltyNotice");
    assertThat(incident.getIncidentMessage())
        .contains("attendance.penalty-notices.authority.name")
        .contains("attendance.penalty-notices.authority.address")
        .contains("attendance.penalty-notices.authority.payment-web-address");
    // nothing changed: no register entry, no evidence stored, no other number allocated
    assertThat(register.find(number)).isEmpty();
    assertThat(documents.of(EvidenceDocuments.penaltyNotice(number))).isEmpty();
    assertThat(lastNumber()).isEqualTo(lastNumber);

    // the council sets its details; Cockpit's retry prepares the same notice, with the same number
    Mockito.reset(properties);
    Job failed = managementService.createJobQuery().processInstanceId(instance).singleResult();
    managementService.setJobRetries(failed.getId(), 1);
    managementService.executeJob(failed.getId());
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
    assertThat(lastNumber()).isEqualTo(lastNumber);
  }

  @Test
  void aPreparedNoticeIsNeitherPrintedNorGivenByAnyPathUntilTheDetailsAreSet() {
    String number = prepared("PAY-P2", "C901456789012");
    // a council with its name and address that has set no way to pay
    councilHasNotSetItsDetails(new PenaltyNoticeProperties.Authority("Seaview Borough Council",
        "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX", null, null, null, null, null, false, null, null));
    String missing = "no way to pay is set: set attendance.penalty-notices.authority.payment-web-address";

    // the letter
    ResponseEntity<String> letter = compliance().getForEntity("/api/penalty-notices/" + number + "/letter", String.class);
    assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(letter.getBody()).contains(missing);

    // POST /api/penalty-notices/{n}/dispatch
    ResponseEntity<String> api = compliance()
        .postForEntity("/api/penalty-notices/" + number + "/dispatch", Map.of("deliveryMethod", "post"), String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(api.getBody()).contains(missing);
    assertUnchanged(number);

    // the print queue says why, and marks nothing
    CaseFileClient person = CaseFileClient.signedIn(port, "compliance");
    CaseFileClient.Page queue = person.get("/casework/register/print-queue");
    assertThat(queue.html().select(".govuk-error-summary").text()).contains(missing);
    CaseFileClient.Page marked = person.post(queue, "#print-queue-form", Map.of("notice", number, "method", "post"));
    assertThat(marked.status()).isEqualTo(409);
    assertThat(marked.html().select(".govuk-error-summary").text()).contains(missing);
    assertUnchanged(number);

    // Tasklist completes the task through the engine REST API
    Task task = dispatchTask(number);
    taskService.claim(task.getId(), "compliance");
    ResponseEntity<String> tasklist = compliance().postForEntity("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", Map.of("deliveryMethod", Map.of("value", "post", "type", "String"))), String.class);
    // 409 as the project's API answers: the request is well formed, the notice may not go yet
    assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(tasklist.getBody()).contains(missing);
    assertThat(dispatchTask(number)).as("the task stays open").isNotNull();
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
    assertThat(register.get(number).issuedOn()).isNull();

    // set: the same notice is given
    Mockito.reset(properties);
    ResponseEntity<String> given = compliance()
        .postForEntity("/api/penalty-notices/" + number + "/dispatch", Map.of("deliveryMethod", "post"), String.class);
    assertThat(given.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.ISSUED);
  }

  private void councilHasNotSetItsDetails(PenaltyNoticeProperties.Authority authority) {
    doReturn(authority).when(properties).authority();
  }

  private String prepared(String parent, String upn) {
    String number = numbers.next();
    String instance = runtimeService
        .startProcessInstanceByKey(PenaltyNotice.KEY, number, NoticeInputs.inputs(parent, upn, "other")).getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
    return number;
  }

  private void assertUnchanged(String number) {
    PenaltyNoticeEntry entry = register.get(number);
    assertThat(entry.status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
    assertThat(entry.issuedOn()).isNull();
    assertThat(dispatchTask(number).getAssignee()).as("nobody claimed it").isNull();
  }

  private Task dispatchTask(String number) {
    return taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(PenaltyNotice.DISPATCH_PENALTY_NOTICE.id()).singleResult();
  }

  private long lastNumber() {
    return jdbc.queryForObject("SELECT last_number FROM pn_number_counter WHERE notice_year = 2026", Long.class);
  }

  private TestRestTemplate compliance() {
    return rest.withBasicAuth("compliance", "compliance");
  }
}
