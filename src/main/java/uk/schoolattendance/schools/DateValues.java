package uk.schoolattendance.schools;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Dates as they reach the engine: {@link Date} values from Java and REST clients, ISO-8601
 * strings from Camunda Forms in Tasklist ("2026-11-30", "2026-11-30T09:00", with or without
 * an offset).
 */
public final class DateValues {

  private DateValues() {}

  /** The calendar day of a Date, LocalDate or ISO-8601 string; fails with a clear message. */
  public static LocalDate toLocalDate(Object value, ZoneId zone) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), zone);
    }
    if (value instanceof String text && !text.isBlank()) {
      String s = text.trim();
      try {
        if (s.length() == 10) {
          return LocalDate.parse(s);
        }
        if (s.endsWith("Z") || s.matches(".*[+-]\\d{2}:?\\d{2}$")) {
          return LocalDate.ofInstant(OffsetDateTime.parse(s).toInstant(), zone);
        }
        return java.time.LocalDateTime.parse(s).toLocalDate();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date", e);
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not a date");
  }

  /** A Date at the start of the given day in the zone. */
  public static Date toDate(LocalDate day, ZoneId zone) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  public static Instant toInstant(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }
}
