package uk.schoolattendance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * The history level "case-file": every version of what people enter stays in the history;
 * the values the application derives (the case's Json log, level, stage, decision outputs,
 * timer bookkeeping) keep their latest value only, and a database created at "full" still starts.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class CaseFileHistoryTest {

  @Autowired ProcessEngine engine;

  @Test
  void theEngineRunsAtCaseFileWithTheIdOfFull() {
    HistoryLevel level = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
    assertThat(level.getName()).isEqualTo(CaseFileHistoryLevel.NAME);
    assertThat(level.getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
  }

  @Test
  void enteredValuesKeepEveryVersionDerivedValuesTheirLatest() {
    String id = engine.getRuntimeService().startProcessInstanceByKey("AttendanceCase", "AC-HISTORY-1",
        CaseFixtures.with(CaseFixtures.startVariables(), "entryLevel", 2)).getId();
    complete(id, Map.of("attendanceTarget", 92.0));
    engine.getManagementService().executeJob(
        engine.getManagementService().createJobQuery().processInstanceId(id).timers().singleResult().getId());
    complete(id, Map.of("currentAttendancePercent", 93.0));

    HistoryService history = engine.getHistoryService();
    List<String> detailed = history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().list().stream()
        .map(d -> ((HistoricVariableUpdate) d).getVariableName()).toList();
    // What people entered: the start form's values, the target, the reviewed attendance.
    assertThat(detailed).contains("pupilUpn", "parents", "attendancePercent", "attendanceTarget", "currentAttendancePercent");
    // What the application derives keeps no detail rows ...
    assertThat(detailed).doesNotContain("history", "level", "stage", "attendanceBand", "reviewOutcome", "reviewDueDate",
        "caseOutcome", "supportOutcome");
    // ... but its latest value stays in the variable history, and the decisions in the decision history.
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("history").singleResult()
        .getValue().toString()).contains("case-opened", "case-closed");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("reviewOutcome")
        .singleResult().getValue()).isEqualTo("target-met");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("caseOutcome")
        .singleResult().getValue()).isEqualTo("improved");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("supportOutcome")
        .singleResult().getValue()).isEqualTo("improved");
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(id).decisionDefinitionKey("ReviewOutcome")
        .includeOutputs().singleResult().getOutputs()).anySatisfy(o -> assertThat(o.getValue()).isEqualTo("target-met"));
  }

  @Test
  void aTasksFormShowsTheCaseInWordsWithoutStoringThemTheCasesOwnValuesKeepTheirHistory() {
    String id = engine.getRuntimeService().startProcessInstanceByKey("AttendanceCase", "AC-HISTORY-2",
        CaseFixtures.with(CaseFixtures.startVariables(), "entryLevel", 2)).getId();
    Task meeting = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    // the form reads the case in words while the task is open ...
    assertThat(engine.getFormService().getTaskFormVariables(meeting.getId()))
        .containsKeys("stageShown", "historyShown");
    complete(id, Map.of("attendanceTarget", 92.0));

    HistoryService history = engine.getHistoryService();
    // ... they leave no history behind, while what they are made from keeps its own
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableNameIn("stageShown", "attendanceBandShown", "historyShown").count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().list())
        .noneMatch(d -> ((HistoricVariableUpdate) d).getVariableName().endsWith("Shown"));
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableNameIn("stage", "history")
        .count()).isEqualTo(2);
  }

  private void complete(String instanceId, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    engine.getTaskService().complete(task.getId(), variables);
  }
}
