package uk.schoolattendance.attendance;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register's writes on PostgreSQL: marks are copied ({@code COPY ... FROM STDIN}, the
 * database's fastest way in) into a temporary table emptied at each commit, then written by one
 * statement: the replaced values into {@code att_mark_change} and the marks by {@code INSERT ...
 * ON CONFLICT DO UPDATE} where they differ. Both parts of that statement read the marks as they
 * were before it.
 */
final class PostgresDialect implements RegisterDialect {

  static final String STAGE =
      "CREATE TEMPORARY TABLE IF NOT EXISTS att_stage (pupil_id INTEGER NOT NULL, mark_date DATE NOT NULL,"
          + " session_no SMALLINT NOT NULL, school_urn INTEGER NOT NULL, category CHAR(1) NOT NULL,"
          + " code VARCHAR(2) NOT NULL, source_code VARCHAR(8)) ON COMMIT DELETE ROWS";

  static final String WRITE =
      "WITH changed AS ("
          + " INSERT INTO att_mark_change (pupil_id, mark_date, session_no, school_urn, old_code, old_source_code,"
          + " old_import_id, new_code, new_source_code, import_id)"
          + " SELECT m.pupil_id, m.mark_date, m.session_no, m.school_urn, m.code, m.source_code, m.import_id,"
          + " s.code, s.source_code, ?"
          + " FROM att_stage s JOIN att_mark m ON m.pupil_id = s.pupil_id AND m.mark_date = s.mark_date"
          + " AND m.session_no = s.session_no AND m.school_urn = s.school_urn"
          + " WHERE m.import_id <> ? AND (m.code <> s.code OR m.source_code IS DISTINCT FROM s.source_code)),"
          + " written AS ("
          + " INSERT INTO att_mark (pupil_id, mark_date, session_no, school_urn, import_id, category, code, source_code)"
          + " SELECT pupil_id, mark_date, session_no, school_urn, ?, category, code, source_code FROM att_stage"
          + " ON CONFLICT (pupil_id, mark_date, session_no, school_urn) DO UPDATE SET import_id = EXCLUDED.import_id,"
          + " category = EXCLUDED.category, code = EXCLUDED.code, source_code = EXCLUDED.source_code"
          + " WHERE att_mark.code <> EXCLUDED.code OR att_mark.source_code IS DISTINCT FROM EXCLUDED.source_code"
          + " RETURNING 1)"
          + " SELECT COUNT(*) FROM written";

  @Override
  public int writeMarks(JdbcTemplate jdbc, int importId, List<Mark> marks) {
    jdbc.execute(STAGE);
    StringBuilder rows = new StringBuilder(marks.size() * 32);
    for (Mark mark : marks) {
      rows.append(mark.pupilId()).append('\t')
          .append(mark.date()).append('\t')
          .append(mark.session()).append('\t')
          .append(mark.urn()).append('\t')
          .append(mark.category()).append('\t');
      escape(rows, mark.code());
      rows.append('\t');
      if (mark.sourceCode() == null) {
        rows.append("\\N");
      } else {
        escape(rows, mark.sourceCode());
      }
      rows.append('\n');
    }
    jdbc.execute(
        (Connection connection) -> {
          try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY att_stage FROM STDIN", new StringReader(rows.toString()));
          } catch (IOException e) {
            throw new SQLException("COPY of marks failed", e);
          }
        });
    Long written = jdbc.queryForObject(WRITE, Long.class, importId, importId, importId);
    return written == null ? 0 : written.intValue();
  }

  @Override
  public void upsertEnrolments(JdbcTemplate jdbc, List<Enrolment> enrolments) {
    jdbc.batchUpdate(
        "INSERT INTO att_enrolment (pupil_id, school_urn, registration, from_date, last_mark_on) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (pupil_id, school_urn) DO UPDATE SET from_date = LEAST(att_enrolment.from_date, EXCLUDED.from_date),"
            + " last_mark_on = GREATEST(att_enrolment.last_mark_on, EXCLUDED.last_mark_on), registration = EXCLUDED.registration",
        enrolments,
        enrolments.size(),
        (ps, e) -> {
          ps.setInt(1, e.pupilId());
          ps.setInt(2, e.urn());
          ps.setString(3, e.dual() ? "dual" : "main");
          ps.setDate(4, e.from());
          ps.setDate(5, e.last());
        });
  }

  @Override
  public void addImportPupils(JdbcTemplate jdbc, int importId, Collection<Integer> pupilIds) {
    jdbc.batchUpdate(
        "INSERT INTO att_import_pupil (import_id, pupil_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        pupilIds,
        pupilIds.size(),
        (ps, id) -> {
          ps.setInt(1, importId);
          ps.setInt(2, id);
        });
  }

  /** COPY's text format: a backslash (the afternoon's present mark), tab or newline is escaped. */
  private static void escape(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}
