package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.schoolattendance.casework.CaseFixtures.startVariables;
import static uk.schoolattendance.casework.CaseFixtures.vars;
import static uk.schoolattendance.casework.CaseFixtures.with;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.ProcessEngineFixture;

/**
 * A case waiting at its Pupil Planning Meeting on AttendanceCase 1.5 keeps the form it was deployed
 * with ({@code formRefBinding="deployment"}): it asks why no contract and no Notice to Improve once
 * per case, and for a prosecution only. Such a meeting completes as it did: an education supervision
 * order without the reasons, a prosecution with its one reason. From 1.6 the reasons are asked per
 * parent and for every formal route. The 1.5 definition and form are those of commit 0d6b567, kept
 * under previous/0d6b567.
 */
@Deployment(resources = {"bpmn/AttendanceCase.bpmn", "forms/hold-pupil-planning-meeting.form", "bpmn/ChangeCaseLevel.bpmn",
    "bpmn/ReviewOutcome.dmn", "bpmn/AttendanceBand.dmn", "bpmn/NationalThreshold.dmn", "stubs/PenaltyNoticeStub.bpmn",
    "stubs/CourtProceedingsStub.bpmn", "stubs/NoticeToImproveStub.bpmn"})
class PreviousMeetingReasonsFormTest {

  static final ProcessEngineFixture ENGINE = ProcessEngineFixture.builder("previous-meeting-reasons-form-test").build();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENGINE.configuration).build();

  ProcessEngine processEngine;
  private String previous;

  @BeforeEach
  void deployThePreviousDefinition() throws Exception {
    previous = PreviousForms.deploy(processEngine, "0d6b567", "AttendanceCase 1.5 with its meeting form",
        "hold-pupil-planning-meeting.form");
  }

  @AfterEach
  void removeIt() {
    PreviousForms.remove(processEngine, previous);
  }

  @Test
  void aMeetingOnThePreviousFormChoosesAnEducationSupervisionOrderWithoutTheReasons() {
    ProcessInstance instance = startOnPrevious("AC-2025-000711");
    complete(instance, AttendanceCase.LEGAL_ROUTE.name(), "education-supervision-order",
        AttendanceCase.CHILD_LOOKED_AFTER.name(), false, AttendanceCase.LEGAL_ROUTE_REASON.name(), "Support refused");
    assertThat(instance).isWaitingAt("Activity_TakeCaseToCourt");
  }

  @Test
  void aMeetingOnThePreviousFormProsecutesWithItsOneReason() {
    ProcessInstance instance = startOnPrevious("AC-2025-000712");
    Task meeting = BpmnAwareTests.task(instance);
    AttendanceCaseTest.assertRefused(() -> processEngine.getTaskService().complete(meeting.getId(), vars(
            AttendanceCase.LEGAL_ROUTE.name(), "prosecution", AttendanceCase.OFFENCE_FROM.name(), CaseFixtures.OFFENCE_FROM,
            AttendanceCase.OFFENCE_TO.name(), CaseFixtures.OFFENCE_TO, AttendanceCase.LEGAL_ROUTE_REASON.name(), "Sustained absence",
            AttendanceCase.NO_CONTRACT_REASON.name(), "The parents would not meet")),
        AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name());
    complete(instance, AttendanceCase.LEGAL_ROUTE.name(), "prosecution",
        AttendanceCase.OFFENCE_FROM.name(), CaseFixtures.OFFENCE_FROM, AttendanceCase.OFFENCE_TO.name(), CaseFixtures.OFFENCE_TO,
        AttendanceCase.LEGAL_ROUTE_REASON.name(), "Sustained absence",
        AttendanceCase.NO_CONTRACT_REASON.name(), "The parents would not meet",
        AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name(), "Support was refused at every stage");
    assertThat(instance).isWaitingAt("Activity_TakeCaseToCourt");
    assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON.name()))
        .isEqualTo("Support was refused at every stage");
  }

  @Test
  void theCurrentFormAsksTheReasonsForAnEducationSupervisionOrderToo() {
    String current = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(AttendanceCase.KEY)
        .versionTag("1.7").singleResult().getId();
    ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceById(current, "AC-2025-000713",
        with(startVariables(), AttendanceCase.ENTRY_LEVEL.name(), 4));
    Task meeting = BpmnAwareTests.task(instance);
    AttendanceCaseTest.assertRefused(() -> processEngine.getTaskService().complete(meeting.getId(), vars(
            AttendanceCase.LEGAL_ROUTE.name(), "education-supervision-order", AttendanceCase.CHILD_LOOKED_AFTER.name(), false,
            AttendanceCase.LEGAL_ROUTE_REASON.name(), "Support refused")),
        AttendanceCase.NO_CONTRACT_REASON.name());
    assertThat(instance).isWaitingAt(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id());
  }

  private ProcessInstance startOnPrevious(String reference) {
    String definition = processEngine.getRepositoryService().createProcessDefinitionQuery().deploymentId(previous)
        .singleResult().getId();
    assertThat(processEngine.getRepositoryService().getProcessDefinition(definition).getVersionTag()).isEqualTo("1.5");
    // a case opened at Level 4: no contract was tried and no Notice to Improve issued
    ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceById(definition, reference,
        with(startVariables(), AttendanceCase.ENTRY_LEVEL.name(), 4));
    assertThat(instance).isWaitingAt(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id());
    return instance;
  }

  private void complete(ProcessInstance instance, Object... pairs) {
    processEngine.getTaskService().complete(BpmnAwareTests.task(instance).getId(), vars(pairs));
  }
}
