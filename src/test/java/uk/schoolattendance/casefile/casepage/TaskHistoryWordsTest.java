package uk.schoolattendance.casefile.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseFixtures;

/** A case's task carries the case's stage and history in words for Tasklist's form; the case's own variables stay as they were. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class TaskHistoryWordsTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void aNewTaskShowsTheStageAndTheHistoryAsPeopleWriteThem() {
    ProcessInstance started = new CaseFileCases(runtimeService)
        .start(CaseFixtures.UNIVERSAL_SCHOOL, "Rue Wording", CaseFileCases.newUpn(), "parent-1", "Sol Wording");
    Task task = taskService.createTaskQuery().processInstanceId(started.getId()).singleResult();
    Map<String, Object> local = taskService.getVariablesLocal(task.getId());

    String stage = (String) runtimeService.getVariable(started.getId(), AttendanceCase.STAGE.name());
    assertThat(stage).contains("-");
    assertThat(TaskHistoryWords.STAGE_SHOWN.get(local)).isEqualTo(
        Character.toUpperCase(stage.charAt(0)) + stage.substring(1).replace('-', ' '));

    JsonNode history = TaskHistoryWords.HISTORY_SHOWN.get(local);
    assertThat(history).isNotEmpty();
    JsonNode newest = history.get(0);
    assertThat(newest.path("date").asText()).matches("\\d{1,2}:\\d{2}(am|pm) on \\d{1,2} [A-Z][a-z]+ \\d{4}");
    assertThat(newest.path("event").asText()).isNotBlank().doesNotContain("-");
    assertThat(newest.path("level").asText()).startsWith("Level 1");
    assertThat(newest.path("by").asText()).isNotBlank();
    // the case's own history keeps its machine form
    assertThat(runtimeService.getVariable(started.getId(), AttendanceCase.HISTORY.name()).toString()).contains("T");
  }
}
