package uk.schoolattendance.notices;

import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * Allocates notice numbers {@code PN-2026-000123}: one counter row per year in
 * {@code pn_number_counter}, incremented under a row lock in its own short transaction, so
 * nodes sharing the database never hand out the same number. Used as the business key of each
 * {@code PenaltyNotice} instance: {@code ${penaltyNoticeNumbers.next()}} (docs/adr/0002).
 * A number allocated by a command that later rolls back is skipped, never reused.
 */
@Component("penaltyNoticeNumbers")
public class PenaltyNoticeNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;
  private final SchoolCalendar calendar;

  public PenaltyNoticeNumbers(
      JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SchoolCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next notice number of the current year (engine clock). */
  public String next() {
    return next(calendar.today());
  }

  String next(LocalDate today) {
    int year = today.getYear();
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return format(year, newTransaction.execute(status -> incrementOrCreate(year)));
      } catch (DuplicateKeyException raced) {
        // another node created the year's counter first: increment it in a fresh transaction
      }
    }
    throw new IllegalStateException("could not allocate a penalty notice number for " + year);
  }

  static String format(int year, long number) {
    return String.format("PN-%d-%06d", year, number);
  }

  private long incrementOrCreate(int year) {
    int updated =
        jdbc.update("UPDATE pn_number_counter SET last_number = last_number + 1 WHERE notice_year = ?", year);
    if (updated == 1) {
      return jdbc.queryForObject(
          "SELECT last_number FROM pn_number_counter WHERE notice_year = ?", Long.class, year);
    }
    jdbc.update("INSERT INTO pn_number_counter (notice_year, last_number) VALUES (?, 1)", year);
    return 1L;
  }
}
