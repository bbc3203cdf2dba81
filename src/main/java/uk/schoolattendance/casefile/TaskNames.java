package uk.schoolattendance.casefile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.index.CaseRow;
import uk.schoolattendance.notices.PenaltyNotice;

/**
 * Open tasks' names as pages show them. Where a case has several open tasks of one name (a penalty
 * notice's tasks, one notice per parent) each is named with its parent, "Post or hand over the
 * notice for Alex Patel", so no two lines or links read the same. The parent is the
 * {@code parentName} of the task's own process (the notice); read as the application, and only
 * for cases with such tasks.
 */
@Component
public class TaskNames {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final AsApplication asApplication;

  TaskNames(TaskService taskService, RuntimeService runtimeService, AsApplication asApplication) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.asApplication = asApplication;
  }

  /** Each open task's name by task id: its own, or with its parent's name where its case has another of the same name. */
  public Map<String, String> of(Collection<CaseRow> rows) {
    Map<String, String> names = new HashMap<>();
    List<String> repeated = new ArrayList<>();
    for (CaseRow row : rows) {
      Map<String, Long> counts = row.tasks().stream().collect(Collectors.groupingBy(CaseRow.OpenTask::name, Collectors.counting()));
      for (CaseRow.OpenTask task : row.tasks()) {
        names.put(task.taskId(), task.name());
        if (counts.get(task.name()) > 1) {
          repeated.add(task.taskId());
        }
      }
    }
    if (!repeated.isEmpty()) {
      parentsOf(repeated).forEach((taskId, parent) -> names.put(taskId, names.get(taskId) + " for " + parent));
    }
    return names;
  }

  /** The parent each task's process is for, by task id, where it names one. */
  private Map<String, String> parentsOf(List<String> taskIds) {
    return asApplication.call(() -> {
      List<Task> tasks = taskService.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).listPage(0, taskIds.size());
      String[] processes = tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
      Map<String, String> parentOfProcess = new HashMap<>();
      if (processes.length > 0) {
        for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
            .processInstanceIdIn(processes).variableName(PenaltyNotice.PARENT_NAME.name()).listPage(0, processes.length * 4)) {
          if (variable.getValue() instanceof String name && !name.isBlank()) {
            parentOfProcess.putIfAbsent(variable.getProcessInstanceId(), name);
          }
        }
      }
      Map<String, String> parents = new HashMap<>();
      for (Task task : tasks) {
        String parent = parentOfProcess.get(task.getProcessInstanceId());
        if (parent != null) {
          parents.put(task.getId(), parent);
        }
      }
      return parents;
    });
  }
}
