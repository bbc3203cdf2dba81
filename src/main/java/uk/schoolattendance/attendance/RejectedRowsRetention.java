package uk.schoolattendance.attendance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.engine.EngineClock;

/**
 * The retention rule of the register imports' rejected rows ({@code attendance.imports}, docs/operations.md):
 * once an import finished more than {@code rejected-rows-retention-days} ago (one that never finished:
 * since it last moved), its rejected rows as the file sent them ({@code att_import_rejection.sent_row}:
 * personal data) are removed, and the import records when ({@code att_import.rejected_rows_removed_at},
 * V638). The import keeps its counts and each rejection its row number, field and reason: the import's
 * page still lists them and says "Rejected rows removed on 12 March 2027 under the retention rule"; the
 * download lists them by row number. Every node of a cluster schedules it daily at {@code
 * rejected-rows-cron}: the two statements are idempotent (each changes only what is not removed yet, and
 * a node that waited for another's row locks finds nothing left), so two nodes at once remove each row
 * once and the import keeps the first removal's date.
 */
@Component
public class RejectedRowsRetention {

  private static final Logger LOG = LoggerFactory.getLogger(RejectedRowsRetention.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ImportRetentionProperties properties;

  RejectedRowsRetention(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ImportRetentionProperties properties) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.properties = properties;
  }

  @Scheduled(cron = "${attendance.imports.rejected-rows-cron:0 45 1 * * *}", zone = "${attendance.calendar.zone:Europe/London}")
  void daily() {
    try {
      int imports = removeExpired();
      if (imports > 0) {
        LOG.info("Register imports: the rejected rows of {} imports removed under the retention rule ({} days)", imports,
            properties.rejectedRowsRetentionDays());
      }
    } catch (RuntimeException failed) {
      // another node holding the rows past the database's lock timeout, or a failure: the next run removes them
      LOG.warn("Register imports: rejected rows not removed today: {}", failed.toString());
    }
  }

  /**
   * Removes, as of now (the engine's clock), the rejected rows as sent of every import whose retention
   * period has passed; the number of imports whose rows this call removed.
   */
  public int removeExpired() {
    Instant now = EngineClock.now().toInstant();
    // moments with their offset, not Timestamps: H2 turns a Timestamp into the JVM's clock time first, and in the
    // hour the clocks go back takes that clock time to be the first of the two (an hour early, ADR 0011)
    OffsetDateTime cutoff = now.minus(properties.rejectedRowsRetentionDays(), ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    Integer removed = transactions.execute(status -> {
      // an import that never finished (interrupted) counts from when it last moved
      int imports = jdbc.update("UPDATE att_import SET rejected_rows_removed_at = ? WHERE rejected_rows_removed_at IS NULL"
              + " AND rows_rejected > 0 AND COALESCE(finished_at, updated_at) < ?",
          at, cutoff);
      if (imports > 0) {
        // the rows of the imports this run marked (a node that found them marked by another marked none)
        jdbc.update("UPDATE att_import_rejection SET sent_row = NULL WHERE import_id IN"
            + " (SELECT import_id FROM att_import WHERE rejected_rows_removed_at = ?) AND sent_row IS NOT NULL", at);
      }
      return imports;
    });
    return removed == null ? 0 : removed;
  }
}
