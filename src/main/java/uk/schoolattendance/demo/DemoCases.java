package uk.schoolattendance.demo;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.AttendanceRegister;
import uk.schoolattendance.attendance.RegisterProperties;
import uk.schoolattendance.attendance.ThresholdSessions;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.process.Upn;
import uk.schoolattendance.process.VariableValues;
import uk.schoolattendance.schools.CalendarNotConfigured;
import uk.schoolattendance.notices.PenaltyNoticeRegister;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Demo cases (demo profile, first start only): cases at every level for both demo schools,
 * reviews waiting and due, overdue work, a Pupil Planning Meeting, and penalty notices paid and
 * unpaid, so Tasklist and Cockpit look like a working team. Every case goes through the real
 * processes and their validation; nothing is written around the engine. Each case's pupil is a
 * pupil of the demo register whose attendance fits the case ({@link DemoPupils}), so the case
 * takes its figures from the marks and its page shows them; a made-up pupil with typed figures
 * only where the register holds none that fits (the demo register switched off).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "attendance.demo.cases", havingValue = "true")
class DemoCases {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);
  private static final long DAY = 24L * 60 * 60 * 1000;
  /** How long ago the demo's one overdue case was opened: its meeting was due 10 working days later. */
  static final int OVERDUE_CASE_WEEKS_AGO = 3;
  /** School weeks the term dates must reach after today for the demo's cases (a review is 4 away). */
  static final int TERM_DATES_AHEAD_WEEKS = 6;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final PenaltyNoticeRegister register;
  private final SchoolCalendar calendar;
  private final AttendanceRegister pupilRegister;
  private final ThresholdSessions thresholdSessions;
  private DemoPupils pupils;
  /** The national threshold's window: the demo's notices charge the school weeks its pupil was chosen on. */
  private final int thresholdWeeks;

  DemoCases(
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management,
      HistoryService history,
      PenaltyNoticeRegister register,
      SchoolCalendar calendar,
      AttendanceRegister pupilRegister,
      ThresholdSessions thresholdSessions,
      RegisterProperties registerProperties) {
    this.thresholdWeeks = registerProperties.threshold().schoolWeeks();
    this.calendar = calendar;
    this.pupilRegister = pupilRegister;
    this.thresholdSessions = thresholdSessions;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.history = history;
    this.register = register;
  }

  @EventListener
  @Order(30)
  public void createDemoCases(ApplicationReadyEvent event) {
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY).count() > 0) {
      return;
    }
    try {
      // the demo's cases run weeks ahead of today (meetings, reviews)
      calendar.addSchoolWeeks(calendar.today(), TERM_DATES_AHEAD_WEEKS);
    } catch (CalendarNotConfigured e) {
      LOG.warn("Demo cases: none created: {}", e.getMessage());
      return;
    }
    pupils = new DemoPupils(pupilRegister, calendar.today());
    // the penalty notices' pupil first: the few pupils over the national threshold are not taken by others
    Optional<AttendanceRegister.Pupil> enforced =
        pupils.take("100002", 58.0, thresholdSessions.sessions());
    int n = 0;
    for (String school : List.of("100001", "100002")) {
      String tag = school.endsWith("1") ? "R" : "H";
      // Level 1: the school (or its named officer, traded service) intervenes.
      start(school, 1, tag + ". Ellis", 88.4, 4, ++n);
      // Level 2: a meeting to hold. At the second school it is the demo's one overdue task, on
      // purpose (README, "Run it"): that case was opened 3 weeks ago, so its meeting,
      // due 10 working days after it was offered, is late; every other demo task is due after today.
      if (school.equals("100002")) {
        startedWeeksAgo(OVERDUE_CASE_WEEKS_AGO, () -> start(school, 2, tag + ". Patel", 84.0, 8, 8));
        ++n;
      } else {
        start(school, 2, tag + ". Patel", 84.0, 8, ++n);
      }
      // Level 2: meeting held, the 4-school-week review waiting on its timer.
      ProcessInstance waiting = start(school, 2, tag + ". Nowak", 81.0, 9, ++n);
      complete(firstTask(waiting), VariableValues.with(AttendanceCase.ATTENDANCE_TARGET, 92.0)
          .and(AttendanceCase.BARRIERS, "Anxiety about PE lessons")
          .and(AttendanceCase.ATTENDANCE_PLAN, "Morning check-in with the pastoral lead"));
      // Level 2: the review is due now (its timer fired).
      ProcessInstance due = start(school, 2, tag + ". Okoro", 79.5, 11, ++n);
      complete(firstTask(due), VariableValues.with(AttendanceCase.ATTENDANCE_TARGET, 90.0));
      fireTimers(due);
      // Level 3: family casework.
      start(school, 3, tag + ". Murphy", 72.0, 14, ++n);
      // Level 4: a Pupil Planning Meeting awaiting a legal decision.
      start(school, 4, tag + ". Kowalski", 61.0, 22, ++n);
    }
    createPenaltyNotices(++n, enforced);
    n = createClosedCases(n);
    LOG.info("Demo data: {} attendance cases in all, {} of them closed", n, CLOSED_CASES);
  }

  /** The closed demo cases ({@link #createClosedCases}). */
  static final int CLOSED_CASES = 4;

  /**
   * Cases that ended today, one of each way a case ends before enforcement, so the figures' "Closed
   * cases by outcome" shows how cases end: two no longer needed (the pupil moved away, the pupil
   * left for another school), one closed with attendance improved, one closed early by the
   * authority. Their pupils are no longer on the demo register's roll (typed figures): a pupil who
   * left has no marks here, and an improvement on the register's marks is checked against figures
   * a first start does not have. They leave no task, so every person's Tasklist counts stay as
   * they were.
   */
  private int createClosedCases(int n) {
    ProcessInstance movedAway = start("100001", 1, "R. Hughes", 86.0, 6, ++n, Optional.empty());
    complete(firstTask(movedAway), VariableValues.with(AttendanceCase.SCHOOL_INTERVENTION_OUTCOME, AttendanceCase.NO_LONGER_NEEDED)
        .and(AttendanceCase.NO_LONGER_NEEDED_REASON, "moved-away")
        .and(AttendanceCase.NO_LONGER_NEEDED_EXPLANATION,
            "The family moved to Leeds at half term; the new council's attendance team confirmed it by email"));
    ProcessInstance leftSchool = start("100002", 1, "H. Quinn", 85.0, 7, ++n, Optional.empty());
    complete(firstTask(leftSchool), VariableValues.with(AttendanceCase.SCHOOL_INTERVENTION_OUTCOME, AttendanceCase.NO_LONGER_NEEDED)
        .and(AttendanceCase.NO_LONGER_NEEDED_REASON, "left-school")
        .and(AttendanceCase.NO_LONGER_NEEDED_EXPLANATION,
            "Registered at Oakfield Academy from Monday; the admissions team confirmed the new registration"));
    ProcessInstance improved = start("100001", 1, "R. Doyle", 88.0, 5, ++n, Optional.empty());
    complete(firstTask(improved), VariableValues.with(AttendanceCase.SCHOOL_INTERVENTION_OUTCOME, AttendanceCase.IMPROVED)
        .and(AttendanceCase.SCHOOL_INTERVENTION_NOTES, "Full attendance for the last six weeks after the morning club place"));
    ProcessInstance closedEarly = start("100002", 2, "H. Shah", 83.0, 9, ++n, Optional.empty());
    runtime.createMessageCorrelation(AttendanceCase.CASE_CLOSED.name())
        .processInstanceId(closedEarly.getId())
        .setVariables(VariableValues.with(AttendanceCase.CLOSURE_REASON,
            "A managed move to the pupil referral unit, which now leads on the pupil's attendance"))
        .correlate();
    runJobs();
    return n;
  }

  /** Penalty notices for one family: one notice paid on time, one awaiting payment. */
  private void createPenaltyNotices(int n, Optional<AttendanceRegister.Pupil> pupil) {
    ProcessInstance enforce = start("100002", 4, "H. Brennan", 58.0, 24, n, pupil);
    // the offence period recorded at the meeting: the threshold's window (10 school weeks), the weeks
    // the pupil was chosen on for at least the threshold's sessions; a shorter period (4 weeks until
    // now) could hold fewer, and the meeting then refused it, failing the demo on such a day
    java.time.LocalDate today = calendar.today();
    complete(firstTask(enforce), VariableValues.with(AttendanceCase.LEGAL_ROUTE, AttendanceCase.PENALTY_NOTICE)
        .and(AttendanceCase.LEGAL_ROUTE_REASON, "Notice to Improve ignored; no engagement with support")
        // the case opened at Level 4: the meeting records why no contract and no Notice to Improve here
        .and(AttendanceCase.NO_CONTRACT_REASON, "The family would not meet to agree a contract")
        .and(AttendanceCase.NO_NOTICE_TO_IMPROVE_REASON,
            "The school's own Notice to Improve was ignored before the case was referred; no engagement with support")
        .and(AttendanceCase.OFFENCE_FROM, calendar.startOfSchoolWeeksEndingOn(today, thresholdWeeks))
        .and(AttendanceCase.OFFENCE_TO, today)
        // without the register's marks, the school's printout establishes the threshold (with them it is not read)
        .and(AttendanceCase.THRESHOLD_EVIDENCE_CONFIRMED, true)
        .and(AttendanceCase.THRESHOLD_EVIDENCE_SESSIONS, 24));
    runJobs();
    List<ProcessInstance> notices =
        runtime.createProcessInstanceQuery().processDefinitionKey(PenaltyNotice.KEY)
            .superProcessInstanceId(enforce.getId()).list();
    try {
      // the compliance team posts both notices today; one parent pays the reduced amount at once
      for (ProcessInstance notice : notices) {
        for (Task dispatch : tasks.createTaskQuery().processInstanceId(notice.getId())
            .taskDefinitionKey(PenaltyNotice.DISPATCH_PENALTY_NOTICE.id()).list()) {
          tasks.claim(dispatch.getId(), "compliance");
          complete(dispatch, VariableValues.with(PenaltyNotice.DELIVERY_METHOD, PenaltyNotice.POST));
        }
      }
      String paid = notices.get(0).getBusinessKey();
      runtime.createMessageCorrelation(PenaltyNotice.PAID.name())
          .processInstanceBusinessKey(paid)
          .setVariables(VariableValues.with(PenaltyNotice.AMOUNT_PAID, register.get(paid).reducedAmount()))
          .correlate();
    } catch (RuntimeException e) {
      // The job executor may still be preparing the notice: the demo then has both unpaid.
      LOG.warn("Demo data: no paid penalty notice ({})", e.getMessage());
    }
    LOG.info("Demo data: {} attendance cases and {} penalty notices created", n, notices.size());
  }

  private ProcessInstance start(String school, int level, String pupil, double attendance, int sessions, int n) {
    return start(school, level, pupil, attendance, sessions, n, pupils.take(school, attendance, 0));
  }

  /**
   * Opens a case for the register's pupil (its name, date of birth and parents; the case takes its
   * figures from the marks), or for a made-up pupil with these figures where there is none.
   */
  private ProcessInstance start(String school, int level, String pupil, double attendance, int sessions, int n,
      Optional<AttendanceRegister.Pupil> fromRegister) {
    String upn = fromRegister.map(AttendanceRegister.Pupil::upn).orElse(Upn.of(801_200_000_000L + n));
    String name = fromRegister.map(AttendanceRegister.Pupil::name).orElse(pupil);
    String surname = name.substring(name.lastIndexOf(' ') + 1);
    List<AttendanceRegister.Contact> contacts =
        fromRegister.isPresent()
            ? pupilRegister.liableContacts(upn)
            : List.of();
    String address = contacts.isEmpty() || contacts.get(0).address() == null
        ? n + " Station Road, Southend-on-Sea SS1 1AA"
        : contacts.get(0).address();
    List<Parent> parents = contacts.isEmpty()
        ? List.of(new Parent(null, "Alex " + surname, address), new Parent(null, "Jo " + surname, address))
        : contacts.stream().map(c -> new Parent(null, c.name(), c.address() == null ? address : c.address())).toList();
    VariableValues variables =
        VariableValues.with(AttendanceCase.PUPIL_UPN, upn)
            .and(AttendanceCase.PUPIL_NAME, name)
            .and(AttendanceCase.PUPIL_DATE_OF_BIRTH, fromRegister.map(AttendanceRegister.Pupil::dateOfBirth)
                .orElse(java.time.LocalDate.of(2014, 9, 1).plusDays(97L * n)))
            .and(AttendanceCase.SCHOOL_URN, school)
            .and(AttendanceCase.ROUTE, AttendanceCase.SUPPORT_FIRST)
            .and(AttendanceCase.ENTRY_LEVEL, level)
            .and(AttendanceCase.ATTENDANCE_PERCENT, attendance)
            .and(AttendanceCase.UNAUTHORISED_SESSIONS, sessions)
            .and(AttendanceCase.PARENTS, Parents.json(parents))
            .and(AttendanceCase.PUPIL_ADDRESS, address)
            .and(AttendanceCase.SUPPORT_SO_FAR, "Call-backs, a school attendance meeting and a referral to early help");
    return runtime.startProcessInstanceByKey(AttendanceCase.KEY, variables);
  }

  private Task firstTask(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).listPage(0, 1).get(0);
  }

  private void complete(Task task, VariableValues variables) {
    tasks.complete(task.getId(), variables);
  }

  /**
   * Opens a case as it was opened {@code weeks} weeks ago: the engine's clock is set back while it
   * starts, so the case's history, its first task's creation and that task's due date are those of
   * a case that really started then (a task created today already due days ago is no real service).
   */
  private ProcessInstance startedWeeksAgo(int weeks, java.util.function.Supplier<ProcessInstance> start) {
    return EngineClock.at(new Date(EngineClock.now().getTime() - weeks * 7L * DAY), start);
  }

  private void fireTimers(ProcessInstance instance) {
    for (Job timer : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
      management.executeJob(timer.getId());
    }
  }

  /** Runs the asynchronous steps of a case and the processes it called, as the job executor would. */
  private void runJobs() {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = management.createJobQuery().executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          // The job executor may have taken it first; it will finish it.
          LOG.debug("Demo job {} left to the job executor: {}", job.getId(), e.getMessage());
        }
      }
    }
  }
}
