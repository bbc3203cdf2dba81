package uk.schoolattendance.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Dates as the GOV.UK style guide writes them: "28 May 2027", and a moment as "9:05am on
 * 28 May 2027", in the authority's time zone (Europe/London).
 */
@Component
public class UkDates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

  private final ZoneId zone;
  private final SchoolCalendar calendar;

  UkDates(SchoolCalendar calendar) {
    this.calendar = calendar;
    this.zone = calendar.properties().zone();
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalDate today() {
    return calendar.today();
  }

  public String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  public String day(Instant instant) {
    return instant == null ? "" : DAY.format(instant.atZone(zone));
  }

  public String day(java.util.Date date) {
    return date == null ? "" : day(date.toInstant());
  }

  public LocalDate localDay(Instant instant) {
    return instant == null ? null : instant.atZone(zone).toLocalDate();
  }

  /** "9:05am on 28 May 2027". */
  public String moment(Instant instant) {
    if (instant == null) {
      return "";
    }
    ZonedDateTime at = instant.atZone(zone);
    return TIME.format(at).toLowerCase(Locale.UK) + " on " + DAY.format(at);
  }
}
