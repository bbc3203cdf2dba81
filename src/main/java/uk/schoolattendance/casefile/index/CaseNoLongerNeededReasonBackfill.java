package uk.schoolattendance.casefile.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.engine.BackfillMigration;

/**
 * Flyway V632: fills the no-longer-needed reason V631 added to the search table
 * ({@code cf_case.no_longer_needed_reason}) for the cases that closed no longer needed before it,
 * from the reason their history still holds: the case's own (process instance) value first, else
 * any one of its scopes'. A case whose history was already cleaned up keeps NULL ("Reason not
 * recorded"). Nothing to do on a new database (no such case), where the engine's tables may not even
 * be there. One statement, in the migration's transaction. A Spring bean: Spring Boot hands Flyway
 * the Java migrations it finds among its beans.
 */
@Component
class CaseNoLongerNeededReasonBackfill extends BackfillMigration {

  CaseNoLongerNeededReasonBackfill() {
    super(632, "case no longer needed reason backfill");
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (PreparedStatement any = connection.prepareStatement(
            "SELECT 1 FROM cf_case WHERE case_outcome = ? AND closed_at IS NOT NULL AND no_longer_needed_reason IS NULL"
                + " FETCH FIRST 1 ROWS ONLY")) {
      any.setString(1, AttendanceCase.NO_LONGER_NEEDED_OUTCOME);
      try (ResultSet rows = any.executeQuery()) {
        if (!rows.next()) {
          return;
        }
      }
    }
    String name = AttendanceCase.NO_LONGER_NEEDED_REASON.name();
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE cf_case SET no_longer_needed_reason = COALESCE("
            + "(SELECT MAX(v.TEXT_) FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = cf_case.process_instance_id"
            + " AND v.EXECUTION_ID_ = cf_case.process_instance_id AND v.NAME_ = ?),"
            + " (SELECT MAX(v.TEXT_) FROM ACT_HI_VARINST v WHERE v.PROC_INST_ID_ = cf_case.process_instance_id AND v.NAME_ = ?))"
            + " WHERE case_outcome = ? AND closed_at IS NOT NULL AND no_longer_needed_reason IS NULL")) {
      update.setString(1, name);
      update.setString(2, name);
      update.setString(3, AttendanceCase.NO_LONGER_NEEDED_OUTCOME);
      update.executeUpdate();
    }
  }
}
