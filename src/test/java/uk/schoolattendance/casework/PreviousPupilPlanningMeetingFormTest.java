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
import uk.schoolattendance.court.CourtProceedings;

/**
 * Review 3, M1: a case started on AttendanceCase 1.4 keeps the Pupil Planning Meeting form it was
 * deployed with ({@code formRefBinding="deployment"}), which asks neither whether the child is in care
 * nor why no contract or Notice to Improve was tried. Such a meeting completes as it did, by ESO and by
 * prosecution, instead of being refused for fields its officer cannot fill. The 1.4 definition and form
 * are those of commit 2f6061b, kept under previous/2f6061b.
 */
@Deployment(resources = {"bpmn/AttendanceCase.bpmn", "forms/hold-pupil-planning-meeting.form", "bpmn/ChangeCaseLevel.bpmn",
    "bpmn/ReviewOutcome.dmn", "bpmn/AttendanceBand.dmn", "bpmn/NationalThreshold.dmn", "stubs/PenaltyNoticeStub.bpmn",
    "stubs/CourtProceedingsStub.bpmn", "stubs/NoticeToImproveStub.bpmn"})
class PreviousPupilPlanningMeetingFormTest {

  static final ProcessEngineFixture ENGINE = ProcessEngineFixture.builder("previous-pupil-planning-meeting-form-test").build();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENGINE.configuration).build();

  ProcessEngine processEngine;
  private String previous;

  @BeforeEach
  void deployThePreviousDefinition() throws Exception {
    previous = PreviousForms.deploy(processEngine, "2f6061b", "AttendanceCase 1.4 with its meeting form",
        "hold-pupil-planning-meeting.form");
  }

  @AfterEach
  void removeIt() {
    PreviousForms.remove(processEngine, previous);
  }

  @Test
  void aMeetingOnThePreviousFormChoosesAnEducationSupervisionOrderWithoutTheInCareQuestion() {
    ProcessInstance instance = startOnPrevious("AC-2025-000701");
    complete(instance, AttendanceCase.LEGAL_ROUTE.name(), "education-supervision-order",
        AttendanceCase.LEGAL_ROUTE_REASON.name(), "Support refused");
    assertThat(instance).isWaitingAt("Activity_TakeCaseToCourt");
    assertThat(court("AC-2025-000701").getProcessInstanceId()).isNotNull();
  }

  @Test
  void aMeetingOnThePreviousFormProsecutesALevelFourCaseWithoutReasonsItCannotGive() {
    ProcessInstance instance = startOnPrevious("AC-2025-000702");
    complete(instance, AttendanceCase.LEGAL_ROUTE.name(), "prosecution",
        AttendanceCase.OFFENCE_FROM.name(), CaseFixtures.OFFENCE_FROM, AttendanceCase.OFFENCE_TO.name(), CaseFixtures.OFFENCE_TO,
        AttendanceCase.LEGAL_ROUTE_REASON.name(), "Sustained absence");
    assertThat(instance).isWaitingAt("Activity_TakeCaseToCourt");
    assertThat(processEngine.getRuntimeService().getVariable(court("AC-2025-000702").getProcessInstanceId(),
        CourtProceedings.PROCEEDINGS_TYPE.name())).isEqualTo("prosecution");
  }

  @Test
  void theCurrentFormStillAsksBoth() {
    String current = processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(AttendanceCase.KEY)
        .versionTag("1.7").singleResult().getId();
    ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceById(current, "AC-2025-000703",
        with(startVariables(), AttendanceCase.ENTRY_LEVEL.name(), 4));
    Task meeting = BpmnAwareTests.task(instance);
    AttendanceCaseTest.assertRefused(() -> processEngine.getTaskService().complete(meeting.getId(), vars(
            AttendanceCase.LEGAL_ROUTE.name(), "education-supervision-order", AttendanceCase.LEGAL_ROUTE_REASON.name(), "Support refused")),
        AttendanceCase.CHILD_LOOKED_AFTER.name());
    AttendanceCaseTest.assertRefused(() -> processEngine.getTaskService().complete(meeting.getId(), vars(
            AttendanceCase.LEGAL_ROUTE.name(), "prosecution", AttendanceCase.OFFENCE_FROM.name(), CaseFixtures.OFFENCE_FROM,
            AttendanceCase.OFFENCE_TO.name(), CaseFixtures.OFFENCE_TO, AttendanceCase.LEGAL_ROUTE_REASON.name(), "Sustained absence")),
        AttendanceCase.NO_CONTRACT_REASON.name());
    assertThat(instance).isWaitingAt(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id());
  }

  private ProcessInstance startOnPrevious(String reference) {
    String definition = processEngine.getRepositoryService().createProcessDefinitionQuery().deploymentId(previous)
        .singleResult().getId();
    assertThat(processEngine.getRepositoryService().getProcessDefinition(definition).getVersionTag()).isEqualTo("1.4");
    // a case opened at Level 4: no contract was tried and no Notice to Improve issued
    ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceById(definition, reference,
        with(startVariables(), AttendanceCase.ENTRY_LEVEL.name(), 4));
    assertThat(instance).isWaitingAt(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id());
    return instance;
  }

  private void complete(ProcessInstance instance, Object... pairs) {
    processEngine.getTaskService().complete(BpmnAwareTests.task(instance).getId(), vars(pairs));
  }

  private org.camunda.bpm.engine.runtime.Execution court(String reference) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CourtProceedings.KEY)
        .processInstanceBusinessKey(reference).singleResult();
  }
}
