package uk.schoolattendance.casework;

import java.util.Optional;

/**
 * The figures a case starts with when the register holds the pupil's marks (issue #14: cases read
 * their figures from marks). Implemented by the register; a pupil with no marks in the current
 * academic year has none, and the case keeps the figures typed at its start.
 */
public interface RegisterFigures {

  /** The pupil's current attendance and unauthorised sessions in the last 10 school weeks, from the marks. */
  Optional<CaseFigures> current(String upn);

  /** What a case records from the register. */
  record CaseFigures(double attendancePercent, int unauthorisedSessions) {}
}
