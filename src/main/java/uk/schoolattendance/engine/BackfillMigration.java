package uk.schoolattendance.engine;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway Java migration that fills columns an SQL migration added, in the migration's transaction.
 * Its checksum is its version number, as each of these migrations has recorded it since it first
 * ran: a database already migrated validates that value, so it must not change.
 */
public abstract class BackfillMigration implements JavaMigration {

  private final int version;
  private final String description;

  protected BackfillMigration(int version, String description) {
    this.version = version;
    this.description = description;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(Integer.toString(version));
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    return version;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }
}
