package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.schools.CalendarProperties;
import uk.schoolattendance.schools.CalendarProperties.AcademicYear;
import uk.schoolattendance.schools.CalendarProperties.Period;

/**
 * A warning, before the configured term dates run out, naming what to configure: from {@code
 * attendance.term-dates-warning-weeks} weeks before the last configured school day (the local
 * authority's, {@code attendance.calendar}, or a school's own, {@code
 * attendance.register.school-calendars}) until it is past. Past it, school weeks cannot be counted
 * (reviews, Notice to Improve periods, imports of the new year's marks are refused), so the data
 * team is told on the calendars pages and the log says it at start-up.
 */
@Component
public class TermDatesRunningOut {

  private static final Logger LOG = LoggerFactory.getLogger(TermDatesRunningOut.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final CalendarProperties authority;
  private final RegisterProperties register;
  private final int weeks;

  public TermDatesRunningOut(
      CalendarProperties authority,
      RegisterProperties register,
      @Value("${attendance.term-dates-warning-weeks:26}") int weeks) {
    if (weeks < 0) {
      throw new IllegalStateException("attendance.term-dates-warning-weeks: must be 0 or more weeks (was " + weeks + ")");
    }
    this.authority = authority;
    this.register = register;
    this.weeks = weeks;
  }

  /** The warnings on {@code today}, the authority's first; empty while every calendar has dates far enough ahead. */
  public List<String> warnings(LocalDate today) {
    List<String> warnings = new ArrayList<>();
    LocalDate authorityLast = lastSchoolDay(authority.academicYears());
    String authorityWarning = warning(today, authorityLast, "the local authority's term dates",
        "attendance.calendar.academic-years");
    if (authorityWarning != null) {
      warnings.add(authorityWarning);
    }
    for (Map.Entry<String, RegisterProperties.SchoolCalendar> own : new java.util.TreeMap<>(register.schoolCalendars()).entrySet()) {
      if (own.getValue().academicYears().isEmpty()) {
        continue;
      }
      LocalDate last = lastSchoolDay(SchoolDays.merge(authority.academicYears(), own.getValue().academicYears()));
      if (last != null && !last.equals(authorityLast)) {
        String school = warning(today, last, "the term dates of school " + own.getKey(),
            "attendance.register.school-calendars.\"[" + own.getKey() + "]\".academic-years");
        if (school != null) {
          warnings.add(school);
        }
      }
    }
    return warnings;
  }

  /** The warnings today, by the engine's clock in the authority's zone. */
  public List<String> warningsToday() {
    return warnings(LocalDate.ofInstant(EngineClock.now().toInstant(), authority.zone()));
  }

  /** Says the warnings in the log when the application has started. */
  @EventListener(ApplicationReadyEvent.class)
  public void atStartUp() {
    warningsToday().forEach(LOG::warn);
  }

  private String warning(LocalDate today, LocalDate last, String whose, String key) {
    if (last == null || today.isBefore(last.minusWeeks(weeks))) {
      return null;
    }
    String next = SchoolDays.academicYearName(last.plusDays(1).isBefore(LocalDate.of(last.getYear(), 9, 1))
        ? LocalDate.of(last.getYear(), 9, 1) : last.plusDays(1));
    boolean past = today.isAfter(last);
    String what = "add the academic year " + next + " (its terms and holidays) to " + key + (past ? "" : " before then")
        + ", then POST /api/calendar/recalculate-timers so that running timers count by it (docs/analysts.md).";
    if (past) {
      return "No term dates after " + DAY.format(last) + " (" + whose + "): school weeks after it cannot be counted; "
          + what;
    }
    return "The last configured school day is " + DAY.format(last) + " (" + whose + "): " + what;
  }

  private static LocalDate lastSchoolDay(List<AcademicYear> years) {
    LocalDate last = null;
    for (AcademicYear year : years) {
      for (Period term : year.terms()) {
        if (term.end() != null && (last == null || term.end().isAfter(last))) {
          last = term.end();
        }
      }
    }
    return last;
  }
}
