package uk.schoolattendance.schools;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.schools.CalendarProperties.AcademicYear;
import uk.schoolattendance.schools.CalendarProperties.Period;

/**
 * School time (domain notes §10). A <em>school day</em> is a weekday inside a term that is
 * neither a holiday inside the term nor a bank holiday. A <em>school week</em> is a Monday to
 * Sunday week with at least one school day. Reviews and improvement periods count school
 * weeks; deemed receipt counts working days; payment periods count calendar days.
 *
 * <p>Exposed to BPMN expressions as {@code schoolCalendar}, e.g. a timer
 * {@code ${schoolCalendar.schoolWeeksFromNow(4)}}. "Now" is the engine's clock, so tests
 * move it with {@code ClockUtil}.
 */
@Component("schoolCalendar")
public class SchoolCalendar {

  private final CalendarProperties properties;
  private final Set<LocalDate> bankHolidays;
  private final LocalDate firstDay;
  private final LocalDate lastDay;

  public SchoolCalendar(CalendarProperties properties) {
    this.properties = properties;
    this.bankHolidays = new HashSet<>(properties.bankHolidays());
    LocalDate first = null;
    LocalDate last = null;
    for (AcademicYear year : properties.academicYears()) {
      for (Period term : year.terms()) {
        if (term.start() == null || term.end() == null || term.end().isBefore(term.start())) {
          throw new IllegalStateException(
              "attendance.calendar: a term of " + year.name() + " has no valid start and end");
        }
        first = first == null || term.start().isBefore(first) ? term.start() : first;
        last = last == null || term.end().isAfter(last) ? term.end() : last;
      }
    }
    this.firstDay = first;
    this.lastDay = last;
  }

  /** Whether pupils are expected in school on this day. */
  public boolean isSchoolDay(LocalDate day) {
    requireCovered(day);
    if (isWeekend(day) || bankHolidays.contains(day)) {
      return false;
    }
    for (AcademicYear year : properties.academicYears()) {
      for (Period term : year.terms()) {
        if (term.contains(day)) {
          return year.holidays().stream().noneMatch(holiday -> holiday.contains(day));
        }
      }
    }
    return false;
  }

