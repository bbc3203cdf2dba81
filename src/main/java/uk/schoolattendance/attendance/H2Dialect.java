package uk.schoolattendance.attendance;

import java.sql.Types;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The register's writes on H2 (the embedded default): JDBC batches and {@code MERGE}. */
final class H2Dialect implements RegisterDialect {

  static final String KEY =
      "m.pupil_id = s.pupil_id AND m.mark_date = s.mark_date AND m.session_no = s.session_no AND m.school_urn = s.school_urn";
  static final String DIFFERS = "(m.code <> s.code OR m.source_code IS DISTINCT FROM s.source_code)";

  @Override
  public int writeMarks(JdbcTemplate jdbc, int importId, List<Mark> marks, List<Span> spans) {
    jdbc.batchUpdate(
        "INSERT INTO att_mark_stage (import_id, pupil_id, mark_date, session_no, school_urn, category, code, source_code)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        marks,
        marks.size(),
        (ps, mark) -> {
          ps.setInt(1, importId);
          ps.setInt(2, mark.pupilId());
          ps.setDate(3, mark.date());
          ps.setInt(4, mark.session());
          ps.setInt(5, mark.urn());
          ps.setString(6, String.valueOf(mark.category()));
          ps.setString(7, mark.code());
          if (mark.sourceCode() == null) {
            ps.setNull(8, Types.VARCHAR);
          } else {
            ps.setString(8, mark.sourceCode());
          }
        });
    jdbc.update(
        "INSERT INTO att_mark_change (pupil_id, mark_date, session_no, school_urn, old_code, old_source_code,"
            + " old_import_id, new_code, new_source_code, import_id)"
            + " SELECT m.pupil_id, m.mark_date, m.session_no, m.school_urn, m.code, m.source_code, m.import_id,"
            + " s.code, s.source_code, s.import_id"
            + " FROM att_mark_stage s JOIN att_mark m ON " + KEY
            + " WHERE s.import_id = ? AND m.import_id <> ? AND " + DIFFERS,
        importId,
        importId);
    jdbc.update(
        "MERGE INTO att_pupil_year t USING (SELECT s.pupil_id, CAST(YEAR(DATEADD(MONTH, -8, s.mark_date)) AS SMALLINT) AS y,"
            + " SUM(" + count("s.category <> 'X'") + " - " + count("m.category <> 'X'") + ") AS possible,"
            + " SUM(" + count("s.category = 'P'") + " - " + count("m.category = 'P'") + ") AS present,"
            + " SUM(" + count("s.category = 'A'") + " - " + count("m.category = 'A'") + ") AS authorised,"
            + " SUM(" + count("s.category = 'U'") + " - " + count("m.category = 'U'") + ") AS unauthorised"
            + " FROM att_mark_stage s LEFT JOIN att_mark m ON " + KEY
            + " WHERE s.import_id = ? AND (m.code IS NULL OR " + DIFFERS + ")"
            + " GROUP BY s.pupil_id, CAST(YEAR(DATEADD(MONTH, -8, s.mark_date)) AS SMALLINT)) d"
            + " ON t.pupil_id = d.pupil_id AND t.academic_year = d.y"
            + " WHEN MATCHED THEN UPDATE SET possible_sessions = t.possible_sessions + d.possible,"
            + " present_sessions = t.present_sessions + d.present, authorised_absence = t.authorised_absence + d.authorised,"
            + " unauthorised_absence = t.unauthorised_absence + d.unauthorised"
            + " WHEN NOT MATCHED THEN INSERT (pupil_id, academic_year, possible_sessions, present_sessions,"
            + " authorised_absence, unauthorised_absence) VALUES (d.pupil_id, d.y, d.possible, d.present, d.authorised,"
            + " d.unauthorised)",
        importId);
    int written =
        jdbc.update(
            "MERGE INTO att_mark m USING (SELECT * FROM att_mark_stage WHERE import_id = ?) s ON (" + KEY + ")"
                + " WHEN MATCHED AND " + DIFFERS
                + " THEN UPDATE SET import_id = s.import_id, category = s.category, code = s.code, source_code = s.source_code"
                + " WHEN NOT MATCHED THEN INSERT (pupil_id, mark_date, session_no, school_urn, import_id, category, code, source_code)"
                + " VALUES (s.pupil_id, s.mark_date, s.session_no, s.school_urn, s.import_id, s.category, s.code, s.source_code)",
            importId);
    jdbc.update("DELETE FROM att_mark_stage WHERE import_id = ?", importId);
    return written;
  }

  /** 1 when the condition holds, else 0 (also for a missing stored mark). */
  private static String count(String condition) {
    return "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
  }

  @Override
  public void upsertEnrolments(JdbcTemplate jdbc, List<Enrolment> enrolments) {
    jdbc.batchUpdate(
        "MERGE INTO att_enrolment t USING (VALUES (CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS VARCHAR(4)),"
            + " CAST(? AS DATE))) s (pupil_id, school_urn, registration, from_date)"
            + " ON t.pupil_id = s.pupil_id AND t.school_urn = s.school_urn"
            + " WHEN MATCHED THEN UPDATE SET from_date = LEAST(t.from_date, s.from_date), registration = s.registration"
            + " WHEN NOT MATCHED THEN INSERT (pupil_id, school_urn, registration, from_date)"
            + " VALUES (s.pupil_id, s.school_urn, s.registration, s.from_date)",
        enrolments,
        enrolments.size(),
        (ps, e) -> {
          ps.setInt(1, e.pupilId());
          ps.setInt(2, e.urn());
          ps.setString(3, e.dual() ? "dual" : "main");
          ps.setDate(4, e.from());
        });
  }

  @Override
  public void addImportPupils(JdbcTemplate jdbc, int importId, Collection<Integer> pupilIds) {
    jdbc.batchUpdate(
        "MERGE INTO att_import_pupil KEY (import_id, pupil_id) VALUES (?, ?)",
        pupilIds,
        pupilIds.size(),
        (ps, id) -> {
          ps.setInt(1, importId);
          ps.setInt(2, id);
        });
  }
}
