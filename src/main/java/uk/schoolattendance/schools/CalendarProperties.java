package uk.schoolattendance.schools;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The authority's school calendar, {@code attendance.calendar}: term dates per academic year,
 * holidays and closures inside terms (half terms, INSET days), and England's bank holidays.
 * Law is data: a council changes these without a release.
 *
 * @param zone the authority's time zone (timers fall due at {@code timeOfDay} in it)
 * @param timeOfDay when a review or deadline timer falls due on its day
 * @param academicYears the term dates, one entry per academic year ("2025-26")
 * @param bankHolidays England's bank holidays (also closed for working-day counts)
 */
@ConfigurationProperties(prefix = "attendance.calendar")
public record CalendarProperties(
    ZoneId zone, LocalTime timeOfDay, List<AcademicYear> academicYears, List<LocalDate> bankHolidays) {

  /** The national default zone: England's calendar days are days in Europe/London. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");

  public CalendarProperties {
    zone = zone == null ? DEFAULT_ZONE : zone;
    timeOfDay = timeOfDay == null ? LocalTime.of(9, 0) : timeOfDay;
    academicYears = academicYears == null ? List.of() : List.copyOf(academicYears);
    bankHolidays = bankHolidays == null ? List.of() : List.copyOf(bankHolidays);
  }

  /** One academic year: its terms and the holidays (half terms, closures) inside them. */
  public record AcademicYear(String name, List<Period> terms, List<Period> holidays) {
    public AcademicYear {
      terms = terms == null ? List.of() : List.copyOf(terms);
      holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
  }

  /** A period of whole days, both ends included. */
  public record Period(LocalDate start, LocalDate end) {
    public boolean contains(LocalDate day) {
      return !day.isBefore(start) && !day.isAfter(end);
    }
  }
}
