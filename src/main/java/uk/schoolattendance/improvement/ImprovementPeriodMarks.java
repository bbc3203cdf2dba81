package uk.schoolattendance.improvement;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The register's marks for a Notice to Improve's improvement period, for its review (walk 11,
 * defect 11). Implemented by the register; empty for a pupil it holds no marks for.
 */
public interface ImprovementPeriodMarks {

  /** The pupil's sessions from {@code from} to {@code to}, both included, as the register counts them. */
  Optional<PeriodFigures> between(String upn, LocalDate from, LocalDate to);

  /**
   * @param from the first day counted (later than asked when the period began in the previous
   *     academic year: the register counts a year at a time)
   * @param possibleSessions sessions the pupil could attend
   * @param presentSessions sessions present (or an approved educational activity)
   * @param unauthorisedAbsence G, N, O and U sessions
   */
  record PeriodFigures(LocalDate from, LocalDate to, int possibleSessions, int presentSessions, int unauthorisedAbsence) {}
}
