package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.schoolattendance.casework.CaseFixtures.clockAt;
import static uk.schoolattendance.casework.CaseFixtures.startVariables;
import static uk.schoolattendance.casework.CaseFixtures.vars;
import static uk.schoolattendance.casework.CaseFixtures.with;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.notices.PenaltyNotice;

/**
 * A council that closes a case on payment ({@code attendance.case.after-paid-notice-below-target:
 * close-on-payment}): a paid notice ends the case {@code penalty-paid} though attendance is below
 * the target the case agreed. The national default (support continues) is in {@link AttendanceCaseTest}.
 */
@Deployment(
    resources = {
      "bpmn/AttendanceCase.bpmn",
      "bpmn/ChangeCaseLevel.bpmn",
      "bpmn/ReviewOutcome.dmn",
      "bpmn/AttendanceBand.dmn",
      "bpmn/NationalThreshold.dmn",
      "stubs/PenaltyNoticeStub.bpmn",
      "stubs/CourtProceedingsStub.bpmn",
      "stubs/NoticeToImproveStub.bpmn",
      "forms/hold-pupil-planning-meeting.form"
    })
class PaidNoticeCloseOnPaymentTest {

  static final ProcessEngineFixture ENGINE = ProcessEngineFixture.builder("paid-notice-close-on-payment-test")
      .replace("caseSettings", new CaseSettings(null, null, null, CaseSettings.CLOSE_ON_PAYMENT, null, null, null))
      .build();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENGINE.configuration).build();

  ProcessEngine processEngine;
  RuntimeService runtimeService;
  TaskService taskService;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    runtimeService = processEngine.getRuntimeService();
    taskService = processEngine.getTaskService();
    clockAt(2025, 10, 15, 10);
  }

  @Test
  void aPaidNoticeClosesTheCaseBelowTheTargetWhenTheCouncilSoChooses() {
    ProcessInstance below = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY, "AC-2025-000064",
        with(startVariables(), AttendanceCase.ENTRY_LEVEL.name(), 4,
            AttendanceCase.ATTENDANCE_TARGET.name(), 90.0, AttendanceCase.ATTENDANCE_PERCENT.name(), 52.6));
    Task meeting = taskService.createTaskQuery().processInstanceId(below.getId()).singleResult();
    taskService.complete(meeting.getId(), vars(AttendanceCase.LEGAL_ROUTE.name(), "penalty-notice",
        AttendanceCase.NO_CONTRACT_REASON.name(), "Never tried: the parent would not meet",
        AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name(), "Support was refused at every stage",
        AttendanceCase.OFFENCE_FROM.name(), CaseFixtures.OFFENCE_FROM, AttendanceCase.OFFENCE_TO.name(), CaseFixtures.OFFENCE_TO,
        AttendanceCase.THRESHOLD_EVIDENCE_CONFIRMED.name(), true, AttendanceCase.THRESHOLD_EVIDENCE_SESSIONS.name(), 12));
    for (ProcessInstance notice : runtimeService.createProcessInstanceQuery().processDefinitionKey(PenaltyNotice.KEY).list()) {
      Task stub = taskService.createTaskQuery().processInstanceId(notice.getId()).singleResult();
      taskService.complete(stub.getId(), vars(AttendanceCase.NOTICE_OUTCOME.name(), "paid"));
    }
    assertThat(below).isEnded();
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(below.getId())
        .variableName(AttendanceCase.CASE_OUTCOME.name()).singleResult().getValue()).isEqualTo("penalty-paid");
  }
}
