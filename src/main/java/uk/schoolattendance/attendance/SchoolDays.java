package uk.schoolattendance.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.schoolattendance.schools.CalendarProperties.AcademicYear;
import uk.schoolattendance.schools.CalendarProperties.Period;

/**
 * One school's calendar as the register counts it: which days are school days (a weekday in a
 * term, not a holiday inside the term, not an INSET day, not a bank holiday) and the school week
 * of every day, numbered continuously across terms and academic years. A school week is a
 * Monday-to-Sunday week with at least one school day; a day in a week without one carries the
 * number of the last school week before it. Covers 1 September of the first configured academic
 * year to 31 August of the last; outside that nothing is a school day.
 */
public final class SchoolDays {

  private final LocalDate first;
  private final LocalDate last;
  private final BitSet schoolDays;
  private final int[] weeks;
  private final int[] mondayOfWeek;

  SchoolDays(Collection<AcademicYear> years, Collection<LocalDate> closures) {
    if (years.isEmpty()) {
      this.first = LocalDate.MIN;
      this.last = LocalDate.MIN;
      this.schoolDays = new BitSet();
      this.weeks = new int[0];
      this.mondayOfWeek = new int[1];
      return;
    }
    LocalDate start = null;
    LocalDate end = null;
    for (AcademicYear year : years) {
      for (Period term : year.terms()) {
        if (term.start() == null || term.end() == null || term.end().isBefore(term.start())) {
          throw new IllegalStateException("a term of " + year.name() + " has no valid start and end");
        }
        LocalDate yearStart = academicYearStart(term.start());
        start = start == null || yearStart.isBefore(start) ? yearStart : start;
        LocalDate yearEnd = academicYearStart(term.end()).plusYears(1).minusDays(1);
        end = end == null || yearEnd.isAfter(end) ? yearEnd : end;
      }
    }
    this.first = start;
    this.last = end;
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    this.schoolDays = new BitSet(days);
    Set<LocalDate> closed = new HashSet<>(closures);
    for (AcademicYear year : years) {
      for (Period term : year.terms()) {
        for (LocalDate day = term.start(); !day.isAfter(term.end()); day = day.plusDays(1)) {
          final LocalDate d = day;
          boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
          boolean holiday = year.holidays().stream().anyMatch(h -> h.contains(d));
          if (weekday && !holiday && !closed.contains(day)) {
            schoolDays.set(index(day));
          }
        }
      }
    }
    this.weeks = new int[days];
    int[] mondays = new int[days / 7 + 2];
    int week = 0;
    LocalDate monday = first.with(DayOfWeek.MONDAY);
    for (; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
      boolean schoolWeek = false;
      for (int i = 0; i < 5; i++) {
        LocalDate day = monday.plusDays(i);
        schoolWeek |= !day.isBefore(first) && !day.isAfter(last) && schoolDays.get(index(day));
      }
      if (schoolWeek) {
        week++;
        mondays[week] = (int) (monday.toEpochDay());
      }
      for (int i = 0; i < 7; i++) {
        LocalDate day = monday.plusDays(i);
        if (!day.isBefore(first) && !day.isAfter(last)) {
          weeks[index(day)] = week;
        }
      }
    }
    this.mondayOfWeek = java.util.Arrays.copyOf(mondays, week + 1);
  }

  /** Whether pupils are expected in school on this day. */
  public boolean isSchoolDay(LocalDate day) {
    return covers(day) && schoolDays.get(index(day));
  }

  /** Whether the calendar has term dates for the academic year of this day. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }

  /** The school week of the day (0 before the first school week); the day must be covered. */
  public int schoolWeek(LocalDate day) {
    if (!covers(day)) {
      throw new IllegalArgumentException("no term dates cover " + day);
    }
    return weeks[index(day)];
  }

  /**
   * The first day of the rolling window of {@code weeks} school weeks that ends in the school week
   * of {@code day}: the Monday of the earliest school week in it (or the first covered day when
   * the calendar starts later).
   */
  public LocalDate windowStart(LocalDate day, int weeks) {
    LocalDate on = day.isAfter(last) ? last : day;
    int week = covers(on) ? schoolWeek(on) : 0;
    int from = week - weeks + 1;
    if (from < 1) {
      return first;
    }
    return LocalDate.ofEpochDay(mondayOfWeek[from]);
  }

  /** Every covered day in order with whether it is a school day and its school week. */
  void forEachDay(DayConsumer consumer) {
    if (weeks.length == 0) {
      return;
    }
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      consumer.accept(day, schoolDays.get(index(day)), weeks[index(day)]);
    }
  }

  /** What the table of this calendar holds, for telling whether it must be rebuilt. */
  String fingerprint() {
    return first + "/" + last + "/" + java.util.Arrays.hashCode(schoolDays.toLongArray());
  }

  LocalDate first() {
    return first;
  }

  LocalDate last() {
    return last;
  }

  /** The academic year (1 September to 31 August) that holds the day: its first day. */
  public static LocalDate academicYearStart(LocalDate day) {
    int year = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
    return LocalDate.of(year, 9, 1);
  }

  /** The academic year's name as the DfE writes it: "2025-26". */
  public static String academicYearName(LocalDate day) {
    int year = academicYearStart(day).getYear();
    return year + "-" + String.format(java.util.Locale.ROOT, "%02d", (year + 1) % 100);
  }

  private int index(LocalDate day) {
    return (int) (day.toEpochDay() - first.toEpochDay());
  }

  /** Receives each day of the calendar. */
  @FunctionalInterface
  interface DayConsumer {
    void accept(LocalDate day, boolean schoolDay, int schoolWeek);
  }

  /** The academic years of the LA with a school's own years put in place of those of the same name. */
  static List<AcademicYear> merge(List<AcademicYear> authority, List<AcademicYear> own) {
    Map<String, AcademicYear> byName =
        own.stream().collect(Collectors.toMap(AcademicYear::name, Function.identity(), (a, b) -> b));
    List<AcademicYear> merged =
        new java.util.ArrayList<>(authority.stream().map(y -> byName.getOrDefault(y.name(), y)).toList());
    Set<String> names = authority.stream().map(AcademicYear::name).collect(Collectors.toSet());
    own.stream().filter(y -> !names.contains(y.name())).forEach(merged::add);
    return merged;
  }
}
