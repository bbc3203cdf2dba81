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
  private final org.camunda.bpm.engine.ManagementService management;

  CaseCounts(RuntimeService runtime, TaskService tasks, org.camunda.bpm.engine.ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
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

  /**
   * At most this many Notices to Improve ending within a week are read (a page within the engine's
   * query limit for a signed-in user, far above a week's notices in any authority).
   */
  static final int NOTICES_READ = 1000;

  /** The dashboard's "this week": the 7 days after {@code now}. */
  public static Date aWeekAfter(Date now) {
    return new Date(now.getTime() + 7L * 24 * 60 * 60 * 1000);
  }

  /** Attendance reviews due after {@code now} and before {@code until} (the dashboard's "this week"). */
  public TaskQuery reviewsDue(Date now, Date until) {
    return tasks.createTaskQuery().taskDefinitionKey(AttendanceCase.REVIEW_ATTENDANCE.id()).dueAfter(now).dueBefore(until);
  }

  /**
   * The attendance cases whose Notice to Improve's improvement period ends before {@code until}
   * (its timer is due then, or overdue), each once: the Notices to Improve as the user may read
   * them (their timers, then their calling case). A notice started on its own, with no case, is
   * not a case and not counted.
   */
  public java.util.List<String> casesWithNoticeToImproveEndingBefore(Date until) {
    java.util.Set<String> notices = new java.util.LinkedHashSet<>();
    for (org.camunda.bpm.engine.runtime.Job timer : management.createJobQuery()
        .processDefinitionKey(uk.schoolattendance.improvement.NoticeToImprove.KEY).timers().duedateLowerThan(until)
        .orderByJobDuedate().asc().listPage(0, NOTICES_READ)) {
      notices.add(timer.getProcessInstanceId());
    }
    if (notices.isEmpty()) {
      return java.util.List.of();
    }
    java.util.Set<String> cases = new java.util.LinkedHashSet<>();
    for (String notice : notices) {
      org.camunda.bpm.engine.runtime.ProcessInstance parent = runtime.createProcessInstanceQuery()
          .processDefinitionKey(AttendanceCase.KEY).subProcessInstanceId(notice).singleResult();
      if (parent != null) {
        cases.add(parent.getId());
      }
    }
    return java.util.List.copyOf(cases);
  }
}
