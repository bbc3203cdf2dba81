package uk.schoolattendance.attendance;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.SqlLists;

/**
 * Open cases whose pupil is no longer on the roll of the case's school, the pupil's main school
 * ({@code att_case_off_roll}, V637): the school sent a leaving date that has passed and no school's
 * main registration followed, so the case has no school to follow the pupil to ({@link
 * MovedPupilCases} moves a case only to a school whose roll holds the pupil). Identification after
 * an import records them ({@link Identification}) and forgets one whose pupil an import shows on the
 * roll again; the authority reads them on "Cases that did not follow their pupil", where an officer
 * decides (a new school to find, a child missing education, the case to close).
 */
@Component
public class OffRollCases {

  /** A case at a school its pupil left: when they left, and when an import first showed it. */
  public record OffRollCase(
      String caseReference, String upn, String pupilName, String schoolUrn, LocalDate leftOn, Instant noticedAt) {}

  /** What identification found of a case at its pupil's main school ({@code leftOn} null: still on the roll). */
  record Checked(String caseReference, String upn, String schoolUrn, LocalDate leftOn) {}

  /**
   * Records a case off the roll only if it is not recorded yet (another identification may have
   * recorded it a moment ago: the main school's import and a dual-registration school's import both
   * holding the pupil), and changes the leaving date of one recorded when a later import corrects
   * it; when it was first noticed, and by which import, stay. PostgreSQL: {@code INSERT ... ON
   * CONFLICT}, which waits for the other's row and then updates it.
   */
  private static final String POSTGRES_RECORD =
      "INSERT INTO att_case_off_roll (case_reference, upn, school_urn, left_on, noticed_at, import_id) VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (case_reference) DO UPDATE SET left_on = EXCLUDED.left_on"
          + " WHERE att_case_off_roll.left_on <> EXCLUDED.left_on";

  /**
   * The same on H2: {@code MERGE}. A row another transaction inserted and had not committed when
   * this one looked is a duplicate key once it commits (H2 rolls back that statement only): the
   * rows are then merged again one by one, and find it.
   */
  private static final String H2_RECORD =
      "MERGE INTO att_case_off_roll t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(13)), CAST(? AS VARCHAR(16)),"
          + " CAST(? AS DATE), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS INTEGER))) s (case_reference, upn, school_urn, left_on, noticed_at,"
          + " import_id) ON t.case_reference = s.case_reference"
          + " WHEN MATCHED AND t.left_on <> s.left_on THEN UPDATE SET left_on = s.left_on"
          + " WHEN NOT MATCHED THEN INSERT (case_reference, upn, school_urn, left_on, noticed_at, import_id)"
          + " VALUES (s.case_reference, s.upn, s.school_urn, s.left_on, s.noticed_at, s.import_id)";

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  OffRollCases(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = "PostgreSQL".equalsIgnoreCase(
        jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
  }

  /**
   * Records, for import {@code importId} at {@code at}, the cases whose pupil left the roll (kept as
   * first noticed when already recorded, with the leaving date a later import corrected) and forgets
   * those whose pupil is on the roll again: two statements, however many cases, and safe when
   * another identification records the same case at once.
   */
  void checked(int importId, Instant at, Collection<Checked> cases) {
    List<String> onRoll = cases.stream().filter(c -> c.leftOn() == null).map(Checked::caseReference).toList();
    for (List<String> chunk : SqlLists.chunks(onRoll, 500)) {
      jdbc.update("DELETE FROM att_case_off_roll WHERE case_reference IN (" + SqlLists.placeholders(chunk.size()) + ")",
          chunk.toArray());
    }
    Map<String, Object[]> rows = new LinkedHashMap<>();
    for (Checked c : cases) {
      if (c.leftOn() != null) {
        // the moment with its offset, not a Timestamp: H2 turns a Timestamp into the JVM's clock time first, and in
        // the hour the clocks go back takes that clock time to be the first of the two (an hour early)
        rows.putIfAbsent(c.caseReference(),
            new Object[] {c.caseReference(), c.upn(), c.schoolUrn(), Date.valueOf(c.leftOn()), at.atOffset(ZoneOffset.UTC), importId});
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    List<Object[]> off = new ArrayList<>(rows.values());
    if (postgres) {
      jdbc.batchUpdate(POSTGRES_RECORD, off);
      return;
    }
    try {
      jdbc.batchUpdate(H2_RECORD, off);
    } catch (DuplicateKeyException recordedMeanwhile) {
      for (Object[] row : off) {
        jdbc.update(H2_RECORD, row);
      }
    }
  }

  /**
   * The open cases still at the school their pupil left, the longest off the roll first (whoever
   * asks: the page decides who sees them); a case closed or moved since is not among them.
   */
  public List<OffRollCase> open() {
    return jdbc.query(
        "SELECT o.case_reference, o.upn, c.pupil_name, o.school_urn, o.left_on, o.noticed_at FROM att_case_off_roll o"
            + " JOIN cf_case c ON c.case_reference = o.case_reference"
            + " WHERE c.closed_at IS NULL AND c.school_urn = o.school_urn ORDER BY o.left_on, o.case_reference",
        (rs, n) -> new OffRollCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getDate(5).toLocalDate(), rs.getTimestamp(6).toInstant()));
  }
}