  /** Whether the Monday-to-Sunday week containing this day has at least one school day. */
  public boolean isSchoolWeek(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    for (int i = 0; i < 5; i++) {
      if (isSchoolDay(monday.plusDays(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The day {@code weeks} school weeks after {@code from}: the same weekday in the
   * {@code weeks}-th school week after the week of {@code from}, moved on to the next school
   * day when that day is not one. Weeks without a school day (holidays) are not counted.
   */
  public LocalDate addSchoolWeeks(LocalDate from, int weeks) {
    if (weeks < 0) {
      throw new IllegalArgumentException("weeks must not be negative: " + weeks);
    }
    LocalDate day = from;
    int counted = 0;
    while (counted < weeks) {
      day = day.plusWeeks(1);
      if (isSchoolWeek(day)) {
        counted++;
      }
    }
    return nextSchoolDayFrom(day);
  }

  /**
   * The last school day inside a period of {@code weeks} school weeks beginning on {@code from}:
   * the school day before {@link #addSchoolWeeks}'s day, which is the first school day after the
   * period (when a timer at its end fires). What a letter or page states as the period's end, so
   * that a period of 6 school weeks never names a day of a 7th.
   */
  public LocalDate lastSchoolDayOf(LocalDate from, int weeks) {
    if (weeks < 1) {
      throw new IllegalArgumentException("a period has at least one school week: " + weeks);
    }
    LocalDate day = addSchoolWeeks(from, weeks).minusDays(1);
    while (!isSchoolDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  /** The first school day on or after {@code day}. */
  public LocalDate nextSchoolDayFrom(LocalDate day) {
    LocalDate candidate = day;
    while (!isSchoolDay(candidate)) {
      candidate = candidate.plusDays(1);
    }
    return candidate;
  }

  /** The number of school weeks after the week of {@code from} up to and including the week of {@code to}. */
  public int schoolWeeksBetween(LocalDate from, LocalDate to) {
    int weeks = 0;
    LocalDate day = from.plusWeeks(1);
    LocalDate lastMonday = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    while (!day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).isAfter(lastMonday)) {
      if (isSchoolWeek(day)) {
        weeks++;
      }
      day = day.plusWeeks(1);
    }
    return weeks;
  }

  /** The day {@code days} working days (Monday–Friday, not bank holidays) after {@code from}. */
  public LocalDate addWorkingDays(LocalDate from, int days) {
    LocalDate day = from;
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(1);
      if (!isWeekend(day) && !bankHolidays.contains(day)) {
        counted++;
      }
    }
    return day;
  }

  /** Today by the engine's clock, in the authority's zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(EngineClock.now().toInstant(), properties.zone());
  }

  /** For timers: the moment {@code weeks} school weeks from today, at the configured time of day. */
  public Date schoolWeeksFromNow(int weeks) {
    return atTimeOfDay(addSchoolWeeks(today(), weeks));
  }

  /** For timers: {@code weeks} school weeks after the given date (a Date or ISO string). */
  public Date schoolWeeksAfter(Object from, int weeks) {
    return atTimeOfDay(addSchoolWeeks(DateValues.toLocalDate(from, properties.zone()), weeks));
  }

  /** For task due and follow-up dates: {@code days} working days from today, at the time of day. */
  public Date workingDaysFromNow(int days) {
    return atTimeOfDay(addWorkingDays(today(), days));
  }

  /** For follow-up dates: {@code days} working days from today, but never after the task's due date. */
  public Date workingDaysFromNowNotAfter(int days, Date due) {
    Date followUp = workingDaysFromNow(days);
    return due != null && due.before(followUp) ? due : followUp;
  }

  /**
   * The first day of the rolling window of {@code weeks} school weeks that ends in the week of
   * {@code to}: the Monday of the earliest school week counted (the national threshold's window),
   * or the first configured term day when the window reaches back before it.
   */
  public LocalDate startOfSchoolWeeksEndingOn(LocalDate to, int weeks) {
    if (weeks < 1) {
      throw new IllegalArgumentException("weeks must be at least 1: " + weeks);
    }
    LocalDate monday = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    int counted = isSchoolWeek(monday) ? 1 : 0;
    while (counted < weeks) {
      if (firstDay == null || monday.minusWeeks(1).isBefore(firstDay.minusDays(7))) {
        return firstDay == null ? monday : firstDay; // the configured term dates start here
      }
      monday = monday.minusWeeks(1);
      if (isSchoolWeek(monday)) {
        counted++;
      }
    }
    return monday;
  }

  /** The start of the day in the authority's zone, as dates are stored (null stays null). */
  public Date startOfDay(LocalDate day) {
    return day == null ? null : DateValues.toDate(day, properties.zone());
  }

  /** The calendar day of a stored date in the authority's zone (null stays null). */
  public LocalDate day(Date date) {
    return date == null ? null : DateValues.toLocalDate(date, properties.zone());
  }

  /**
   * The moment a timer or a task falls due on this calendar day: a LocalDate, a Date (read as its
   * day in the authority's zone) or an ISO text, as the models' day variables hold them
   * ({@code ${schoolCalendar.atTimeOfDay(noticeToImproveEndsOn)}}).
   */
  public Date atTimeOfDay(Object day) {
    LocalDate date = DateValues.toLocalDate(day, properties.zone());
    return Date.from(date.atTime(properties.timeOfDay()).atZone(properties.zone()).toInstant());
  }

  public CalendarProperties properties() {
    return properties;
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private void requireCovered(LocalDate day) {
    if (firstDay == null || day.isBefore(firstDay.withDayOfYear(1)) || day.isAfter(lastDay.plusMonths(2))) {
      throw new CalendarNotConfigured(day);
    }
  }
}
