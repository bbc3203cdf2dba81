package uk.schoolattendance;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** The project's migrations on an empty PostgreSQL, without the engine, as in production. */
public final class PostgresSchema {

  private PostgresSchema() {}

  /**
   * The project's own tables first (Flyway starts on an empty schema), then stand-ins for the
   * engine tables V100 indexes and V190 reads, then every later migration.
   */
  public static void migrate(DataSource dataSource) {
    migrate(dataSource, "latest");
  }

  /** {@link #migrate(DataSource)} up to migration {@code target} only ("latest" for all). */
  public static void migrate(DataSource dataSource, String target) {
    Flyway.configure()
        .dataSource(dataSource)
        .table("attendance_schema_history")
        .target(ProcessEngineFixture.lastOwnTableMigration())
        .load()
        .migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE ACT_RU_JOB (ID_ VARCHAR(64), DUEDATE_ TIMESTAMP)");
    jdbc.execute("CREATE TABLE ACT_RU_IDENTITYLINK (ID_ VARCHAR(64), GROUP_ID_ VARCHAR(255), TYPE_ VARCHAR(255), TASK_ID_ VARCHAR(64))");
    jdbc.execute("CREATE TABLE ACT_RE_PROCDEF (ID_ VARCHAR(64), KEY_ VARCHAR(255))");
    jdbc.execute("CREATE TABLE ACT_RU_EXECUTION (ID_ VARCHAR(64), PROC_INST_ID_ VARCHAR(64), PROC_DEF_ID_ VARCHAR(64), BUSINESS_KEY_ VARCHAR(255))");
    jdbc.execute("CREATE TABLE ACT_RU_VARIABLE (ID_ VARCHAR(64), EXECUTION_ID_ VARCHAR(64), NAME_ VARCHAR(255), TEXT_ VARCHAR(4000))");
    later(dataSource, target);
  }

  /** After {@link #migrate(DataSource, String)}: the migrations after its target. */
  public static void migrateTheRest(DataSource dataSource) {
    later(dataSource, "latest");
  }

  private static void later(DataSource dataSource, String target) {
    Flyway.configure()
        .dataSource(dataSource)
        .table("attendance_schema_history")
        .target(target)
        .load()
        .migrate();
  }
}
