package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.court.CourtProceedings;
import uk.schoolattendance.notices.NoticeInputs;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.Upn;

/**
 * Only the case starts a penalty notice or court proceedings (issue #12, item 7): a person's
 * direct start is refused with the reason and changes nothing, whatever the way in and whoever
 * asks; Tasklist's "Start process" does not offer them; the case's own call activities still
 * start them when an officer completes the Pupil Planning Meeting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class LegalProcessStartsTest {

  private static final String REASON = "is started from the pupil's attendance case";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aPersonsDirectStartIsRefusedWithTheReasonAndChangesNothing() {
    long instances = legalInstances();
    long notices = registerRows();
    String notice = BadInputCatalogueTest.noticeStart(Upn.of(801_300_000_071L));
    String court = courtStart(Upn.of(801_300_000_072L));
    for (String user : List.of("officer", "senior", "compliance", "demo")) {
      for (String way : List.of("start", "submit-form")) {
        ResponseEntity<String> refused = as(user).post("/engine-rest/process-definition/key/PenaltyNotice/" + way, notice);
        assertThat(refused.getStatusCode().value()).as(user + " " + way + ": " + refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("PenaltyNotice " + REASON).contains("nothing was started");
        refused = as(user).post("/engine-rest/process-definition/key/CourtProceedings/" + way, court);
        assertThat(refused.getStatusCode().value()).as(user + " " + way + ": " + refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("CourtProceedings " + REASON);
      }
    }
    assertThat(legalInstances()).isEqualTo(instances);
    assertThat(registerRows()).isEqualTo(notices);
  }

  @Test
  void theJavaApiRefusesAPersonToo() {
    Map<String, Object> inputs = NoticeInputs.inputs("GATE-P1", Upn.of(801_300_000_073L), "other");
    identityService.setAuthentication("officer", List.of("attendance-officers"));
    try {
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PenaltyNotice.KEY, inputs))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("PenaltyNotice " + REASON);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PenaltyNotice.KEY)
        .variableValueEquals(PenaltyNotice.PARENT_ID.name(), "GATE-P1").count()).isZero();
  }

  @Test
  void tasklistsStartListDoesNotOfferThem() throws Exception {
    for (String user : List.of("officer", "senior", "compliance", "demo")) {
      ResponseEntity<String> startable = as(user).get(
          "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true&firstResult=0&maxResults=15&sortBy=name&sortOrder=asc");
      assertThat(startable.getStatusCode().value()).as(startable.getBody()).isEqualTo(200);
      List<String> keys = new ArrayList<>();
      json.readTree(startable.getBody()).forEach(definition -> keys.add(definition.get("key").asText()));
      assertThat(keys).as(user).contains("AttendanceCase").doesNotContain(PenaltyNotice.KEY, CourtProceedings.KEY);
    }
  }

  /** The senior practitioner chooses each legal route at the meeting: the case starts the process. */
  @Test
  void theCaseStartsThemWhenASeniorPractitionerChoosesTheRoute() throws Exception {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 11, 2).atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    try {
      String penalty = openCaseAtLevel4(Upn.of(801_300_000_074L));
      assertThat(completeMeetingAsSenior(penalty, "penalty-notice")).isEqualTo(204);
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PenaltyNotice.KEY)
          .superProcessInstanceId(penalty).count()).isEqualTo(1);

      String prosecution = openCaseAtLevel4(Upn.of(801_300_000_075L));
      assertThat(completeMeetingAsSenior(prosecution, "prosecution")).isEqualTo(204);
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CourtProceedings.KEY)
          .superProcessInstanceId(prosecution).count()).isEqualTo(1);
    } finally {
      TestClock.reset();
    }
  }

  /**
   * A notice the case started takes its parent to court when the compliance team decides to
   * prosecute after non-payment: the court proceedings are the notice's call, the notice the
   * case's. (The check above once refused this, so no unpaid notice could be prosecuted.)
   */
  @Test
  void anUnpaidNoticeTheCaseStartedIsProsecutedWhenTheComplianceTeamDecidesSo() throws Exception {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 11, 2).atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    try {
      String caseId = openCaseAtLevel4(Upn.of(801_300_000_076L));
      assertThat(completeMeetingAsSenior(caseId, "penalty-notice")).isEqualTo(204);
      String notice = runtimeService.createProcessInstanceQuery().processDefinitionKey(PenaltyNotice.KEY)
          .superProcessInstanceId(caseId).singleResult().getId();
      for (org.camunda.bpm.engine.runtime.Job job : managementService.createJobQuery().processInstanceId(notice).list()) {
        managementService.executeJob(job.getId());
      }
      NoticeInputs.post(taskService, notice);
      // the payment period runs out: its timer fires (the test runs it rather than waiting 28 days)
      managementService.executeJob(
          managementService.createJobQuery().processInstanceId(notice).timers().singleResult().getId());
      String decision = taskService.createTaskQuery().processInstanceId(notice)
          .taskDefinitionKey("Task_DecideOnNonPayment").singleResult().getId();
      assertThat(as("compliance").post("/engine-rest/task/" + decision + "/claim", "{\"userId\": \"compliance\"}")
          .getStatusCode().value()).isEqualTo(204);

      ResponseEntity<String> completed = as("compliance").post("/engine-rest/task/" + decision + "/complete",
          "{\"variables\": {\"nonPaymentDecision\": {\"value\": \"prosecute\"}}}");

      assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CourtProceedings.KEY)
          .superProcessInstanceId(notice).count()).isEqualTo(1);
    } finally {
      TestClock.reset();
    }
  }

  private String openCaseAtLevel4(String upn) {
    Map<String, Object> start = new HashMap<>(Map.of(
        "pupilUpn", upn, "pupilName", "Sam Pupil", "schoolUrn", CaseFixtures.UNIVERSAL_SCHOOL, "entryLevel", 4,
        "attendancePercent", 70.0, "unauthorisedSessions", 14, "parents", CaseFixtures.oneParent(),
        "pupilDateOfBirth", CaseFixtures.DATE_OF_BIRTH, "pupilAddress", "3 Elm Row, Southend SS1 2CD"));
    return runtimeService.startProcessInstanceByKey("AttendanceCase", start).getId();
  }

  private int completeMeetingAsSenior(String caseId, String route) throws Exception {
    String task = taskService.createTaskQuery().processInstanceId(caseId).singleResult().getId();
    ResponseEntity<String> claimed = as("senior").post("/engine-rest/task/" + task + "/claim", "{\"userId\": \"senior\"}");
    assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
    String body = "{\"variables\": {\"legalRoute\": {\"value\": \"" + route + "\"},"
        + " \"offenceFrom\": {\"value\": \"2026-09-14\"}, \"offenceTo\": {\"value\": \"2026-10-09\"},"
        + " \"noContractReason\": {\"value\": \"The parent would not meet\"},"
        + " \"noNoticeToImproveReason\": {\"value\": \"Support was refused at every stage\"},"
        + " \"thresholdEvidenceConfirmed\": {\"value\": true}, \"thresholdEvidenceSessions\": {\"value\": 12}}}";
    ResponseEntity<String> completed = as("senior").post("/engine-rest/task/" + task + "/complete", body);
    assertThat(completed.getStatusCode().value()).as(completed.getBody()).isIn(200, 204);
    return completed.getStatusCode().value();
  }

  private static String courtStart(String upn) {
    return "{\"variables\": {\"caseReference\": {\"value\": \"AC-2026-990001\"}, \"pupilUpn\": {\"value\": \"" + upn + "\"},"
        + " \"pupilName\": {\"value\": \"Sam Pupil\"}, \"schoolUrn\": {\"value\": \"100001\"},"
        + " \"parentId\": {\"value\": \"GATE-P2\"}, \"parentName\": {\"value\": \"Alex Parent\"},"
        + " \"proceedingsType\": {\"value\": \"prosecution\"}, \"pupilDateOfBirth\": {\"value\": \"2015-11-20\"},"
        + " \"offenceFrom\": {\"value\": \"2026-09-14\"}, \"offenceTo\": {\"value\": \"2026-10-09\"},"
        + " \"noContractReason\": {\"value\": \"The parent would not meet\"},"
        + " \"noNoticeToImproveReason\": {\"value\": \"Support was refused at every stage\"},"
        + " \"thresholdEvidenceConfirmed\": {\"value\": true}, \"thresholdEvidenceSessions\": {\"value\": 12}}}";
  }

  private long legalInstances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKeyIn(PenaltyNotice.KEY, CourtProceedings.KEY).count();
  }

  private long registerRows() {
    return jdbc.queryForObject("SELECT count(*) FROM pn_notice", Long.class);
  }

  private AsUser as(String user) {
    return new AsUser(rest, user);
  }
}
