package uk.schoolattendance.casefile.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseCorrections;
import uk.schoolattendance.casework.CaseFixtures;
import uk.schoolattendance.identity.Groups;
import uk.schoolattendance.process.Json;

/**
 * A case's task form gets the case's stage and history in words when it is opened, as Tasklist
 * opens it ({@code GET /engine-rest/task/{id}/form-variables}): made from the case as it is then,
 * stored nowhere, and only for someone who may read the task. The case's own variables stay as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TaskHistoryWordsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired CaseCorrections corrections;
  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;

  @Test
  void aTasksFormShowsTheStageAndTheHistoryAsPeopleWriteThem() {
    ProcessInstance started = start("Rue Wording");
    Task task = taskOf(started);
    VariableMap form = formService.getTaskFormVariables(task.getId());

    String stage = (String) runtimeService.getVariable(started.getId(), AttendanceCase.STAGE.name());
    assertThat(stage).contains("-");
    assertThat(TaskHistoryWords.STAGE_SHOWN.get(form)).isEqualTo(
        Character.toUpperCase(stage.charAt(0)) + stage.substring(1).replace('-', ' '));

    JsonNode history = TaskHistoryWords.HISTORY_SHOWN.get(form);
    assertThat(history).isNotEmpty();
    JsonNode newest = history.get(0);
    assertThat(newest.path("date").asText()).matches("\\d{1,2}:\\d{2}(am|pm) on \\d{1,2} [A-Z][a-z]+ \\d{4}");
    assertThat(newest.path("event").asText()).isNotBlank().doesNotContain("-");
    assertThat(newest.path("level").asText()).startsWith("Level 1");
    assertThat(newest.path("by").asText()).isNotBlank();
    // the case's own history keeps its machine form, and the task stores no copy of it in words
    assertThat(runtimeService.getVariable(started.getId(), AttendanceCase.HISTORY.name()).toString()).contains("T");
    assertThat(taskService.getVariablesLocal(task.getId()))
        .doesNotContainKeys("stageShown", "attendanceBandShown", "historyShown");
  }

  @Test
  void aFormOpenedAfterTheCasesHistoryGrewShowsTheNewEntry() throws Exception {
    ProcessInstance started = start("Tam Later");
    Task task = taskOf(started);
    JsonNode before = historyShown(rest("school2", task));
    identityService.setAuthentication("officer", List.of(Groups.ATTENDANCE_OFFICERS));
    try {
      corrections.correct(new CaseFileCases(runtimeService).referenceOf(started), AttendanceCase.PUPIL_NAME.name(),
          "Tamsin Later", "Spelt wrongly on the referral");
    } finally {
      identityService.clearAuthentication();
    }

    JsonNode after = historyShown(rest("school2", task));
    assertThat(after).hasSize(before.size() + 1);
    assertThat(after.get(0).path("reason").asText()).contains("Tam Later", "Tamsin Later", "Spelt wrongly on the referral");
    assertThat(after.get(0).path("by").asText()).isEqualTo("Olivia Okafor");
  }

  @Test
  void onlySomeoneWhoMayReadTheTaskGetsTheWords() throws Exception {
    Task task = taskOf(start("Una Private"));
    ResponseEntity<String> own = rest("school2", task);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode values = JSON.readTree(own.getBody());
    assertThat(values.path("historyShown").path("type").asText()).isEqualTo("Json");
    assertThat(values.path("stageShown").path("value").asText()).isNotBlank().doesNotContain("-");

    ResponseEntity<String> other = rest("school1", task);
    assertThat(other.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(other.getBody()).doesNotContain("Una Private").doesNotContain("Level 1");
  }

  @Test
  void aFormAskingForSomeValuesGetsJustThose() throws Exception {
    Task task = taskOf(start("Vi Narrow"));
    JsonNode words = JSON.readTree(rest("school2", task, "?variableNames=historyShown,pupilName").getBody());
    assertThat(words.fieldNames()).toIterable().containsExactlyInAnyOrder("historyShown", "pupilName");
    assertThat(JSON.readTree(words.path("historyShown").path("value").asText())).isNotEmpty();
    JsonNode reference = JSON.readTree(rest("school2", task, "?variableNames=caseReference").getBody());
    assertThat(reference.fieldNames()).toIterable().containsExactly("caseReference");
  }

  @Test
  void aTaskMadeBeforeKeepsItsStoredCopiesUntilItEndsButItsFormShowsTheCurrentWords() {
    ProcessInstance started = runtimeService.startProcessInstanceByKey(AttendanceCase.KEY,
        CaseFixtures.with(CaseFixtures.startVariables(), "entryLevel", 2));
    Task task = taskOf(started);
    // what a task created before the words were made at reading time holds
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
      var stored = context.getTaskManager().findTaskById(task.getId());
      stored.setVariableLocal("stageShown", "Old stage");
      stored.setVariableLocal("attendanceBandShown", "Old band");
      stored.setVariableLocal("historyShown", Json.value(JSON.createArrayNode()));
      return null;
    });
    assertThat(taskService.getVariablesLocal(task.getId())).containsKeys("stageShown", "historyShown");

    VariableMap form = formService.getTaskFormVariables(task.getId());
    assertThat(TaskHistoryWords.STAGE_SHOWN.get(form)).isNotEqualTo("Old stage").doesNotContain("-");
    assertThat(TaskHistoryWords.HISTORY_SHOWN.get(form)).isNotEmpty();

    taskService.complete(task.getId(), Map.of("attendanceTarget", 92.0));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(started.getId())
        .variableNameIn("stageShown", "attendanceBandShown", "historyShown").count()).isZero();
  }

  private ProcessInstance start(String pupil) {
    return new CaseFileCases(runtimeService)
        .start(CaseFixtures.UNIVERSAL_SCHOOL, pupil, CaseFileCases.newUpn(), "parent-1", "Sol Wording");
  }

  private Task taskOf(ProcessInstance started) {
    return taskService.createTaskQuery().processInstanceId(started.getId()).singleResult();
  }

  private ResponseEntity<String> rest(String user, Task task) {
    return rest(user, task, "");
  }

  /** As Tasklist opens a task's Camunda Form. */
  private ResponseEntity<String> rest(String user, Task task, String query) {
    return rest.withBasicAuth(user, user)
        .getForEntity("/engine-rest/task/" + task.getId() + "/form-variables" + query, String.class);
  }

  private static JsonNode historyShown(ResponseEntity<String> answer) throws Exception {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(JSON.readTree(answer.getBody()).path("historyShown").path("value").asText());
  }
}
