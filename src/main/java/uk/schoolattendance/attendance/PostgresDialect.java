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

  static final String DIFFERS = "(old_code IS NULL OR old_code <> code OR old_source_code IS DISTINCT FROM source_code)";

  static final String TOTALS_UPSERT =
      " ON CONFLICT (pupil_id, academic_year) DO UPDATE SET"
          + " possible_sessions = att_pupil_year.possible_sessions + EXCLUDED.possible_sessions,"
          + " present_sessions = att_pupil_year.present_sessions + EXCLUDED.present_sessions,"
          + " authorised_absence = att_pupil_year.authorised_absence + EXCLUDED.authorised_absence,"
          + " unauthorised_absence = att_pupil_year.unauthorised_absence + EXCLUDED.unauthorised_absence";

  /**
   * One statement: every stored mark the batch meets (old), the replaced values of those it
   * changes, the marks written where they differ, and the change to each pupil's totals of the
   * year (+1 for the new category, -1 for the old). All its parts read the marks as they were.
   */
  static final String WRITE =
      "WITH old AS MATERIALIZED ("
          + " SELECT s.pupil_id, s.mark_date, s.session_no, s.school_urn, s.category, s.code, s.source_code,"
          + " m.category AS old_category, m.code AS old_code, m.source_code AS old_source_code, m.import_id AS old_import_id"
          + " FROM att_stage s LEFT JOIN att_mark m ON m.pupil_id = s.pupil_id AND m.mark_date = s.mark_date"
          + " AND m.session_no = s.session_no AND m.school_urn = s.school_urn),"
          + " changed AS ("
          + " INSERT INTO att_mark_change (pupil_id, mark_date, session_no, school_urn, old_code, old_source_code,"
          + " old_import_id, new_code, new_source_code, import_id)"
          + " SELECT pupil_id, mark_date, session_no, school_urn, old_code, old_source_code, old_import_id, code,"
          + " source_code, ? FROM old WHERE old_code IS NOT NULL AND old_import_id <> ? AND " + DIFFERS + "),"
          + " totals AS ("
          + " INSERT INTO att_pupil_year (pupil_id, academic_year, possible_sessions, present_sessions,"
          + " authorised_absence, unauthorised_absence)"
          + " SELECT pupil_id, CAST(EXTRACT(YEAR FROM mark_date - INTERVAL '8 months') AS SMALLINT),"
          + " SUM((category <> 'X')::int - COALESCE((old_category <> 'X')::int, 0)),"
          + " SUM((category = 'P')::int - COALESCE((old_category = 'P')::int, 0)),"
          + " SUM((category = 'A')::int - COALESCE((old_category = 'A')::int, 0)),"
          + " SUM((category = 'U')::int - COALESCE((old_category = 'U')::int, 0))"
          + " FROM old WHERE " + DIFFERS
          + " GROUP BY pupil_id, CAST(EXTRACT(YEAR FROM mark_date - INTERVAL '8 months') AS SMALLINT)"
          + TOTALS_UPSERT + "),"
          + " written AS ("
          + " INSERT INTO att_mark (pupil_id, mark_date, session_no, school_urn, import_id, category, code, source_code)"
          + " SELECT pupil_id, mark_date, session_no, school_urn, ?, category, code, source_code FROM att_stage"
          + " ON CONFLICT (pupil_id, mark_date, session_no, school_urn) DO UPDATE SET import_id = EXCLUDED.import_id,"
          + " category = EXCLUDED.category, code = EXCLUDED.code, source_code = EXCLUDED.source_code"
          + " WHERE att_mark.code <> EXCLUDED.code OR att_mark.source_code IS DISTINCT FROM EXCLUDED.source_code"
          + " RETURNING 1)"
          + " SELECT COUNT(*) FROM written";

  /**
   * New marks (none stored yet for the batch's pupils and dates: a first load, a day's feed) are
   * copied straight into the register; a unique violation (another import wrote one meanwhile)
   * rolls back to a savepoint and takes the general way: COPY into the temporary table, then
   * {@link #WRITE}.
   */
  @Override
  public int writeMarks(JdbcTemplate jdbc, int importId, List<Mark> marks, List<Span> spans) {
    if (!anyStored(jdbc, spans)) {
      Boolean copied = jdbc.execute((Connection connection) -> copyNew(connection, importId, marks));
      if (Boolean.TRUE.equals(copied)) {
        addTotals(jdbc, RegisterDialect.newMarkTotals(marks));
        return marks.size();
      }
    }
    jdbc.execute(STAGE);
    jdbc.execute((Connection connection) -> copy(connection, "COPY att_stage FROM STDIN", rows(marks, null)));
    Long written = jdbc.queryForObject(WRITE, Long.class, importId, importId, importId);
    return written == null ? 0 : written.intValue();
  }

  /** Whether the register holds any mark of a pupil of the batch between its first and last date in the batch. */
  private static boolean anyStored(JdbcTemplate jdbc, List<Span> spans) {
    Boolean stored = jdbc.execute((Connection connection) -> {
      try (var ps = connection.prepareStatement(
          "SELECT EXISTS (SELECT 1 FROM unnest(?, ?, ?) AS k (pupil_id, first_date, last_date)"
              + " WHERE EXISTS (SELECT 1 FROM att_mark m WHERE m.pupil_id = k.pupil_id"
              + " AND m.mark_date BETWEEN k.first_date AND k.last_date))")) {
        ps.setArray(1, connection.createArrayOf("integer", spans.stream().map(Span::pupilId).toArray()));
        ps.setArray(2, connection.createArrayOf("date", spans.stream().map(Span::first).toArray()));
        ps.setArray(3, connection.createArrayOf("date", spans.stream().map(Span::last).toArray()));
        try (var rs = ps.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        }
      }
    });
    return !Boolean.FALSE.equals(stored);
  }

  private static Boolean copyNew(Connection connection, int importId, List<Mark> marks) throws SQLException {
    java.sql.Savepoint savepoint = connection.setSavepoint();
    try {
      copy(connection, "COPY att_mark (pupil_id, mark_date, session_no, school_urn, category, code, source_code,"
          + " import_id) FROM STDIN", rows(marks, importId));
      connection.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw e;
      }
      connection.rollback(savepoint);
      return false;
    }
  }

  private static long copy(Connection connection, String sql, String rows) throws SQLException {
    try {
      return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows));
    } catch (IOException e) {
      throw new SQLException("COPY of marks failed", e);
    }
  }

  /** The marks in COPY's text format, with the import's id as the last column when given. */
  private static String rows(List<Mark> marks, Integer importId) {
    StringBuilder rows = new StringBuilder(marks.size() * 36);
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
      if (importId != null) {
        rows.append('\t').append(importId);
      }
      rows.append('\n');
    }
    return rows.toString();
  }

  private static void addTotals(JdbcTemplate jdbc, List<int[]> totals) {
    Object[][] columns = new Object[6][];
    for (int i = 0; i < 6; i++) {
      final int column = i;
      columns[i] = new Object[] {"integer", totals.stream().map(t -> t[column]).toArray()};
    }
    arrays(jdbc,
        "INSERT INTO att_pupil_year (pupil_id, academic_year, possible_sessions, present_sessions, authorised_absence,"
            + " unauthorised_absence) SELECT * FROM unnest(?, ?, ?, ?, ?, ?)" + TOTALS_UPSERT,
        columns);
  }

  @Override
  public void upsertEnrolments(JdbcTemplate jdbc, List<Enrolment> enrolments) {
    arrays(jdbc,
        "INSERT INTO att_enrolment (pupil_id, school_urn, registration, from_date)"
            + " SELECT * FROM unnest(?, ?, ?, ?)"
            + " ON CONFLICT (pupil_id, school_urn) DO UPDATE SET from_date = LEAST(att_enrolment.from_date, EXCLUDED.from_date),"
            + " registration = EXCLUDED.registration",
        new Object[][] {
            {"integer", enrolments.stream().map(Enrolment::pupilId).toArray()},
            {"integer", enrolments.stream().map(Enrolment::urn).toArray()},
            {"varchar", enrolments.stream().map(e -> e.dual() ? "dual" : "main").toArray()},
            {"date", enrolments.stream().map(Enrolment::from).toArray()}});
  }

  @Override
  public void addImportPupils(JdbcTemplate jdbc, int importId, Collection<Integer> pupilIds) {
    arrays(jdbc,
        "INSERT INTO att_import_pupil (import_id, pupil_id) SELECT " + importId + ", p FROM unnest(?) AS p"
            + " ON CONFLICT DO NOTHING",
        new Object[][] {{"integer", pupilIds.toArray()}});
  }

  @Override
  public void beforeIdentification(JdbcTemplate jdbc) {
    jdbc.execute("ANALYZE att_import_pupil");
  }

  @Override
  public void reuseFiguresPlans(JdbcTemplate jdbc) {
    jdbc.execute("SET LOCAL plan_cache_mode = force_generic_plan");
  }

  /** One statement for a whole batch of rows: each column is an array parameter of {@code unnest}. */
  private static void arrays(JdbcTemplate jdbc, String sql, Object[][] columns) {
    jdbc.execute((Connection connection) -> {
      try (var ps = connection.prepareStatement(sql)) {
        for (int i = 0; i < columns.length; i++) {
          ps.setArray(i + 1, connection.createArrayOf((String) columns[i][0], (Object[]) columns[i][1]));
        }
        return ps.executeUpdate();
      }
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
