package uk.schoolattendance.casework;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.schools.CalendarProperties;
import uk.schoolattendance.security.CurrentUser;
import uk.schoolattendance.web.FieldForbidden;

/**
 * The project's API for cases: {@code POST /api/cases} opens a case (the same validation as
 * the engine's start; a case reference {@code AC-<year>-<number>} is generated when none is
 * given) and answers 201 with the reference; {@code GET /api/cases/{ref}} summarises one.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

  static final List<ProcessVariable<?>> SUMMARY =
      List.of(
          AttendanceCase.PUPIL_UPN, AttendanceCase.PUPIL_NAME, AttendanceCase.SCHOOL_URN, AttendanceCase.ROUTE,
          AttendanceCase.LEVEL, AttendanceCase.STAGE, AttendanceCase.ATTENDANCE_PERCENT, AttendanceCase.ATTENDANCE_BAND,
          AttendanceCase.UNAUTHORISED_SESSIONS, AttendanceCase.REVIEW_DUE_DATE, AttendanceCase.LEGAL_ROUTE,
          AttendanceCase.CASE_OUTCOME, AttendanceCase.CLOSURE_REASON, AttendanceCase.NOTICE_TO_IMPROVE_ENDS_ON);

  /** Queries are paged (the engine refuses unbounded queries): a case has far fewer of each. */
  static final int MAX_VARIABLES = 500;
  static final int MAX_TASKS = 100;

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final CalendarProperties calendar;
  private final CurrentUser currentUser;

  CaseController(
      RuntimeService runtimeService,
      HistoryService historyService,
      TaskService taskService,
      CalendarProperties calendar,
      CurrentUser currentUser) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
    this.calendar = calendar;
    this.currentUser = currentUser;
  }

  @PostMapping
  ResponseEntity<?> open(@RequestBody OpenCaseRequest request) {
    // who may act on the school first, then the body (not @Valid: binding would check the body
    // first, and a school would learn from the refusals about another school's pupil)
    refuseOtherSchool(request.schoolUrn());
    request.check();
    String given = request.caseReference() == null ? null : request.caseReference().trim();
    // The case start gives the reference; only an administrator may bring one (security.CallerReferences)
    ProcessInstance instance =
        runtimeService.createProcessInstanceByKey(AttendanceCase.KEY)
            .businessKey(given == null || given.isEmpty() ? null : given)
            .setVariables(request.startVariables(calendar.zone()))
            .execute();
    String reference = instance.getBusinessKey();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(AttendanceCase.CASE_REFERENCE.name(), reference);
    body.put("processInstanceId", instance.getId());
    return ResponseEntity.created(URI.create("/api/cases/" + reference)).body(body);
  }

  /**
   * Refuses (403 naming {@code schoolUrn}) a user who does not read every school naming a school
   * not theirs; a missing or malformed URN passes here (the body's checks then name it).
   */
  private void refuseOtherSchool(String schoolUrn) {
    if (currentUser.readsEverySchool() || schoolUrn == null) {
      return;
    }
    String urn;
    try {
      urn = Inputs.schoolUrn(AttendanceCase.SCHOOL_URN.name(), schoolUrn);
    } catch (InvalidInputException malformed) {
      return;
    }
    if (!currentUser.schoolUrns().contains(urn)) {
      throw new FieldForbidden(AttendanceCase.SCHOOL_URN.name(), "a school may open cases only for its own pupils");
    }
  }

  @GetMapping("/{caseReference}")
  Map<String, Object> summary(@PathVariable String caseReference) {
    HistoricProcessInstance instance = find(historyService, caseReference);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put(AttendanceCase.CASE_REFERENCE.name(), caseReference);
    summary.put("processInstanceId", instance.getId());
    summary.put("state", instance.getState());
    summary.put("openedOn", instance.getStartTime());
    summary.put("closedOn", instance.getEndTime());
    Map<String, Object> values = new LinkedHashMap<>();
    for (HistoricVariableInstance variable :
        historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).listPage(0, MAX_VARIABLES)) {
      values.put(variable.getName(), variable.getValue());
    }
    for (ProcessVariable<?> variable : SUMMARY) {
      summary.put(variable.name(), values.get(variable.name()));
    }
    Object history = values.get(AttendanceCase.HISTORY.name());
    summary.put(AttendanceCase.HISTORY.name(), history == null ? List.of() : Json.parse(AttendanceCase.HISTORY.name(), history));
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

  /** The newest case with this reference the caller may see; 404 otherwise. */
  static HistoricProcessInstance find(HistoryService history, String caseReference) {
    HistoricProcessInstance instance =
        history.createHistoricProcessInstanceQuery()
            .processDefinitionKey(AttendanceCase.KEY)
            .processInstanceBusinessKey(caseReference)
            .orderByProcessInstanceStartTime().desc()
            .listPage(0, 1).stream().findFirst().orElse(null);
    if (instance == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no case with reference " + caseReference);
    }
    return instance;
  }
}
