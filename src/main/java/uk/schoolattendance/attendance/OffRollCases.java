package uk.schoolattendance.attendance;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  private final JdbcTemplate jdbc;

  OffRollCases(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records, for import {@code importId} at {@code at}, the cases whose pupil left the roll (kept as
   * first noticed when already recorded) and forgets those whose pupil is on the roll again: three
   * statements at most, however many cases.
   */
  void checked(int importId, Instant at, Collection<Checked> cases) {
    List<String> onRoll = cases.stream().filter(c -> c.leftOn() == null).map(Checked::caseReference).toList();
    for (List<String> chunk : SqlLists.chunks(onRoll, 500)) {
      jdbc.update("DELETE FROM att_case_off_roll WHERE case_reference IN (" + SqlLists.placeholders(chunk.size()) + ")",
          chunk.toArray());
    }
    List<Checked> off = cases.stream().filter(c -> c.leftOn() != null).toList();
    if (off.isEmpty()) {
      return;
    }
    Set<String> known = new HashSet<>();
    for (List<String> chunk : SqlLists.chunks(off.stream().map(Checked::caseReference).toList(), 500)) {
      known.addAll(jdbc.queryForList("SELECT case_reference FROM att_case_off_roll WHERE case_reference IN ("
          + SqlLists.placeholders(chunk.size()) + ")", String.class, chunk.toArray()));
    }
    List<Object[]> rows = new ArrayList<>();
    for (Checked c : off) {
      if (known.add(c.caseReference())) {
        // the moment with its offset, not a Timestamp: H2 turns a Timestamp into the JVM's clock time first, and in
        // the hour the clocks go back takes that clock time to be the first of the two (an hour early)
        rows.add(new Object[] {c.caseReference(), c.upn(), c.schoolUrn(), Date.valueOf(c.leftOn()), at.atOffset(ZoneOffset.UTC), importId});
      }
    }
    if (!rows.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO att_case_off_roll (case_reference, upn, school_urn, left_on, noticed_at, import_id)"
          + " VALUES (?, ?, ?, ?, ?, ?)", rows);
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
