package uk.schoolattendance.casefile.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.schoolattendance.JvmZone;
import uk.schoolattendance.PostgresSchema;

/**
 * {@link InstantsKeepTheirZoneTest} on a real PostgreSQL: a moment kept by a JVM in one zone is the
 * same moment, and the same day in England, read by a JVM in another; and a row kept before V640
 * (a TIMESTAMP without a zone, written by a server in London) is the same moment after it.
 */
class InstantsKeepTheirZonePostgresTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** 00:30 on Friday 28 May 2027 in England (British Summer Time), still 27 May in UTC. */
  static final Instant PRINTED = Instant.parse("2027-05-27T23:30:00Z");
  static final Instant BEFORE_V640 = Instant.parse("2026-11-25T23:45:00Z");

  static EmbeddedPostgres postgres;
  static JdbcTemplate jdbc;
  static long keptBefore;
  static int importKeptBefore;

  @RegisterExtension
  static final JvmZone ZONE = new JvmZone();

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    // a server in London kept a print run before V640, then migrated
    JvmZone.set(LONDON);
    PostgresSchema.migrate(postgres.getPostgresDatabase(), "638"); // the last migration before V640
    jdbc.update("INSERT INTO pn_print_run (printed_by, printed_by_name, printed_at, delivery_method, dispatch_on, copies)"
        + " VALUES ('compliance', 'Casey Compliance', ?, 'post', DATE '2026-11-26', 0)", Timestamp.from(BEFORE_V640));
    keptBefore = jdbc.queryForObject("SELECT MAX(run_id) FROM pn_print_run", Long.class);
    // and the two moments V637 and V638 added without a zone, which V640 did not name (V642 converts them)
    jdbc.update("INSERT INTO att_import (file_format, submitted_by, submitted_at, state, bytes_read, rows_read, rows_accepted,"
        + " rows_unchanged, rows_rejected, updated_at, finished_at, rejected_rows_removed_at) VALUES ('csv', 'datateam', ?, 'completed',"
        + " 400, 40, 39, 0, 1, ?, ?, ?)", Timestamp.from(BEFORE_V640), Timestamp.from(BEFORE_V640), Timestamp.from(BEFORE_V640),
        Timestamp.from(BEFORE_V640));
    importKeptBefore = jdbc.queryForObject("SELECT MAX(import_id) FROM att_import", Integer.class);
    jdbc.update("INSERT INTO att_case_off_roll (case_reference, upn, school_urn, left_on, noticed_at, import_id)"
        + " VALUES ('ATT-2026-000001', 'A123456789012', '100001', DATE '2026-11-20', ?, ?)", Timestamp.from(BEFORE_V640),
        importKeptBefore);
    PostgresSchema.migrateTheRest(postgres.getPostgresDatabase());
    ZONE.restore();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void aPrintRunWrittenInLondonReadsAsTheSameMomentAndDayElsewhere() {
    PrintRuns runs = new PrintRuns(jdbc);
    JvmZone.set(LONDON);
    long id = runs.record("compliance", "Casey Compliance", PRINTED, "post", LocalDate.of(2027, 5, 28), List.of(), true);
    for (String zone : List.of("Pacific/Auckland", "America/Los_Angeles", "UTC", "Europe/London")) {
      JvmZone.set(zone);
      Instant printed = runs.find(id).orElseThrow().printedAt();
      assertThat(printed).as("read in " + zone).isEqualTo(PRINTED);
      assertThat(printed.atZone(LONDON).toLocalDate()).as("the day in England, read in " + zone).isEqualTo(LocalDate.of(2027, 5, 28));
    }
  }

  @Test
  void aRowKeptBeforeTheMigrationIsTheSameMomentAfterIt() {
    JvmZone.set("Pacific/Auckland");
    assertThat(new PrintRuns(jdbc).find(keptBefore).orElseThrow().printedAt()).isEqualTo(BEFORE_V640);
    assertThat(jdbc.queryForObject(
        "SELECT data_type FROM information_schema.columns WHERE table_name = 'pn_print_run' AND column_name = 'printed_at'",
        String.class)).isEqualTo("timestamp with time zone");
  }

  @Test
  void theOffRollNoticeAndTheRejectedRowsRemovalKeptBeforeTheMigrationAreTheSameMomentsAfterIt() {
    // read as OffRollCases and ImportRecords read them
    JvmZone.set("Pacific/Auckland");
    assertThat(jdbc.queryForObject("SELECT noticed_at FROM att_case_off_roll WHERE case_reference = 'ATT-2026-000001'",
        Timestamp.class).toInstant()).isEqualTo(BEFORE_V640);
    assertThat(jdbc.queryForObject("SELECT rejected_rows_removed_at FROM att_import WHERE import_id = ?",
        Timestamp.class, importKeptBefore).toInstant()).isEqualTo(BEFORE_V640);
  }

  @Test
  void noColumnOfTheApplicationsTablesIsATimestampWithoutAZone() {
    assertThat(EveryMomentKeepsItsZoneTest.momentsWithoutAZone(jdbc)).as("table.column kept as TIMESTAMP without a zone").isEmpty();
  }
}
