package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.schoolattendance.engine.EngineClock;

/**
 * Case references from a counter row per year ({@code ac_reference_counter}, Flyway V10): the
 * row lock of the update makes allocation safe when several nodes share the database.
 */
@Component("caseReferences")
class JdbcCaseReferences implements CaseReferences {

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  JdbcCaseReferences(JdbcTemplate jdbc, uk.schoolattendance.schools.CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.zone = calendar.zone();
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public String next() {
    int year = LocalDate.ofInstant(EngineClock.now().toInstant(), zone).getYear();
    int updated =
        jdbc.update("UPDATE ac_reference_counter SET last_number = last_number + 1 WHERE case_year = ?", year);
    if (updated == 0) {
      try {
        jdbc.update("INSERT INTO ac_reference_counter (case_year, last_number) VALUES (?, 1)", year);
      } catch (org.springframework.dao.DuplicateKeyException e) {
        jdbc.update("UPDATE ac_reference_counter SET last_number = last_number + 1 WHERE case_year = ?", year);
      }
    }
    Long number =
        jdbc.queryForObject("SELECT last_number FROM ac_reference_counter WHERE case_year = ?", Long.class, year);
    return String.format("AC-%d-%06d", year, number);
  }
}
