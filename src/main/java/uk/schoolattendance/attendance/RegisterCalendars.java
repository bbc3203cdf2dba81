package uk.schoolattendance.attendance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.attendance.RegisterProperties.SchoolCalendar;
import uk.schoolattendance.schools.CalendarProperties;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * The calendar of every school the authority serves: the LA's term dates ({@code
 * attendance.calendar}) unless the school sets its own ({@code
 * attendance.register.school-calendars}, academies do), its INSET days, England's bank holidays.
 * Imports check marks against it in memory; the figures' SQL reads the same calendars from
 * {@code att_calendar_day}, rebuilt at start-up for each school whose calendar changed.
 */
@Component
public class RegisterCalendars {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterCalendars.class);

  private final Map<Integer, SchoolDays> bySchool = new HashMap<>();
  private final Map<Integer, SchoolCalendarView> views = new HashMap<>();
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  public RegisterCalendars(
      CalendarProperties authority,
      RegisterProperties properties,
      SchoolDirectory schools,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    for (String urn : properties.schoolCalendars().keySet()) {
      if (!schools.isKnown(urn)) {
        throw new IllegalStateException(
            "attendance.register.school-calendars: no school with URN " + urn + " in attendance.schools");
      }
    }
    for (School school : schools.all()) {
      SchoolCalendar own =
          properties.schoolCalendars().getOrDefault(school.urn(), new SchoolCalendar(List.of(), List.of()));
      List<LocalDate> closures = new ArrayList<>(authority.bankHolidays());
      closures.addAll(own.insetDays());
      views.put(Integer.valueOf(school.urn()), new SchoolCalendarView(
          SchoolDays.merge(authority.academicYears(), own.academicYears()), own.insetDays(), authority.bankHolidays(),
          !own.academicYears().isEmpty()));
      try {
        bySchool.put(
            Integer.valueOf(school.urn()),
            new SchoolDays(SchoolDays.merge(authority.academicYears(), own.academicYears()), closures));
      } catch (IllegalStateException e) {
        throw new IllegalStateException("calendar of school " + school.urn() + ": " + e.getMessage(), e);
      }
    }
  }

  /** The school's calendar, or {@code null} for a school the authority does not serve. */
  public SchoolDays of(int urn) {
    return bySchool.get(urn);
  }

  /** The school's calendar in words (terms, holidays, INSET and bank holidays), or {@code null}. */
  public SchoolCalendarView view(int urn) {
    return views.get(urn);
  }

  /** The URNs of the schools with a calendar. */
  public java.util.Set<Integer> urns() {
    return java.util.Collections.unmodifiableSet(bySchool.keySet());
  }

  /** Writes each school's calendar to {@code att_calendar_day} when it differs from the table's. */
  @EventListener
  @Order(5)
  public void materialise(ApplicationReadyEvent event) {
    materialise();
  }

  void materialise() {
    Map<Integer, String> stored = new HashMap<>();
    jdbc.query("SELECT school_urn, fingerprint FROM att_calendar",
        rs -> {
          stored.put(rs.getInt(1), rs.getString(2));
        });
    bySchool.forEach(
        (urn, days) -> {
          String fingerprint = days.fingerprint();
          if (!fingerprint.equals(stored.get(urn))) {
            transactions.executeWithoutResult(status -> write(urn, days, fingerprint));
            LOG.info("Register: calendar of school {} written ({} to {})", urn, days.first(), days.last());
          }
        });
  }

  private void write(int urn, SchoolDays days, String fingerprint) {
    jdbc.update("DELETE FROM att_calendar_day WHERE school_urn = ?", urn);
    List<Object[]> rows = new ArrayList<>();
    days.forEachDay((day, schoolDay, week) -> rows.add(new Object[] {urn, Date.valueOf(day), schoolDay, week}));
    jdbc.batchUpdate(
        "INSERT INTO att_calendar_day (school_urn, cal_date, school_day, school_week) VALUES (?, ?, ?, ?)", rows);
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.update("UPDATE att_calendar SET fingerprint = ?, updated_at = ? WHERE school_urn = ?", fingerprint, now, urn) == 0) {
      jdbc.update("INSERT INTO att_calendar (school_urn, fingerprint, updated_at) VALUES (?, ?, ?)", urn, fingerprint, now);
    }
  }
}
