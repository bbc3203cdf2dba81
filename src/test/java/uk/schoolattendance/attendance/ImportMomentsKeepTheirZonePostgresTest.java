package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import uk.schoolattendance.JvmZone;
import uk.schoolattendance.PostgresSchema;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.schools.CalendarProperties;

/**
 * {@link ImportMomentsKeepTheirZoneTest} on a real PostgreSQL: the off-roll notice and the rejected
 * rows' removal, written by a JVM in London in the hour the clocks go back, are the same moments read
 * by a JVM in UTC (the moments are bound with their offset, which PostgreSQL's driver takes as they are).
 */
class ImportMomentsKeepTheirZonePostgresTest {

  /** England's calendar (the national default zone), as the application configures it. */
  private static final CalendarProperties ENGLAND = new CalendarProperties(null, null, null, null);

  static EmbeddedPostgres postgres;
  static JdbcTemplate jdbc;

  @RegisterExtension
  static final JvmZone ZONE = new JvmZone();

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    PostgresSchema.migrate(postgres.getPostgresDatabase());
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @AfterEach
  void theTestsClock() {
    TestClock.reset();
  }

  @Test
  void inTheHourTheClocksGoBackTheSecondHalfPastOneIsKeptAsItself() {
    Instant second = Instant.parse("2026-10-25T01:30:00Z"); // the second 01:30 in England that night
    JvmZone.set("Europe/London");
    Timestamp finished = Timestamp.from(second.minusSeconds(100L * 24 * 3600));
    jdbc.update("INSERT INTO att_import (file_format, submitted_by, submitted_at, state, bytes_read, rows_read, rows_accepted,"
        + " rows_unchanged, rows_rejected, updated_at, finished_at) VALUES ('csv', 'datateam', ?, 'completed', 400, 40, 39, 0, 1, ?, ?)",
        finished, finished, finished);
    Integer importId = jdbc.queryForObject("SELECT MAX(import_id) FROM att_import", Integer.class);
    jdbc.update("INSERT INTO att_import_rejection (import_id, row_no, rows_covered, field, reason, sent_row)"
        + " VALUES (?, 2, 1, 'upn', 'not a UPN', 'X,100001,2026-07-01,AM,/')", importId);
    jdbc.update("INSERT INTO cf_case (process_instance_id, case_reference, pupil_upn, pupil_name, school_urn, updated_at)"
        + " VALUES ('off-roll-zone-pg', 'ATT-ZONE-000003', 'A123456789014', 'Sam Postgres', '100001', ?)", Timestamp.from(second));
    OffRollCases offRoll = new OffRollCases(jdbc);
    offRoll.checked(importId, second, List.of(new OffRollCases.Checked("ATT-ZONE-000003", "A123456789014", "100001", LocalDate.of(2026, 10, 20))));
    ClockUtil.setCurrentTime(Date.from(second));
    assertThat(new RejectedRowsRetention(jdbc, new DataSourceTransactionManager(postgres.getPostgresDatabase()),
        new ImportRetentionProperties(90, "-"), ENGLAND).removeExpired()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT sent_row FROM att_import_rejection WHERE import_id = ?", String.class, importId)).isNull();

    JvmZone.set("UTC");
    assertThat(offRoll.open().get(0).noticedAt()).as("noticed").isEqualTo(second);
    assertThat(new ImportRecords(jdbc).get(importId).orElseThrow().rejectedRowsRemovedAt()).as("removed").isEqualTo(second);
  }
}
