package uk.schoolattendance.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import uk.schoolattendance.schools.CalendarProperties.AcademicYear;
import uk.schoolattendance.schools.CalendarProperties.Period;

/**
 * One school's calendar as configured, in words: its terms, the holidays inside them (half
 * terms), the holidays between them, its INSET days and the bank holidays that fall on weekdays of
 * its terms. Says why a day is not a school day, for a rejected row and the calendar page.
 */
public final class SchoolCalendarView {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** A closure or a term as a page lists it: what it is, first and last day ("26 to 30 October 2026"). */
  public record Entry(String kind, LocalDate from, LocalDate to, String dates) {}

  /** An academic year as configured for the school, in date order. */
  public record Year(String name, List<Entry> entries) {}

  private final List<AcademicYear> years;
  private final List<LocalDate> insetDays;
  private final List<LocalDate> bankHolidays;
  private final boolean ownTermDates;

  SchoolCalendarView(List<AcademicYear> years, List<LocalDate> insetDays, List<LocalDate> bankHolidays,
      boolean ownTermDates) {
    this.years = List.copyOf(years);
    this.insetDays = List.copyOf(insetDays);
    this.bankHolidays = List.copyOf(bankHolidays);
    this.ownTermDates = ownTermDates;
  }

  /** Whether the school sets term dates of its own (an academy) rather than the authority's. */
  public boolean ownTermDates() {
    return ownTermDates;
  }

  /**
   * Why the day is not a school day: "half term, 26 to 30 October 2026", "an INSET day",
   * "a bank holiday", "a weekend", "the holiday between terms, 19 December 2026 to 3 January 2027".
   */
  public String whyClosed(LocalDate day) {
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return "a " + day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK) + ", a weekend";
    }
    for (Year year : years()) {
      for (Entry entry : year.entries()) {
        if (!entry.kind().equals("Term") && !day.isBefore(entry.from()) && !day.isAfter(entry.to())) {
          return switch (entry.kind()) {
            case "INSET day" -> "an INSET day (a training day the school is closed to pupils)";
            case "Bank holiday" -> "a bank holiday";
            case "Half term" -> "half term, " + entry.dates();
            default -> "the holiday between terms, " + entry.dates();
          };
        }
      }
    }
    return "a day outside the school's terms";
  }

  /** The years with their terms and closures, each in date order. */
  public List<Year> years() {
    List<Year> shown = new ArrayList<>();
    for (AcademicYear year : years) {
      List<Entry> entries = new ArrayList<>();
      List<Period> terms = year.terms().stream().sorted(Comparator.comparing(Period::start)).toList();
      for (int i = 0; i < terms.size(); i++) {
        Period term = terms.get(i);
        entries.add(entry("Term", term.start(), term.end()));
        if (i + 1 < terms.size()) {
          entries.add(entry("Holiday between terms", term.end().plusDays(1), terms.get(i + 1).start().minusDays(1)));
        }
      }
      for (Period holiday : year.holidays()) {
        entries.add(entry("Half term", holiday.start(), holiday.end()));
      }
      for (LocalDate inset : insetDays) {
        if (inTerms(terms, inset)) {
          entries.add(entry("INSET day", inset, inset));
        }
      }
      for (LocalDate bank : bankHolidays) {
        if (inTerms(terms, bank) && bank.getDayOfWeek() != DayOfWeek.SATURDAY && bank.getDayOfWeek() != DayOfWeek.SUNDAY) {
          entries.add(entry("Bank holiday", bank, bank));
        }
      }
      entries.sort(Comparator.comparing(Entry::from).thenComparing(e -> !e.kind().equals("Term")));
      shown.add(new Year(year.name(), List.copyOf(entries)));
    }
    shown.sort(Comparator.comparing(Year::name));
    return shown;
  }

  private static boolean inTerms(List<Period> terms, LocalDate day) {
    return terms.stream().anyMatch(t -> t.contains(day));
  }

  private static Entry entry(String kind, LocalDate from, LocalDate to) {
    return new Entry(kind, from, to, dates(from, to));
  }

  /** "26 to 30 October 2026", "19 December 2026 to 3 January 2027", "27 November 2026". */
  static String dates(LocalDate from, LocalDate to) {
    if (from.equals(to)) {
      return DAY.format(from);
    }
    if (from.getYear() == to.getYear() && from.getMonth() == to.getMonth()) {
      return from.getDayOfMonth() + " to " + DAY.format(to);
    }
    if (from.getYear() == to.getYear()) {
      return from.getDayOfMonth() + " " + from.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK)
          + " to " + DAY.format(to);
    }
    return DAY.format(from) + " to " + DAY.format(to);
  }
}
