package uk.schoolattendance.casefile.index;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.engine.BackfillMigration;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.schools.CalendarProperties;

/**
 * Flyway V636: fills the parents' relationship V635 added to the search table's parent rows
 * ({@code cf_case_parent.relationship}) for the rows written before it, from each case's parents
 * as its history last recorded them (the value the row was written from). A case whose parents
 * cannot be read keeps NULL ("Not recorded"). Nothing to do on a new database (no rows). In the
 * migration's transaction, in JDBC batches. A Spring bean: Spring Boot hands Flyway the Java
 * migrations it finds among its beans.
 */
@Component
class CaseParentRelationshipBackfill extends BackfillMigration {

  private static final int BATCH = 1000;

  private final ZoneId zone;

  CaseParentRelationshipBackfill(CalendarProperties calendar) {
    super(636, "case parent relationship backfill");
    this.zone = calendar.zone();
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (PreparedStatement any = connection.prepareStatement("SELECT 1 FROM cf_case_parent FETCH FIRST 1 ROWS ONLY");
        ResultSet rows = any.executeQuery()) {
      if (!rows.next()) {
        return;
      }
    }
    String name = AttendanceCase.PARENTS.name();
    try (PreparedStatement select = connection.prepareStatement(
            "SELECT v.PROC_INST_ID_, v.TEXT_, b.BYTES_ FROM ACT_HI_VARINST v LEFT JOIN ACT_GE_BYTEARRAY b ON b.ID_ = v.BYTEARRAY_ID_"
                + " WHERE v.NAME_ = ? AND v.PROC_INST_ID_ = v.EXECUTION_ID_"
                + " AND v.PROC_INST_ID_ IN (SELECT process_instance_id FROM cf_case_parent)");
        PreparedStatement update = connection.prepareStatement(
            "UPDATE cf_case_parent SET relationship = ? WHERE process_instance_id = ? AND parent_id = ?")) {
      select.setString(1, name);
      int pending = 0;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          byte[] bytes = rows.getBytes(3);
          String json = bytes != null ? new String(bytes, StandardCharsets.UTF_8) : rows.getString(2);
          List<Parent> parents;
          try {
            parents = Parents.parse(name, Json.parse(name, json), zone);
          } catch (RuntimeException unreadable) {
            continue;
          }
          for (Parent parent : parents) {
            if (parent.standing().relationship() != null) {
              update.setString(1, parent.standing().relationship());
              update.setString(2, rows.getString(1));
              update.setString(3, parent.id());
              update.addBatch();
              if (++pending == BATCH) {
                update.executeBatch();
                pending = 0;
              }
            }
          }
        }
      }
      update.executeBatch();
    }
  }
}
