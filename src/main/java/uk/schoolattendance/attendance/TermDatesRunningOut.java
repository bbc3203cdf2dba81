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
import uk.schoolattendance.schools.CalendarNotConfigured;
import uk.schoolattendance.schools.CalendarProperties;
import uk.schoolattendance.schools.CalendarProperties.AcademicYear;
import uk.schoolattendance.schools.CalendarProperties.Period;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * A warning, before the configured term dates run out, naming what to configure. For the local
 * authority's term dates ({@code attendance.calendar}) the day that matters is not the last school
 * day but the last day a case can still start its longest school-week period: a review ({@code
 * attendance.case.review-period-school-weeks}, {@code contract-review-period-school-weeks}) or a
 * Notice to Improve's period ({@code attendance.notice-to-improve.period-school-weeks}, from the
 * first school day after deemed receipt). After that day such a period runs past the last term and
 * is refused (503, {@code CalendarNotConfigured}). The warning starts {@code
 * attendance.term-dates-warning-weeks} weeks before that day and names it. A school's own term
 * dates ({@code attendance.register.school-calendars}) are checked for its register marks only, so
 * for them the day is the last school day. The data team is told on the calendars pages and the
 * log says it at start-up.
 */
@Component
public class TermDatesRunningOut {

  private static final Logger LOG = LoggerFactory.getLogger(TermDatesRunningOut.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final CalendarProperties authority;
  private final RegisterProperties register;
  private final int weeks;
  /** The last day a case can start its longest school-week period (null: no term dates). */
  private final LocalDate lastStart;
  private final int longestWeeks;

  @org.springframework.beans.factory.annotation.Autowired
  public TermDatesRunningOut(
      CalendarProperties authority,
      RegisterProperties register,
      @Value("${attendance.term-dates-warning-weeks:26}") int weeks,
      @Value("${attendance.case.review-period-school-weeks:4}") int reviewWeeks,
      @Value("${attendance.case.contract-review-period-school-weeks:4}") int contractReviewWeeks,
      @Value("${attendance.notice-to-improve.period-school-weeks:6}") int noticeToImproveWeeks,
      @Value("${attendance.penalty-notices.deemed-receipt-working-days:2}") int receiptWorkingDays) {
    if (weeks < 0) {
      throw new IllegalStateException("attendance.term-dates-warning-weeks: must be 0 or more weeks (was " + weeks + ")");
    }
    this.authority = authority;
    this.register = register;
    this.weeks = weeks;
    int reviews = Math.max(reviewWeeks, contractReviewWeeks);
    this.longestWeeks = Math.max(reviews, noticeToImproveWeeks);
    this.lastStart = lastStart(new SchoolCalendar(authority), lastSchoolDay(authority.academicYears()), reviews,
        noticeToImproveWeeks, receiptWorkingDays);
  }

  /** With the national defaults: reviews of 4 school weeks, a Notice to Improve of 6 after 2 working days. */
  public TermDatesRunningOut(CalendarProperties authority, RegisterProperties register, int weeks) {
    this(authority, register, weeks, 4, 4, 6, 2);
  }

  /**
   * The last day on which a review can be set and a Notice to Improve issued whose periods the
   * calendar can still count: the period's weeks are walked as the cases walk them.
   */
  private static LocalDate lastStart(
      SchoolCalendar calendar, LocalDate last, int reviewWeeks, int noticeWeeks, int receiptDays) {
    if (last == null) {
      return null;
    }
    for (LocalDate day = last; !day.isBefore(last.minusYears(1)); day = day.minusDays(1)) {
      try {
        calendar.addSchoolWeeks(day, reviewWeeks);
        calendar.addSchoolWeeks(calendar.nextSchoolDayFrom(calendar.addWorkingDays(day, receiptDays)), noticeWeeks);
        return day;
      } catch (CalendarNotConfigured notCovered) {
        // this day's period would run past the last term: try the day before
      }
    }
    return last.minusYears(1);
  }

  /** The warnings on {@code today}, the authority's first; empty while every calendar has dates far enough ahead. */
  public List<String> warnings(LocalDate today) {
    List<String> warnings = new ArrayList<>();
    LocalDate authorityLast = lastSchoolDay(authority.academicYears());
    String authorityWarning = warning(today, authorityLast, lastStart, "the local authority's term dates",
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
        String school = warning(today, last, last, "the term dates of school " + own.getKey(),
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

  private String warning(LocalDate today, LocalDate last, LocalDate lastStart, String whose, String key) {
    if (last == null || today.isBefore(lastStart.minusWeeks(weeks))) {
      return null;
    }
    String next = SchoolDays.academicYearName(last.plusDays(1).isBefore(LocalDate.of(last.getYear(), 9, 1))
        ? LocalDate.of(last.getYear(), 9, 1) : last.plusDays(1));
    boolean past = today.isAfter(last);
    boolean periodsRefused = !past && today.isAfter(lastStart);
    String add = "add the academic year " + next + " (its terms and holidays) to " + key;
    String then = ", then POST /api/calendar/recalculate-timers so that running timers count by it (docs/analysts.md).";
    if (past) {
      return "No term dates after " + DAY.format(last) + " (" + whose + "): school weeks after it cannot be counted; "
          + add + then;
    }
    String lastDay = "The last configured school day is " + DAY.format(last) + " (" + whose + ")";
    if (lastStart.equals(last)) {
      return lastDay + ": " + add + " before then" + then;
    }
    String period = "a review or a Notice to Improve period (up to " + longestWeeks + " school weeks)";
    if (periodsRefused) {
      return lastDay + ": since " + DAY.format(lastStart.plusDays(1)) + " " + period
          + " runs past it and is refused; " + add + " now" + then;
    }
    return lastDay + ": " + period + " started after " + DAY.format(lastStart) + " runs past it and is refused; "
        + add + " by " + DAY.format(lastStart) + then;
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
