package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.attendance.OffRollCases.Checked;

/**
 * Identification's record of cases whose pupil left the roll ({@link OffRollCases}) on H2 and on a
 * real PostgreSQL (embedded), each with the table as V637 makes it: two identifications that find
 * the same pupil off the roll at once (the main school's import and a dual-registration school's)
 * both succeed and record the case once, and a later import that corrects the leaving date changes
 * it, keeping when the case was first noticed (review of session 16, item 3).
 */
class OffRollCasesTest {

  static final Instant FIRST = Instant.parse("2026-11-20T09:00:00Z");
  static final Instant LATER = Instant.parse("2026-11-23T09:00:00Z");

  static EmbeddedPostgres postgres;
  static DataSource h2;

  @BeforeAll
  static void databases() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    DriverManagerDataSource memory = new DriverManagerDataSource(
        "jdbc:h2:mem:off-roll-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
    h2 = memory;
    String table = new ClassPathResource("db/migration/V637__case_off_roll.sql").getContentAsString(StandardCharsets.UTF_8);
    for (DataSource db : List.of(h2, postgres.getPostgresDatabase())) {
      new JdbcTemplate(db).execute(table);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  static DataSource database(String name) {
    return "postgres".equals(name) ? postgres.getPostgresDatabase() : h2;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aLaterImportThatCorrectsTheLeavingDateChangesItAndKeepsWhenItWasFirstNoticed(String name) {
    JdbcTemplate jdbc = new JdbcTemplate(database(name));
    OffRollCases offRoll = new OffRollCases(jdbc);
    String ref = "CORRECTED-" + name;

    offRoll.checked(1, FIRST, List.of(new Checked(ref, "A123456789012", "100001", LocalDate.of(2026, 11, 13))));
    // the same import's pupil met twice (two registrations), then the school's corrected file
    offRoll.checked(2, LATER, List.of(new Checked(ref, "A123456789012", "100001", LocalDate.of(2026, 11, 6)),
        new Checked(ref, "A123456789012", "100001", LocalDate.of(2026, 11, 6))));

    Map<String, Object> row = jdbc.queryForMap(
        "SELECT left_on, noticed_at, import_id FROM att_case_off_roll WHERE case_reference = ?", ref);
    assertThat(row.get("left_on").toString()).isEqualTo("2026-11-06");
    assertThat(noticedAt(jdbc, ref)).isEqualTo(FIRST);
    assertThat(((Number) row.get("import_id")).intValue()).isEqualTo(1);

    // the same date again changes nothing
    offRoll.checked(3, LATER.plusSeconds(60), List.of(new Checked(ref, "A123456789012", "100001", LocalDate.of(2026, 11, 6))));
    assertThat(jdbc.queryForObject("SELECT import_id FROM att_case_off_roll WHERE case_reference = ?", Integer.class, ref))
        .isEqualTo(1);
    assertThat(noticedAt(jdbc, ref)).isEqualTo(FIRST);
  }

  /**
   * The first identification has recorded the case and not committed yet when the second looks:
   * the second waits for the first's row, and records nothing twice (a duplicate key here used to
   * roll back the second identification's whole job).
   */
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void twoIdentificationsOfTheSamePupilAtOnceBothSucceedAndRecordTheCaseOnce(String name) throws Exception {
    DataSource db = database(name);
    JdbcTemplate jdbc = new JdbcTemplate(db);
    OffRollCases offRoll = new OffRollCases(jdbc);
    TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(db));
    String ref = "AT-ONCE-" + name;
    CountDownLatch firstRecorded = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);

    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
      offRoll.checked(1, FIRST, List.of(new Checked(ref, "A123456789012", "100001", LocalDate.of(2026, 11, 13))));
      firstRecorded.countDown();
      try {
        assertThat(commitFirst.await(30, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }));
    assertThat(firstRecorded.await(30, TimeUnit.SECONDS)).isTrue();

    AtomicReference<Throwable> secondFailed = new AtomicReference<>();
    Thread second = new Thread(() -> {
      try {
        transactions.executeWithoutResult(status -> {
          if (!"postgres".equals(name)) {
            jdbc.execute("SET LOCK_TIMEOUT 20000");
          }
          offRoll.checked(2, LATER, List.of(new Checked(ref, "A123456789012", "100002", LocalDate.of(2026, 11, 6))));
        });
      } catch (RuntimeException e) {
        secondFailed.set(e);
      }
    });
    second.start();
    // the second is waiting for the first's uncommitted row
    String waiting = "postgres".equals(name)
        ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
        // H2 shows a MERGE waiting for a row as running it
        : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
            + " AND EXECUTING_STATEMENT LIKE '% INTO att_case_off_roll %'";
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> !second.isAlive() || jdbc.queryForObject(waiting, Integer.class) > 0);
    assertThat(secondFailed.get()).isNull();
    commitFirst.countDown();
    first.get(30, TimeUnit.SECONDS);
    second.join(30_000);

    assertThat(secondFailed.get()).isNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_case_off_roll WHERE case_reference = ?", Integer.class, ref))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT left_on FROM att_case_off_roll WHERE case_reference = ?", java.sql.Date.class, ref)
        .toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 6));
    assertThat(noticedAt(jdbc, ref)).isEqualTo(FIRST);
  }

  private static Instant noticedAt(JdbcTemplate jdbc, String ref) {
    return jdbc.queryForObject("SELECT noticed_at FROM att_case_off_roll WHERE case_reference = ?", Timestamp.class, ref)
        .toInstant();
  }
}
