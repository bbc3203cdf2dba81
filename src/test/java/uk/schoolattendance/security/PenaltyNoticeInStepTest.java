package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.notices.NoticeInputs;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeNumbers;
import uk.schoolattendance.process.Upn;

/**
 * The register and the process of a penalty notice never disagree: nobody moves a notice's
 * process by instance modification (to "paid" while the register says "issued"), by a batch
 * modification or by a restart, administrators included. A notice moves by its messages and
 * decisions, which update the register in the same transaction.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PenaltyNoticeInStepTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired PenaltyNoticeNumbers numbers;
  @Autowired JdbcTemplate jdbc;

  @Test
  void nobodyMovesANoticesProcessAroundItsRegister() {
    String number = numbers.next();
    String id = runtimeService.startProcessInstanceByKey(PenaltyNotice.KEY, number, NoticeInputs.inputs("STEP-P1", Upn.of(123_456_789_012L), "other")).getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(id).singleResult().getId());
    NoticeInputs.post(taskService, id);
    String definition = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getProcessDefinitionId();
    assertThat(status(number)).isEqualTo("issued");
    List<String> waitingBefore = waiting(id);

    String toPaid =
        "{\"skipCustomListeners\": true, \"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Event_NoticePaid\"},"
            + " {\"type\": \"cancel\", \"activityId\": \"Gateway_AwaitPayment\"}]}";
    for (String user : List.of("compliance", "officer", "demo")) {
      ResponseEntity<String> modified = as(user).post("/engine-rest/process-instance/" + id + "/modification", toPaid);
      assertThat(modified.getStatusCode().value()).as(user + ": " + modified.getBody()).isIn(400, 403);
      assertThat(modified.getBody()).as(user).contains("PenaltyNotice");
      ResponseEntity<String> async = as(user).post("/engine-rest/process-instance/" + id + "/modification-async", toPaid);
      assertThat(async.getStatusCode().value()).as(user + ": " + async.getBody()).isIn(400, 403);
      ResponseEntity<String> batch =
          as(user)
              .post(
                  "/engine-rest/modification/execute",
                  "{\"processDefinitionId\": \"" + definition + "\", \"processInstanceIds\": [\"" + id + "\"],"
                      + " \"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Event_NoticePaid\"}]}");
      assertThat(batch.getStatusCode().value()).as(user + ": " + batch.getBody()).isIn(400, 403);
      ResponseEntity<String> restart =
          as(user)
              .post(
                  "/engine-rest/process-definition/" + definition + "/restart",
                  "{\"processInstanceIds\": [\"" + id + "\"], \"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Event_NoticePaid\"}]}");
      assertThat(restart.getStatusCode().value()).as(user + ": " + restart.getBody()).isIn(400, 403);
      ResponseEntity<String> partWay =
          as(user)
              .post(
                  "/engine-rest/process-definition/key/PenaltyNotice/start",
                  "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Event_NoticePaid\"}]}");
      assertThat(partWay.getStatusCode().value()).as(user + ": " + partWay.getBody()).isIn(400, 403);
    }
    assertThat(status(number)).isEqualTo("issued");
    assertThat(waiting(id)).isEqualTo(waitingBefore);
    assertThat(runtimeService.getVariable(id, "noticeOutcome")).isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("PenaltyNotice").list())
        .allSatisfy(notice -> assertThat(notice.getBusinessKey()).isNotNull());
  }

  private List<String> waiting(String id) {
    return runtimeService.getActiveActivityIds(id).stream().sorted().toList();
  }

  private String status(String number) {
    return jdbc.queryForObject("SELECT status FROM pn_notice WHERE notice_number = ?", String.class, number);
  }

  private AsUser as(String user) {
    return new AsUser(rest, user);
  }
}
