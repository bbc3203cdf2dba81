package uk.schoolattendance.casefile.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * After every migration, no column of the application's own tables is a {@code TIMESTAMP} without a
 * zone (ADR 0011): a migration that adds a moment as a plain TIMESTAMP (as V637 and V638 did, before
 * V640 converted the moments it named) would keep it in the writing JVM's zone again. The engine's
 * own tables ({@code ACT_*}) and Flyway's history are Camunda's and Flyway's, not the application's.
 * {@link InstantsKeepTheirZonePostgresTest} asks the same of PostgreSQL.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class EveryMomentKeepsItsZoneTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void noColumnOfTheApplicationsTablesIsATimestampWithoutAZone() {
    assertThat(momentsWithoutAZone(jdbc)).as("table.column kept as TIMESTAMP without a zone").isEmpty();
  }

  /** The application's own columns (schema of the connection) whose type is a timestamp without a zone. */
  static List<String> momentsWithoutAZone(JdbcTemplate jdbc) {
    return jdbc.queryForList(
        "SELECT LOWER(table_name) || '.' || LOWER(column_name) FROM information_schema.columns"
            + " WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA)"
            + " AND UPPER(data_type) IN ('TIMESTAMP', 'TIMESTAMP WITHOUT TIME ZONE')"
            + " AND UPPER(table_name) NOT LIKE 'ACT\\_%' ESCAPE '\\'"
            + " AND LOWER(table_name) <> 'attendance_schema_history'"
            + " ORDER BY 1",
        String.class);
  }
}
