package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.util.Optional;
import uk.schoolattendance.process.CaseFacts;

/**
 * The figures a case starts with when the register holds the pupil's marks (issue #14: cases read
 * their figures from marks). Implemented by the register; a pupil with no marks in the current
 * academic year has none, and the case keeps the figures typed at its start.
 */
public interface RegisterFigures {

  /** The pupil's current attendance and unauthorised sessions in the last 10 school weeks, from the marks. */
  Optional<CaseFigures> current(String upn);

  /**
   * The register's figures for a case, the one test of "the pupil has register marks" that the
   * Level 2 review ({@link RegisterReviewFigures}) and the Notice to Improve's letter share: only
   * a case whose figures come from the marks ({@code attendanceSource = marks}) is decided and
   * quoted on the register's figures. A case started on typed figures keeps them, even once marks
   * are imported, so its review and its letter never show two different figures (review 2, S1).
   */
  default Optional<CaseFigures> ofCase(String attendanceSource, String upn) {
    return CaseFacts.FROM_MARKS.equals(attendanceSource) ? current(upn) : Optional.empty();
  }

  /**
   * The pupil's figures from the marks up to a past day (the day a case opened, walk 14 #12), for a
   * register that keeps its marks by day; empty when it does not or holds none for that day's year.
   */
  default Optional<CaseFigures> asOf(String upn, LocalDate day) {
    return Optional.empty();
  }

  /** {@link #asOf} for a case whose figures come from the marks ({@link #ofCase}); empty for any other. */
  default Optional<CaseFigures> ofCaseAsOf(String attendanceSource, String upn, LocalDate day) {
    return CaseFacts.FROM_MARKS.equals(attendanceSource) ? asOf(upn, day) : Optional.empty();
  }

  /** What a case records from the register. */
  record CaseFigures(double attendancePercent, int unauthorisedSessions) {}
}
