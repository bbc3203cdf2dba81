package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.schoolattendance.process.CaseFacts;

/**
 * The figures a case starts with when the register holds the pupil's marks (issue #14: cases read
 * their figures from marks). Implemented by the register; a pupil with no marks in the current
 * academic year has none, and the case keeps the figures typed at its start.
 */
public interface RegisterFigures {

  /**
   * The pupil's current attendance and unauthorised sessions in the last 10 school weeks, from the
   * marks, as the case's school may read them (walk 14, defect 5): as of today while the pupil is
   * on that school's roll; as of the leaving date once the pupil left it (a case that stayed with
   * the old school, docs/register.md); none for a school whose roll the pupil was never on, so a
   * case never shows another school's register figures to the school it belongs to.
   */
  Optional<CaseFigures> current(String upn, String schoolUrn);

  /**
   * {@link #current(String, String)} at a case's start, where {@link #pupil} already answered what the
   * register holds of the pupil ({@code known}, null when it does not know the UPN): the register
   * reads no more than it must (system/StatementBudgetTest).
   */
  default Optional<CaseFigures> current(RegisterPupil known, String upn, String schoolUrn) {
    return current(upn, schoolUrn);
  }

  /** What the register holds of the pupil with this UPN (name, date of birth, rolls); none when it does not know the UPN. */
  default Optional<RegisterPupil> pupil(String upn) {
    return Optional.empty();
  }

  /**
   * The register's figures for a case, the one test of "the pupil has register marks" that the
   * Level 2 review ({@link RegisterReviewFigures}) and the Notice to Improve's letter share: only
   * a case whose figures come from the marks ({@code attendanceSource = marks}) is decided and
   * quoted on the register's figures. A case started on typed figures keeps them, even once marks
   * are imported, so its review and its letter never show two different figures (review 2, S1).
   */
  default Optional<CaseFigures> ofCase(String attendanceSource, String upn, String schoolUrn) {
    return CaseFacts.FROM_MARKS.equals(attendanceSource) ? current(upn, schoolUrn) : Optional.empty();
  }

  /**
   * The pupil's attendance over the rolling window of school weeks (the threshold's, 10 by default:
   * {@code attendance.register.threshold.school-weeks}) that ends on {@code day}, in the case's
   * school's calendar, as that school may read it: the window ends on the leaving date once the
   * pupil left the school, and there is none for a school whose roll the pupil was never on. A
   * window of the same length whatever the day, so two of them compare like with like across a
   * September (review 2, L3: year-to-date figures of two academic years do not). Empty when the
   * window holds no possible session (no marks yet) or the register keeps no marks by day.
   */
  default Optional<RollingAttendance> rolling(String upn, String schoolUrn, LocalDate day) {
    return Optional.empty();
  }

  /**
   * Attendance over a rolling window of school weeks.
   *
   * @param from the window's first day
   * @param to the window's last day
   * @param schoolWeeks the window's length in school weeks
   * @param attendancePercent present ÷ possible × 100, unrounded
   * @param possibleSessions the possible sessions in the window (at least one)
   */
  record RollingAttendance(LocalDate from, LocalDate to, int schoolWeeks, double attendancePercent, int possibleSessions) {}

  /** What a case records from the register. */
  record CaseFigures(double attendancePercent, int unauthorisedSessions) {}

  /**
   * A pupil as the register holds them.
   *
   * @param name forename and surname as the school's last file sent them
   * @param dateOfBirth the date of birth the register holds
   * @param onRoll the URNs of the schools whose roll the pupil is on today
   * @param leftRoll the URNs of the schools whose roll the pupil was on and has left (leaving date past)
   */
  record RegisterPupil(String name, LocalDate dateOfBirth, List<String> onRoll, List<String> leftRoll) {

    /** Whether the school may read the register's record of the pupil: on its roll, or it is the school they left. */
    public boolean readableBy(String schoolUrn) {
      return onRoll.contains(schoolUrn) || leftRoll.contains(schoolUrn);
    }

    /** Whether the register holds the pupil on some school's roll today, but not on this school's. */
    public boolean onAnotherRoll(String schoolUrn) {
      return !onRoll.isEmpty() && !onRoll.contains(schoolUrn);
    }
  }
}
