package uk.schoolattendance.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.process.SqlLists;
import uk.schoolattendance.schools.CalendarProperties;

/**
 * The retention rule of the register imports' rejected rows ({@code attendance.imports}, docs/operations.md):
 * once an import finished more than {@code rejected-rows-retention-days} ago (one that never finished:
 * since it last moved), its rejected rows as the file sent them ({@code att_import_rejection.sent_row}:
 * personal data) are removed, and the import records when ({@code att_import.rejected_rows_removed_at},
 * V638). The import keeps its counts and each rejection its row number, field and reason: the import's
 * page still lists them and says "Rejected rows removed on 12 March 2027 under the retention rule"; the
 * download lists them by row number. Every node of a cluster schedules it daily at {@code
 * rejected-rows-cron}: a run takes the expired imports by id ({@code FOR UPDATE SKIP LOCKED}: those another
 * node holds are its own to remove) and updates both tables by those ids, so two nodes at once remove
 * each row once, never wait on each other, and the import keeps the first removal's date.
 */
@Component
public class RejectedRowsRetention {

  private static final Logger LOG = LoggerFactory.getLogger(RejectedRowsRetention.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ImportRetentionProperties properties;
  private final ZoneId zone;

  RejectedRowsRetention(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ImportRetentionProperties properties,
      CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.properties = properties;
    this.zone = calendar.zone();
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
   * period has passed; the number of imports whose rows this call removed. The period is calendar
   * days in the authority's zone: an import that finished on 10 March is kept through the 90 days
   * after that day and goes on the 91st, whatever the time of day and across a clock change.
   */
  public int removeExpired() {
    Instant now = EngineClock.now().toInstant();
    // moments with their offset, not Timestamps: H2 turns a Timestamp into the JVM's clock time first, and in the
    // hour the clocks go back takes that clock time to be the first of the two (an hour early, ADR 0011)
    LocalDate today = LocalDate.ofInstant(now, zone);
    OffsetDateTime cutoff = today.minusDays(properties.rejectedRowsRetentionDays()).atStartOfDay(zone).toInstant()
        .atOffset(ZoneOffset.UTC);
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    Integer removed = transactions.execute(status -> {
      // an import that never finished (interrupted) counts from when it last moved; one another node
      // holds is skipped (that node removes its rows), so two nodes never wait on each other
      List<Integer> ids = jdbc.queryForList("SELECT import_id FROM att_import WHERE rejected_rows_removed_at IS NULL"
          + " AND rows_rejected > 0 AND COALESCE(finished_at, updated_at) < ? ORDER BY import_id FOR UPDATE SKIP LOCKED",
          Integer.class, cutoff);
      int imports = 0;
      for (List<Integer> chunk : SqlLists.chunks(ids, 500)) {
        String in = " IN (" + SqlLists.placeholders(chunk.size()) + ")";
        List<Object> args = new ArrayList<>(chunk.size() + 1);
        args.add(at);
        args.addAll(chunk);
        imports += jdbc.update("UPDATE att_import SET rejected_rows_removed_at = ? WHERE rejected_rows_removed_at IS NULL"
            + " AND import_id" + in, args.toArray());
        jdbc.update("UPDATE att_import_rejection SET sent_row = NULL WHERE sent_row IS NOT NULL AND import_id" + in,
            chunk.toArray());
      }
      return imports;
    });
    return removed == null ? 0 : removed;
  }
}
