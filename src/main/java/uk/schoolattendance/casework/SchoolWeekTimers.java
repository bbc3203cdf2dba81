package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import uk.schoolattendance.improvement.ImprovementPeriod;
import uk.schoolattendance.improvement.NoticeToImprove;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Moves waiting school-week timers when term dates change: for each timer job of a
 * school-week timer, the new due date is its base date plus its stored number of school
 * weeks, counted on today's calendar. The base date of the case's reviews is the day the timer
 * was set, which the engine keeps as the job's creation time; a Notice to Improve stores its own.
 * Timers on a date a person chose keep it. A Notice to Improve's period as the forms show it
 * ({@code improvementPeriodShown}, ending on the last school day inside the period) is worked
 * out again on the same calendar.
 */
@Service
public class SchoolWeekTimers {

  /**
   * A school-week timer: its activity and the variables that hold its base date (null: the day
   * its timer job was created), weeks and due date, and the period as the forms show it (null:
   * none), from the base date to the last school day inside it.
   */
  record Timer(
      String activityId, ProcessVariable<LocalDate> baseDate, ProcessVariable<Integer> weeks, ProcessVariable<LocalDate> dueDate,
      ProcessVariable<String> periodShown) {

    Timer(String activityId, ProcessVariable<LocalDate> baseDate, ProcessVariable<Integer> weeks, ProcessVariable<LocalDate> dueDate) {
      this(activityId, baseDate, weeks, dueDate, null);
    }
  }

  static final List<Timer> TIMERS =
      List.of(
          new Timer(
              AttendanceCase.REVIEW_DATE_REACHED,
              null,
              AttendanceCase.REVIEW_WEEKS,
              AttendanceCase.REVIEW_DUE_DATE),
          new Timer(
              AttendanceCase.CONTRACT_REVIEW_DATE_REACHED,
              null,
              AttendanceCase.CONTRACT_REVIEW_WEEKS,
              AttendanceCase.CONTRACT_REVIEW_DUE_DATE),
          new Timer(
              NoticeToImprove.IMPROVEMENT_PERIOD_ENDED,
              NoticeToImprove.BASE_DATE,
              NoticeToImprove.PERIOD_WEEKS,
              NoticeToImprove.ENDS_ON,
              NoticeToImprove.IMPROVEMENT_PERIOD_SHOWN));

  /** One timer moved. */
  public record Moved(String jobId, String processInstanceId, String activityId, Date from, Date to) {}

  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final SchoolCalendar calendar;
  private final ImprovementPeriod improvementPeriod;

  /**
   * @param improvementPeriod the one rule of a Notice to Improve's period, on the same calendar: its
   *     timer day and the period the forms show are its {@code endsOn} and {@code shown()}
   */
  public SchoolWeekTimers(ManagementService managementService, RuntimeService runtimeService, SchoolCalendar calendar,
      ImprovementPeriod improvementPeriod) {
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.calendar = calendar;
    this.improvementPeriod = improvementPeriod;
  }

  /** Recalculates every waiting school-week timer; returns those whose due date changed. */
  public List<Moved> recalculate() {
    List<Moved> moved = new ArrayList<>();
    for (Timer timer : TIMERS) {
      for (Job job : waiting(timer)) {
        Integer weeks = timer.weeks().get(runtimeService.getVariables(job.getExecutionId(), List.of(timer.weeks().name())));
        LocalDate base = weeks == null ? null : baseDate(timer, job);
        if (base == null || weeks == null) {
          continue;
        }
        // a Notice to Improve's period by its one rule (ImprovementPeriod), a review's by school weeks
        ImprovementPeriod.Dates period =
            timer.periodShown() == null ? null : improvementPeriod.fromStart(null, null, base, weeks);
        LocalDate dueDay = period == null ? calendar.addSchoolWeeks(base, weeks) : period.endsOn();
        Date due = calendar.atTimeOfDay(dueDay);
        if (period != null) {
          // the last school day inside the period can move while the day after it does not (a closure on its Friday)
          String shown = period.shown();
          if (!shown.equals(runtimeService.getVariable(job.getExecutionId(), timer.periodShown().name()))) {
            runtimeService.setVariable(job.getExecutionId(), timer.periodShown().name(), shown);
          }
        }
        if (!due.equals(job.getDuedate())) {
          managementService.setJobDuedate(job.getId(), due);
          runtimeService.setVariable(job.getExecutionId(), timer.dueDate().name(), timer.dueDate().stored(dueDay));
          moved.add(new Moved(job.getId(), job.getProcessInstanceId(), timer.activityId(), job.getDuedate(), due));
        }
      }
    }
    return moved;
  }

  /** The day the timer counts from: its stored base date, or the day (in the calendar's zone) its job was created. */
  private LocalDate baseDate(Timer timer, Job job) {
    if (timer.baseDate() != null) {
      return timer.baseDate().get(runtimeService.getVariables(job.getExecutionId(), List.of(timer.baseDate().name())));
    }
    return job.getCreateTime() == null ? null : job.getCreateTime().toInstant().atZone(calendar.properties().zone()).toLocalDate();
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
