package uk.schoolattendance.attendance;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What identification last saw of each pupil per academic year ({@code att_pupil_status}): the
 * figures and the work already produced (the worst band identified, the day the threshold was
 * first seen met), and the flags for the schools' Targeting Support Meetings.
 */
@Component
class PupilStatus {

  /** One pupil's status in one academic year (the year's first calendar year, 2026 for 2026-27). */
  record Status(
      int pupilId,
      int year,
      LocalDate asOf,
      Figures figures,
      String identifiedBand,
      LocalDate thresholdIdentifiedOn,
      int importId,
      boolean stored) {

    static Status none(int pupilId, int year) {
      return new Status(pupilId, year, null, null, "none", null, 0, false);
    }
  }

  private final JdbcTemplate jdbc;

  PupilStatus(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored status of the pupils an import touched, by pupil id. */
  Map<Integer, Status> ofImport(int importId, int year) {
    Map<Integer, Status> found = new HashMap<>();
    jdbc.query(
        "SELECT s.pupil_id, s.identified_band, s.threshold_identified_on FROM att_pupil_status s"
            + " JOIN att_import_pupil ip ON ip.pupil_id = s.pupil_id AND ip.import_id = ? WHERE s.academic_year = ?",
        rs -> {
          Date on = rs.getDate(3);
          String band = rs.getString(2);
          found.put(rs.getInt(1), new Status(rs.getInt(1), year, null, null, band == null ? "none" : band,
              on == null ? null : on.toLocalDate(), 0, true));
        },
        importId, year);
    return found;
  }

  /** Writes the statuses: updates the stored ones, inserts the new. */
  void save(List<Status> statuses) {
    List<Status> stored = statuses.stream().filter(Status::stored).toList();
    List<Status> fresh = statuses.stream().filter(s -> !s.stored()).toList();
    jdbc.batchUpdate(
        "UPDATE att_pupil_status SET as_of = ?, possible_sessions = ?, present_sessions = ?, authorised_absence = ?,"
            + " unauthorised_absence = ?, attendance_percent = ?, band = ?, unauthorised_recent = ?, threshold_met_on = ?,"
            + " identified_band = ?, threshold_identified_on = ?, updated_import_id = ?"
            + " WHERE pupil_id = ? AND academic_year = ?",
        stored,
        stored.size(),
        (ps, s) -> {
          values(ps, s, 1);
          ps.setInt(13, s.pupilId());
          ps.setInt(14, s.year());
        });
    jdbc.batchUpdate(
        "INSERT INTO att_pupil_status (as_of, possible_sessions, present_sessions, authorised_absence,"
            + " unauthorised_absence, attendance_percent, band, unauthorised_recent, threshold_met_on, identified_band,"
            + " threshold_identified_on, updated_import_id, pupil_id, academic_year)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        fresh,
        fresh.size(),
        (ps, s) -> {
          values(ps, s, 1);
          ps.setInt(13, s.pupilId());
          ps.setInt(14, s.year());
        });
  }

  private static void values(java.sql.PreparedStatement ps, Status s, int first) throws java.sql.SQLException {
    Figures f = s.figures();
    ps.setDate(first, Date.valueOf(s.asOf()));
    ps.setInt(first + 1, f.possibleSessions());
    ps.setInt(first + 2, f.presentSessions());
    ps.setInt(first + 3, f.authorisedAbsence());
    ps.setInt(first + 4, f.unauthorisedAbsence());
    ps.setObject(first + 5, f.attendancePercent() == null ? null : BigDecimal.valueOf(f.attendancePercent()), Types.DECIMAL);
    ps.setObject(first + 6, f.band(), Types.VARCHAR);
    ps.setInt(first + 7, f.unauthorisedInLast10SchoolWeeks());
    ps.setObject(first + 8, f.thresholdMetOn() == null ? null : Date.valueOf(f.thresholdMetOn()), Types.DATE);
    ps.setString(first + 9, s.identifiedBand());
    ps.setObject(first + 10, s.thresholdIdentifiedOn() == null ? null : Date.valueOf(s.thresholdIdentifiedOn()), Types.DATE);
    ps.setInt(first + 11, s.importId());
  }

  /**
   * Flags pupils for their school's next Targeting Support Meeting, once per pupil, school and year
   * (rows: pupil id, URN, year, date, band, percent, import id). Returns how many were new.
   */
  int flag(List<Object[]> flags) {
    int added = 0;
    for (Object[] flag : flags) {
      Integer exists = jdbc.query(
          "SELECT 1 FROM att_targeting_flag WHERE pupil_id = ? AND school_urn = ? AND academic_year = ?",
          rs -> rs.next() ? 1 : null, flag[0], flag[1], flag[2]);
      if (exists == null) {
        jdbc.update(
            "INSERT INTO att_targeting_flag (pupil_id, school_urn, academic_year, flagged_on, band, attendance_percent,"
                + " import_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            flag[0], flag[1], flag[2], flag[3], flag[4],
            flag[5] == null ? null : BigDecimal.valueOf((Double) flag[5]), flag[6]);
        added++;
      }
    }
    return added;
  }
}
