package uk.schoolattendance.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine keeps due dates, timers and its history's times in its own tables as clock times of
 * the JVM's default zone (Camunda's {@code TIMESTAMP} columns have no zone). A node started in
 * another zone (a restart with another {@code TZ}, a second node set up elsewhere, a Docker image
 * in UTC beside a server in London) would move every due date and timer by the difference, and
 * a day's deadline to another day. So the zone of the first start is kept in the database
 * ({@code att_server_zone}) and a start whose JVM zone has other rules is refused, saying which
 * zone to run in; nothing is started. The application's own tables keep moments with their zone
 * (V640) and need no such rule (docs/adr/0011-instants-with-their-zone.md).
 *
 * <p>A database whose zone is already recorded is checked before Flyway migrates: a migration
 * that reads or converts times in the session's zone must not run on a node that is refused
 * afterwards. A database's first start records its zone once the migrations (V641 makes the
 * table) have run.
 */
final class ServerZone {

  private static final Logger LOG = LoggerFactory.getLogger(ServerZone.class);

  private final JdbcTemplate jdbc;

  ServerZone(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Migrates the project's tables with a node in {@code jvm}: refused before any pending
   * migration runs when the database already keeps another zone; records {@code jvm} on the
   * database's first start.
   */
  static void migrate(Flyway flyway, TimeZone jvm) {
    DataSource dataSource = flyway.getConfiguration().getDataSource();
    ServerZone zone = new ServerZone(new JdbcTemplate(dataSource));
    if (recorded(dataSource)) {
      zone.check(jvm);
    }
    flyway.migrate();
    zone.check(jvm);
  }

  /** Whether {@code att_server_zone} exists yet (V641 has run); identifiers are upper case on H2, lower case on PostgreSQL. */
  private static boolean recorded(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      for (String name : new String[] {"att_server_zone", "ATT_SERVER_ZONE"}) {
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, name, new String[] {"TABLE"})) {
          if (tables.next()) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read whether this database keeps the zone of its first start (att_server_zone)", e);
    }
  }

  /** Records {@code jvm} on the database's first start; refuses a later start in a zone with other rules. */
  void check(TimeZone jvm) {
    List<String> kept = jdbc.queryForList("SELECT zone FROM att_server_zone WHERE id = 1", String.class);
    if (kept.isEmpty()) {
      jdbc.update("INSERT INTO att_server_zone (id, zone, recorded_at) VALUES (1, ?, ?)", jvm.getID(), Timestamp.from(Instant.now()));
      LOG.info("The engine's due dates and timers are kept in this JVM's zone, {}: every node must run in it", jvm.getID());
      return;
    }
    TimeZone first = TimeZone.getTimeZone(kept.get(0));
    if (!first.hasSameRules(jvm)) {
      throw new IllegalStateException("This node's JVM runs in the zone " + jvm.getID() + ", but the engine's due dates and timers"
          + " in this database are kept in " + first.getID() + " (the zone it first started in): in " + jvm.getID()
          + " each would move to another time. Start every node in " + first.getID() + " (TZ=" + first.getID()
          + " or java -Duser.timezone=" + first.getID() + "); see docs/operations.md, time zone.");
    }
  }
}
