package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * The interface of docs/adr/0002 end to end, in the application: a term-time leave case calls
 * one real {@code PenaltyNotice} per parent with {@code penaltyNoticeNumbers.next()} as the
 * business key; the notices reach the register, one is paid and one withdrawn through
 * {@code /engine-rest/message}, and the case ends with their outcomes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PenaltyNoticeCaseIntegrationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired PenaltyNoticeRegister register;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void setUp() {
    CaseFixtures.clockAt(2026, 11, 2, 10);
  }

  @AfterEach
  void reset() {
    TestClock.reset();
  }

  @Test
  void aTermTimeLeaveCaseIssuesOneNoticePerParentAndEndsWithTheirOutcomes() {
    ProcessInstance attendanceCase =
        runtimeService.startProcessInstanceByKey(
            "AttendanceCase", "AC-2026-940001", CaseFixtures.termTimeLeave(CaseFixtures.startVariables(), "2026-09-14", "2026-10-09"));
    List<ProcessInstance> notices =
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(attendanceCase.getId()).list();
    assertThat(notices).hasSize(2);
    assertThat(notices).allMatch(n -> n.getBusinessKey().matches("PN-2026-\\d{6}"));

    for (ProcessInstance notice : notices) {
      String task = taskService.createTaskQuery().processInstanceId(notice.getId())
          .taskDefinitionKey("Task_CheckLeaveEvidence").singleResult().getId();
      taskService.complete(task, Map.of(
          "evidenceLeaveApplication", true, "evidenceWrittenRefusal", true,
          "evidenceWrittenWarning", true, "evidenceRegistrationCertificate", true));
      managementService.executeJob(
          managementService.createJobQuery().processInstanceId(notice.getId()).singleResult().getId());
      assertThat(register.get(notice.getBusinessKey()).status()).isEqualTo("prepared");
      String dispatch = taskService.createTaskQuery().processInstanceId(notice.getId())
          .taskDefinitionKey("Task_DispatchPenaltyNotice").singleResult().getId();
      taskService.claim(dispatch, "compliance");
      taskService.complete(dispatch, Map.of("deliveryMethod", "post"));
      PenaltyNoticeEntry entry = register.get(notice.getBusinessKey());
      assertThat(entry.status()).isEqualTo("issued");
      assertThat(entry.caseReference()).isEqualTo("AC-2026-940001");
      assertThat(entry.pupilUpn()).isEqualTo(runtimeService.getVariable(attendanceCase.getId(), "pupilUpn"));
      assertThat(entry.noticeReason()).isEqualTo("holiday");
      assertThat(entry.evidence().complete()).isTrue();
      assertThat(entry.reducedAmount()).isEqualByComparingTo("80");
    }

    CaseFixtures.clockAt(2026, 11, 5, 10);
    assertThat(message("PenaltyNoticePaid", notices.get(0).getBusinessKey(),
            Map.of("amountPaid", Map.of("value", 80.0, "type", "Double"), "paidOn", Map.of("value", "2026-11-05", "type", "String")))
        .getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(message("PenaltyNoticeWithdrawn", notices.get(1).getBusinessKey(),
            Map.of("withdrawalReason", Map.of("value", "Issued to a parent without day-to-day care", "type", "String"),
                "withdrawalGround", Map.of("value", "wrong-recipient", "type", "String")))
        .getStatusCode().is2xxSuccessful()).isTrue();

    assertThat(register.get(notices.get(0).getBusinessKey()).paidOn()).isEqualTo(LocalDate.of(2026, 11, 5));
    assertThat(register.get(notices.get(1).getBusinessKey()).status()).isEqualTo("withdrawn");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(attendanceCase.getId()).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(attendanceCase.getId())
            .variableName("caseOutcome").singleResult().getValue())
        .isEqualTo("penalty-paid");
  }

  private ResponseEntity<String> message(String name, String businessKey, Map<String, Object> variables) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("demo", "demo").postForEntity("/engine-rest/message",
        new HttpEntity<>(Map.of("messageName", name, "businessKey", businessKey, "processVariables", variables), headers),
        String.class);
  }
}
