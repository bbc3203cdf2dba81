package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import uk.schoolattendance.improvement.NoticeToImprove;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Moves waiting school-week timers when term dates change: for each timer job of a
 * school-week timer, the new due date is its stored base date plus its stored number of school
 * weeks, counted on today's calendar. Timers on a date a person chose keep it.
 */
@Service
public class SchoolWeekTimers {

  /** A school-week timer: its activity and the variables that hold its base date, weeks and due date. */
  record Timer(
      String activityId, ProcessVariable<LocalDate> baseDate, ProcessVariable<Integer> weeks, ProcessVariable<LocalDate> dueDate) {}

  static final List<Timer> TIMERS =
      List.of(
          new Timer(
              AttendanceCase.REVIEW_DATE_REACHED,
              AttendanceCase.REVIEW_BASE_DATE,
              AttendanceCase.REVIEW_WEEKS,
              AttendanceCase.REVIEW_DUE_DATE),
          new Timer(
              AttendanceCase.CONTRACT_REVIEW_DATE_REACHED,
              AttendanceCase.CONTRACT_REVIEW_BASE_DATE,
              AttendanceCase.CONTRACT_REVIEW_WEEKS,
              AttendanceCase.CONTRACT_REVIEW_DUE_DATE),
          new Timer(
              NoticeToImprove.IMPROVEMENT_PERIOD_ENDED,
              NoticeToImprove.BASE_DATE,
              NoticeToImprove.PERIOD_WEEKS,
              NoticeToImprove.ENDS_ON));

  /** One timer moved. */
  public record Moved(String jobId, String processInstanceId, String activityId, Date from, Date to) {}

  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final SchoolCalendar calendar;

  public SchoolWeekTimers(ManagementService managementService, RuntimeService runtimeService, SchoolCalendar calendar) {
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.calendar = calendar;
  }

  /** Recalculates every waiting school-week timer; returns those whose due date changed. */
  public List<Moved> recalculate() {
    List<Moved> moved = new ArrayList<>();
    for (Timer timer : TIMERS) {
      for (Job job : waiting(timer)) {
        Map<String, Object> vars =
            runtimeService.getVariables(job.getExecutionId(), List.of(timer.baseDate().name(), timer.weeks().name()));
        LocalDate base = timer.baseDate().get(vars);
        Integer weeks = timer.weeks().get(vars);
        if (base == null || weeks == null) {
          continue;
        }
        LocalDate dueDay = calendar.addSchoolWeeks(base, weeks);
        Date due = calendar.atTimeOfDay(dueDay);
        if (!due.equals(job.getDuedate())) {
          managementService.setJobDuedate(job.getId(), due);
          runtimeService.setVariable(job.getExecutionId(), timer.dueDate().name(), timer.dueDate().stored(dueDay));
          moved.add(new Moved(job.getId(), job.getProcessInstanceId(), timer.activityId(), job.getDuedate(), due));
        }
      }
    }
    return moved;
  }

  /** The waiting timer jobs of one activity, read in pages (the engine refuses unbounded queries). */
  private List<Job> waiting(Timer timer) {
    List<Job> jobs = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<Job> page =
          managementService.createJobQuery().timers().activityId(timer.activityId()).orderByJobId().asc()
              .listPage(first, PAGE);
      jobs.addAll(page);
      if (page.size() < PAGE) {
        return jobs;
      }
    }
  }

  private static final int PAGE = 200;
}
