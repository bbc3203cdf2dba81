package uk.schoolattendance.reporting;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;

/**
 * The dashboard's counts of cases and reviews, as engine queries run as the signed-in user: each
 * counts only what that user may read (a manager everything, a school its own cases). The same
 * queries list the cases a count counts.
 */
@Component
public class CaseCounts {

  /** The levels of a case. */
  public static final int LEVELS = 5;

  private final RuntimeService runtime;
  private final TaskService tasks;

  CaseCounts(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** Open attendance cases. */
  public ProcessInstanceQuery openCases() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY).active();
  }

  /** Attendance cases (running, suspended or not) at a level (the case variable {@code level}). */
  public ProcessInstanceQuery atLevel(int level) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY)
        .variableValueEquals(AttendanceCase.LEVEL.name(), level);
  }

  /** Open attendance cases of a school. */
  public ProcessInstanceQuery ofSchool(String urn) {
    return openCases().variableValueEquals(AttendanceCase.SCHOOL_URN.name(), urn);
  }

  /** Open cases per level, 1 to {@link #LEVELS}. */
  public Map<String, Long> byLevel() {
    Map<String, Long> byLevel = new LinkedHashMap<>();
    for (int level = 1; level <= LEVELS; level++) {
      byLevel.put(String.valueOf(level), atLevel(level).count());
    }
    return byLevel;
  }

  /** Attendance reviews whose due date has passed. */
  public TaskQuery reviewsOverdue(Date now) {
    return tasks.createTaskQuery().taskDefinitionKey(AttendanceCase.REVIEW_ATTENDANCE.id()).dueBefore(now);
  }
}
