package uk.schoolattendance.casework;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The project's API for cases: {@code POST /api/cases} opens a case (the same validation as
 * the engine's start; a case reference {@code AC-<year>-<number>} is generated when none is
 * given) and answers 201 with the reference; {@code GET /api/cases/{ref}} summarises one.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

  static final List<String> SUMMARY =
      List.of(
          "caseReference", "pupilUpn", "pupilName", "schoolUrn", "route", "level", "stage",
          "attendancePercent", "attendanceBand", "unauthorisedSessions", "reviewDueDate",
          "legalRoute", "caseOutcome", "closureReason", "noticeToImproveEndsOn");

  /** Queries are paged (the engine refuses unbounded queries): a case has far fewer of each. */
  static final int MAX_VARIABLES = 500;
  static final int MAX_TASKS = 100;

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskService taskService;

  CaseController(
      RuntimeService runtimeService, HistoryService historyService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> open(@RequestBody Map<String, Object> request) {
    Map<String, Object> variables = new LinkedHashMap<>(request);
    Object given = variables.remove("caseReference");
    Object parents = variables.get("parents");
    if (parents != null) {
      JsonNode json = JsonVariables.parse("parents", parents);
      variables.put("parents", JsonVariables.json(json));
    }
    // The case start gives the reference; only an administrator may bring one (security.CallerReferences)
    ProcessInstance instance =
        runtimeService.createProcessInstanceByKey("AttendanceCase")
            .businessKey(given instanceof String s && !s.isBlank() ? s.trim() : null)
            .setVariables(variables)
            .execute();
    String reference = instance.getBusinessKey();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseReference", reference);
    body.put("processInstanceId", instance.getId());
    return ResponseEntity.created(URI.create("/api/cases/" + reference)).body(body);
  }

  @GetMapping("/{caseReference}")
  Map<String, Object> summary(@PathVariable String caseReference) {
    HistoricProcessInstance instance = find(historyService, caseReference);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("caseReference", caseReference);
    summary.put("processInstanceId", instance.getId());
    summary.put("state", instance.getState());
    summary.put("openedOn", instance.getStartTime());
    summary.put("closedOn", instance.getEndTime());
    Map<String, Object> values = new LinkedHashMap<>();
    for (HistoricVariableInstance variable :
        historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).listPage(0, MAX_VARIABLES)) {
      values.put(variable.getName(), variable.getValue());
    }
    for (String name : SUMMARY) {
      if (!"caseReference".equals(name)) {
        summary.put(name, values.get(name));
      }
    }
    Object history = values.get(CasePathway.HISTORY);
    summary.put("history", history == null ? List.of() : JsonVariables.parse("history", history));
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(caseReference).listPage(0, MAX_TASKS)) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("id", task.getId());
      t.put("taskDefinitionKey", task.getTaskDefinitionKey());
      t.put("name", task.getName());
      t.put("due", task.getDueDate());
      tasks.add(t);
    }
    summary.put("openTasks", tasks);
    return summary;
  }

  static HistoricProcessInstance find(HistoryService history, String caseReference) {
    HistoricProcessInstance instance =
        history.createHistoricProcessInstanceQuery()
            .processDefinitionKey("AttendanceCase")
            .processInstanceBusinessKey(caseReference)
            .orderByProcessInstanceStartTime().desc()
            .listPage(0, 1).stream().findFirst().orElse(null);
    if (instance == null) {
      throw new org.springframework.web.server.ResponseStatusException(
          org.springframework.http.HttpStatus.NOT_FOUND, "no case with reference " + caseReference);
    }
    return instance;
  }
}
