package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.court.SupervisionOrderReminder;

/**
 * A {@code SupervisionOrderReminder} moves only by the court record: an attendance officer who may
 * start and update any process through the engine REST API can neither withdraw a real reminder by
 * sending its {@code SupervisionOrderDischarged} or {@code SupervisionOrderExtended} message (the
 * order would lapse unnoticed, with no discharge recorded) nor start a bogus one, by its message or
 * directly. Each refusal names the reason and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class SupervisionOrderReminderGuardTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;

  @Test
  void anOfficerCannotWithdrawAReminderThroughEngineRest() {
    String proceedings = "court-guard-" + UUID.randomUUID();
    startReminder(proceedings);
    for (String message : List.of(SupervisionOrderReminder.SUPERVISION_ORDER_DISCHARGED.name(),
        SupervisionOrderReminder.SUPERVISION_ORDER_EXTENDED.name())) {
      for (String body : List.of(
          "{\"messageName\": \"" + message + "\", \"correlationKeys\": {\"courtProceedingsId\": {\"value\": \"" + proceedings
              + "\", \"type\": \"String\"}}}",
          "{\"messageName\": \"" + message + "\", \"all\": true, \"processVariables\": {\"courtProceedingsId\": {\"value\": \""
              + proceedings + "\", \"type\": \"String\"}}}")) {
        ResponseEntity<String> refused = new AsUser(rest, "officer").post("/engine-rest/message", body);
        assertThat(refused.getStatusCode().value()).as(message + ": " + refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains(message).contains("nothing was correlated");
      }
    }
    assertThat(reminders(proceedings)).isEqualTo(1);
  }

  @Test
  void anOfficerCannotStartABogusReminder() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(SupervisionOrderReminder.KEY).count();
    String variables = "{\"courtProceedingsId\": {\"value\": \"court-bogus\"}, \"supervisionOrderEndsOn\": {\"value\": \"2028-02-09\"}}";
    ResponseEntity<String> byMessage = new AsUser(rest, "officer").post("/engine-rest/message",
        "{\"messageName\": \"" + SupervisionOrderReminder.SUPERVISION_ORDER_IN_FORCE.name() + "\", \"processVariables\": " + variables + "}");
    assertThat(byMessage.getStatusCode().value()).as(byMessage.getBody()).isEqualTo(400);
    assertThat(byMessage.getBody()).contains("nothing was correlated");
    ResponseEntity<String> direct = new AsUser(rest, "officer").post(
        "/engine-rest/process-definition/key/" + SupervisionOrderReminder.KEY + "/start", "{\"variables\": " + variables + "}");
    assertThat(direct.getStatusCode().value()).as(direct.getBody()).isEqualTo(400);
    assertThat(direct.getBody()).contains("never directly").contains("nothing was started");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SupervisionOrderReminder.KEY).count()).isEqualTo(before);
  }

  /** A reminder as the court record starts it: by the application, with no user. */
  private void startReminder(String proceedings) {
    Map<String, Object> variables = new HashMap<>();
    SupervisionOrderReminder.CASE_REFERENCE.put(variables, "AC-2027-990042");
    SupervisionOrderReminder.COURT_PROCEEDINGS_ID.put(variables, proceedings);
    SupervisionOrderReminder.SUPERVISION_ORDER_ENDS_ON.put(variables, LocalDate.of(2028, 2, 9));
    runtimeService.createMessageCorrelation(SupervisionOrderReminder.SUPERVISION_ORDER_IN_FORCE.name())
        .processInstanceBusinessKey("AC-2027-990042").setVariables(variables).correlateStartMessage();
    assertThat(reminders(proceedings)).isEqualTo(1);
  }

  private long reminders(String proceedings) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(SupervisionOrderReminder.KEY)
        .variableValueEquals(SupervisionOrderReminder.COURT_PROCEEDINGS_ID.name(), proceedings).count();
  }
}
