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
import uk.schoolattendance.schools.DateValues;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Moves waiting school-week timers when term dates change: for each timer job of a
 * school-week timer, the new due date is its stored base date plus its stored number of school
 * weeks, counted on today's calendar. Timers on a date a person chose keep it.
 */
@Service
public class SchoolWeekTimers {

  /** A school-week timer: its activity and the variables that hold its base date, weeks and due date. */
  record Timer(String activityId, String baseDate, String weeks, String dueDate) {}

  static final List<Timer> TIMERS =
      List.of(
          new Timer("Event_ReviewDateReached", "reviewBaseDate", "reviewWeeks", "reviewDueDate"),
          new Timer(
              "Event_ContractReviewDateReached",
              "contractReviewBaseDate",
              "contractReviewWeeks",
              "contractReviewDueDate"),
          new Timer(
              "Event_ImprovementPeriodEnded",
              "noticeToImproveBaseDate",
              "improvementPeriodWeeks",
              "noticeToImproveEndsOn"));

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
            runtimeService.getVariables(job.getExecutionId(), List.of(timer.baseDate(), timer.weeks()));
        Object base = vars.get(timer.baseDate());
        Object weeks = vars.get(timer.weeks());
        if (base == null || !(weeks instanceof Number n)) {
          continue;
        }
        LocalDate baseDay = DateValues.toLocalDate(base, calendar.properties().zone());
        Date due = calendar.atTimeOfDay(calendar.addSchoolWeeks(baseDay, n.intValue()));
        if (!due.equals(job.getDuedate())) {
          managementService.setJobDuedate(job.getId(), due);
          runtimeService.setVariable(job.getExecutionId(), timer.dueDate(), due);
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
