package uk.schoolattendance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TimeZone;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.schoolattendance.ProcessEngineFixture;

/**
 * The engine's due dates and timers are kept in the JVM's zone of the database's first start: a
 * later start in a zone with other rules is refused, saying which zone to run in; a start in the
 * same zone (or another name for the same rules) goes ahead. A refused start runs no pending
 * migration: a migration reads and converts times in the session's zone.
 */
class ServerZoneTest {

  static ProcessEngineFixture fixture;
  static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    fixture = ProcessEngineFixture.builder("server-zone-test").build();
    engine = fixture.configuration.buildProcessEngine(); // the engine's tables and all the project's migrations
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void aStartInAnotherZoneThanTheFirstIsRefusedNamingTheZoneToRunIn() {
    fixture.jdbc.update("DELETE FROM att_server_zone");
    ServerZone zone = new ServerZone(fixture.jdbc);
    zone.check(TimeZone.getTimeZone("Europe/London")); // the first start
    assertThat(fixture.jdbc.queryForObject("SELECT zone FROM att_server_zone", String.class)).isEqualTo("Europe/London");

    zone.check(TimeZone.getTimeZone("Europe/London"));
    zone.check(TimeZone.getTimeZone("GB")); // another name for England's rules
    assertThatThrownBy(() -> zone.check(TimeZone.getTimeZone("UTC")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("runs in the zone UTC")
        .hasMessageContaining("kept in Europe/London")
        .hasMessageContaining("TZ=Europe/London");
    assertThat(fixture.jdbc.queryForObject("SELECT zone FROM att_server_zone", String.class)).isEqualTo("Europe/London");
  }

  @Test
  void aStartInAnotherZoneLeavesPendingMigrationsPending() {
    fixture.jdbc.update("DELETE FROM att_server_zone");
    new ServerZone(fixture.jdbc).check(TimeZone.getTimeZone("Europe/London")); // the first start
    Flyway flyway = Flyway.configure()
        .dataSource(fixture.dataSource)
        .table("attendance_schema_history")
        .javaMigrations(new NextMigration())
        .load();
    assertThat(pending(flyway)).containsExactly(NextMigration.VERSION);

    assertThatThrownBy(() -> ServerZone.migrate(flyway, TimeZone.getTimeZone("UTC")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kept in Europe/London");
    assertThat(pending(flyway)).as("a refused start leaves the next migration to a start in the right zone")
        .containsExactly(NextMigration.VERSION);

    ServerZone.migrate(flyway, TimeZone.getTimeZone("Europe/London"));
    assertThat(pending(flyway)).isEmpty();
  }

  @Test
  void onPostgreSqlTooARefusedStartLeavesPendingMigrationsPending() throws IOException {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
      jdbc.execute(new ClassPathResource("db/migration/V641__server_zone.sql").getContentAsString(StandardCharsets.UTF_8));
      new ServerZone(jdbc).check(TimeZone.getTimeZone("Europe/London")); // the first start
      Flyway flyway = Flyway.configure()
          .dataSource(postgres.getPostgresDatabase())
          .locations(new String[0]) // only the next migration
          .javaMigrations(new NextMigration())
          .load();

      assertThatThrownBy(() -> ServerZone.migrate(flyway, TimeZone.getTimeZone("UTC")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("kept in Europe/London");
      assertThat(pending(flyway)).containsExactly(NextMigration.VERSION);
    }
  }

  private static MigrationVersion[] pending(Flyway flyway) {
    return Arrays.stream(flyway.info().pending()).map(MigrationInfo::getVersion).toArray(MigrationVersion[]::new);
  }

  /** A migration released after the database's first start, pending until a node in its zone starts. */
  private static final class NextMigration implements JavaMigration {

    static final MigrationVersion VERSION = MigrationVersion.fromVersion("99999");

    @Override
    public MigrationVersion getVersion() {
      return VERSION;
    }

    @Override
    public String getDescription() {
      return "next release";
    }

    @Override
    public Integer getChecksum() {
      return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
      return true;
    }

    @Override
    public void migrate(Context context) {
      // nothing: only whether it runs matters
    }
  }
}
