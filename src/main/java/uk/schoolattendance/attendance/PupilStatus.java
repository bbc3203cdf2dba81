package uk.schoolattendance.attendance;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What identification has already turned into work, per pupil and academic year ({@code
 * att_pupil_status}): the worst band identified (or followed by an open case) and the day the
 * threshold was first seen met; and the flags for the schools' Targeting Support Meetings.
 */
@Component
class PupilStatus {

  /** One pupil's status in one academic year (the year's first calendar year, 2026 for 2026-27). */
  record Status(int pupilId, int year, String identifiedBand, LocalDate thresholdMetOn, boolean stored) {

    static Status none(int pupilId, int year) {
      return new Status(pupilId, year, "none", null, false);
    }

    boolean sameWorkAs(Status other) {
      return identifiedBand.equals(other.identifiedBand)
          && java.util.Objects.equals(thresholdMetOn, other.thresholdMetOn);
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
        "SELECT s.pupil_id, s.identified_band, s.threshold_met_on FROM att_pupil_status s"
            + " JOIN att_import_pupil ip ON ip.pupil_id = s.pupil_id AND ip.import_id = ? WHERE s.academic_year = ?",
        rs -> {
          Date on = rs.getDate(3);
          found.put(rs.getInt(1), new Status(rs.getInt(1), year, rs.getString(2), on == null ? null : on.toLocalDate(), true));
        },
        importId, year);
    return found;
  }

  /** Writes the statuses that changed: updates the stored ones, inserts the new. */
  void save(List<Status> statuses, int importId) {
    List<Status> stored = statuses.stream().filter(Status::stored).toList();
    List<Status> fresh = statuses.stream().filter(s -> !s.stored()).toList();
    for (var batch : List.of(
        Map.entry("UPDATE att_pupil_status SET identified_band = ?, threshold_met_on = ?, updated_import_id = ?"
            + " WHERE pupil_id = ? AND academic_year = ?", stored),
        Map.entry("INSERT INTO att_pupil_status (identified_band, threshold_met_on, updated_import_id, pupil_id,"
            + " academic_year) VALUES (?, ?, ?, ?, ?)", fresh))) {
      jdbc.batchUpdate(batch.getKey(), batch.getValue(), batch.getValue().size(), (ps, s) -> {
        ps.setString(1, s.identifiedBand());
        ps.setObject(2, s.thresholdMetOn() == null ? null : Date.valueOf(s.thresholdMetOn()), Types.DATE);
        ps.setInt(3, importId);
        ps.setInt(4, s.pupilId());
        ps.setInt(5, s.year());
      });
    }
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
