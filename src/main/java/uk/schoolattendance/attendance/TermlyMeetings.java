package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.meetings.TargetingSupportMeeting;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * Each school's three Targeting Support Meetings of the academic year (issue #15), for its named
 * officer: one per term, in term and outside half-term, on the first day of the term's
 * {@code attendance.meetings.school-week-of-term}th school week that is a school day for the school
 * (its own calendar) and for the authority. A term is a run of school days with no break longer
 * than a half-term. Scheduling starts a {@code TargetingSupportMeeting} per school and term with
 * that {@code meetingDate}; a meeting already scheduled (its business key exists) is left alone. No
 * meeting is scheduled already overdue: a term whose meeting day has passed has its meeting within
 * {@code attendance.meetings.late-meeting-school-days} school days, and an ended term none.
 */
@Component
public class TermlyMeetings {

  private static final Logger LOG = LoggerFactory.getLogger(TermlyMeetings.class);
  static final String[] TERMS = {"autumn", "spring", "summer"};

  /** A meeting to hold: the school, the term ("2026-27 autumn"), the day and the term's last school day. */
  public record PlannedMeeting(String schoolUrn, String term, LocalDate date, LocalDate lastDayOfTerm) {}

  private final RegisterCalendars calendars;
  private final SchoolCalendar authority;
  private final SchoolDirectory schools;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final SchoolAccess access;
  private final MeetingScheduleProperties properties;

  TermlyMeetings(
      RegisterCalendars calendars, SchoolCalendar authority, SchoolDirectory schools, RuntimeService runtime,
      HistoryService history, SchoolAccess access, MeetingScheduleProperties properties) {
    this.calendars = calendars;
    this.authority = authority;
    this.schools = schools;
    this.runtime = runtime;
    this.history = history;
    this.access = access;
    this.properties = properties;
  }

  @EventListener
  @Order(30)
  public void scheduleOnStart(ApplicationReadyEvent event) {
    if (properties.scheduleOnStart()) {
      String year = SchoolDays.academicYearName(authority.today());
      try {
        LOG.info("Targeting Support Meetings: {} scheduled for {}", schedule(year), year);
      } catch (RuntimeException e) {
        // a calendar without the year's terms must not stop the application; the log says why
        LOG.warn("Targeting Support Meetings for {} could not be scheduled: {}", year, e.getMessage());
      }
    }
  }

  /** The school's meetings of the academic year ("2026-27"), one per term, in date order. */
  public List<PlannedMeeting> plan(String urn, String academicYear) {
    SchoolDays days = calendars.of(Integer.parseInt(urn));
    List<PlannedMeeting> meetings = new ArrayList<>();
    List<LocalDate[]> terms = terms(days, academicYear);
    for (int term = 0; term < terms.size(); term++) {
      LocalDate first = terms.get(term)[0];
      LocalDate last = terms.get(term)[1];
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        if (days.covers(day) && days.isSchoolDay(day)
            && days.schoolWeek(day) - days.schoolWeek(first) + 1 >= properties.schoolWeekOfTerm()
            && authority.isSchoolDay(day)) {
          meetings.add(new PlannedMeeting(urn, academicYear + " " + TERMS[term], day, last));
          break;
        }
      }
    }
    return meetings;
  }

  /** The school's terms of the academic year: each its first and last school day, at most three. */
  private static List<LocalDate[]> terms(SchoolDays days, String academicYear) {
    LocalDate start = LocalDate.of(Integer.parseInt(academicYear.substring(0, 4)), 9, 1);
    List<LocalDate[]> terms = new ArrayList<>();
    LocalDate previous = null;
    for (LocalDate day = start; day.isBefore(start.plusYears(1)); day = day.plusDays(1)) {
      if (!days.covers(day) || !days.isSchoolDay(day)) {
        continue;
      }
      if (previous == null || day.toEpochDay() - previous.toEpochDay() > DataPacks.TERM_BREAK_DAYS) {
        if (terms.size() == TERMS.length) {
          break;
        }
        terms.add(new LocalDate[] {day, day});
      }
      terms.get(terms.size() - 1)[1] = day;
      previous = day;
    }
    return terms;
  }

  /**
   * The day a meeting is due when scheduled today: its planned day while that is still ahead; for a
   * term whose meeting day has passed, {@code attendance.meetings.late-meeting-school-days} school
   * days (of the school and the authority) from today, not after the term's last school day; null
   * when the term has no school day left (its meeting is not held: the next term's is).
   */
  LocalDate dueDay(PlannedMeeting meeting, LocalDate today) {
    if (meeting.date().isAfter(today)) {
      return meeting.date();
    }
    SchoolDays days = calendars.of(Integer.parseInt(meeting.schoolUrn()));
    LocalDate due = null;
    int counted = 0;
    for (LocalDate day = today.plusDays(1); !day.isAfter(meeting.lastDayOfTerm()); day = day.plusDays(1)) {
      if (days.isSchoolDay(day) && authority.isSchoolDay(day)) {
        due = day;
        if (++counted == properties.lateMeetingSchoolDays()) {
          break;
        }
      }
    }
    return due;
  }

  /**
   * Starts every school's meetings of the academic year not yet scheduled, none due in the past
   * ({@link #dueDay}); how many were started. A meeting scheduled late is prepared at once: its data
   * pack now, so its task is there to arrange the meeting.
   */
  public int schedule(String academicYear) {
    LocalDate today = authority.today();
    int started = 0;
    for (School school : schools.all()) {
      for (PlannedMeeting meeting : plan(school.urn(), academicYear)) {
        String key = "TSM-" + school.urn() + "-" + meeting.term().replace(' ', '-');
        boolean exists = access.asSystem(() -> history.createHistoricProcessInstanceQuery()
            .processDefinitionKey(TargetingSupportMeeting.KEY).processInstanceBusinessKey(key).count() > 0);
        LocalDate due = exists ? null : dueDay(meeting, today);
        if (due == null) {
          if (!exists) {
            LOG.info("Targeting Support Meeting {} of school {}: the term is over, not scheduled", meeting.term(), school.urn());
          }
          continue;
        }
        Map<String, Object> variables = new HashMap<>();
        TargetingSupportMeeting.SCHOOL_URN.put(variables, school.urn());
        TargetingSupportMeeting.TERM.put(variables, meeting.term());
        variables.put(TargetingSupportMeeting.MEETING_DATE.name(), due.toString());
        if (!due.equals(meeting.date())) {
          TargetingSupportMeeting.DATA_PACK_DATE.put(variables, EngineClock.now());
        }
        access.asSystem(() -> runtime.startProcessInstanceByKey(TargetingSupportMeeting.KEY, variables));
        started++;
      }
    }
    return started;
  }
}
