package uk.schoolattendance.schools;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A day the authority's term dates do not reach: the configured academic years have ended (or not
 * begun). Not a failure of the application but configuration to add, so its message names the
 * academic year and the properties to add it to; the API and engine REST answer it with 503 and
 * this message, never an anonymous 500.
 */
public class CalendarNotConfigured extends IllegalStateException {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final LocalDate day;

  public CalendarNotConfigured(LocalDate day) {
    super("No term dates for " + day.format(SHOWN) + " (" + day + "): add the academic year "
        + academicYearOf(day) + " to attendance.calendar.academic-years, and its bank holidays to"
        + " attendance.calendar.bank-holidays");
    this.day = day;
  }

  public LocalDate day() {
    return day;
  }

  /** The academic year of a day as the DfE writes it ("2028-29"): 1 September to 31 August. */
  static String academicYearOf(LocalDate day) {
    int start = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
    return start + "-" + String.format("%02d", (start + 1) % 100);
  }
}
