package uk.schoolattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.schoolattendance.casework.CaseFixtures.startVariables;
import static uk.schoolattendance.casework.CaseFixtures.vars;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
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
 * A case waiting at "Intervene in school" on AttendanceCase 1.6 keeps the definition and the form it
 * was deployed with ({@code formRefBinding="deployment"}): the form offers improved and refer-to-la
 * only, and its gateway has no way to "no longer needed". Such a task refuses no-longer-needed (through
 * the engine's API) naming the field and saying what to do, and changes nothing; referring it on works
 * as before. A case opened on 1.7 gets the new form. The 1.6 definition and form are those of commit
 * 809c6d8, kept under previous/809c6d8.
 */
@Deployment(resources = {"bpmn/AttendanceCase.bpmn", "forms/intervene-in-school.form", "bpmn/ChangeCaseLevel.bpmn",
    "bpmn/ReviewOutcome.dmn", "bpmn/AttendanceBand.dmn", "bpmn/NationalThreshold.dmn", "stubs/PenaltyNoticeStub.bpmn",
    "stubs/CourtProceedingsStub.bpmn", "stubs/NoticeToImproveStub.bpmn"})
class PreviousInterventionFormTest {

  static final ProcessEngineFixture ENGINE = ProcessEngineFixture.builder("previous-intervention-form-test").build();

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ENGINE.configuration).build();

  ProcessEngine processEngine;
  private String previous;

  @BeforeEach
  void deployThePreviousDefinition() throws Exception {
    previous = PreviousForms.deploy(processEngine, "809c6d8", "AttendanceCase 1.6 with its intervention form",
        "intervene-in-school.form");
  }

  @AfterEach
  void removeIt() {
    PreviousForms.remove(processEngine, previous);
  }

  @Test
  void aTaskOnThePreviousDefinitionKeepsItsFormAndRefusesNoLongerNeededNamingTheField() throws Exception {
    ProcessInstance instance = startOn(previous, "1.6", "AC-2025-000971");
    Task intervene = BpmnAwareTests.task(instance);
    assertThat(outcomesOffered(intervene)).containsExactly("improved", "refer-to-la");

    AttendanceCaseTest.assertRefused(() -> processEngine.getTaskService().complete(intervene.getId(), vars(
            AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name(), "no-longer-needed",
            AttendanceCase.NO_LONGER_NEEDED_REASON.name(), "moved-away",
            AttendanceCase.NO_LONGER_NEEDED_EXPLANATION.name(), "The family moved to Leeds in October")),
        AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name())
        .hasMessageContaining("earlier version of the process").hasMessageContaining("refer-to-la");
    assertThat(instance).isWaitingAt(AttendanceCase.INTERVENE_IN_SCHOOL.id());
    assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), AttendanceCase.NO_LONGER_NEEDED_REASON.name()))
        .isNull();

    processEngine.getTaskService().complete(intervene.getId(), vars(AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name(), "refer-to-la"));
    assertThat(instance).isWaitingAt(AttendanceCase.HOLD_ATTENDANCE_MEETING.id());
  }

  @Test
  void aCaseOpenedOnTheCurrentDefinitionIsOfferedNoLongerNeeded() throws Exception {
    String deployment = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(AttendanceCase.KEY).versionTag("1.7").singleResult().getDeploymentId();
    ProcessInstance instance = startOn(deployment, "1.7", "AC-2025-000972");
    assertThat(outcomesOffered(BpmnAwareTests.task(instance))).containsExactly("improved", "refer-to-la", "no-longer-needed");
  }

  private ProcessInstance startOn(String deployment, String versionTag, String reference) {
    String definition = processEngine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment)
        .processDefinitionKey(AttendanceCase.KEY).singleResult().getId();
    assertThat(processEngine.getRepositoryService().getProcessDefinition(definition).getVersionTag()).isEqualTo(versionTag);
    ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceById(definition, reference, startVariables());
    assertThat(instance).isWaitingAt(AttendanceCase.INTERVENE_IN_SCHOOL.id());
    return instance;
  }

  /** The outcomes the form Tasklist gets for the task offers. */
  private java.util.List<String> outcomesOffered(Task task) throws Exception {
    try (InputStream form = processEngine.getFormService().getDeployedTaskForm(task.getId())) {
      return PathwayModelsTest.values(new ObjectMapper().readTree(form), AttendanceCase.SCHOOL_INTERVENTION_OUTCOME.name());
    }
  }
}
