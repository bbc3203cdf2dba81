package uk.schoolattendance;

import java.sql.Connection;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/** Runs a Flyway Java migration on a connection, as Flyway does (the tests' own data in its tables). */
public final class JavaMigrations {

  private JavaMigrations() {}

  public static void migrate(JavaMigration migration, Connection connection) throws Exception {
    migration.migrate(new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    });
  }
}
