package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.util.Optional;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Proposes the offence period for a pupil from the register of attendance marks (issue #15: the
 * period that holds the sessions of the national threshold). Until the register exists the only
 * implementation proposes nothing ({@link NoOffencePeriodProposals}) and the officer enters the
 * period at the Pupil Planning Meeting; a register implementation replaces it as the primary bean.
 */
public interface OffencePeriodProposals {

  /**
   * A proposed offence period, both ends included (calendar days), with the unauthorised
   * sessions the register holds in it and the school weeks it spans.
   */
  record OffencePeriod(LocalDate from, LocalDate to, int unauthorisedSessions, int schoolWeeks) {}

  /** The period the marks support for this pupil as of {@code asOf}, or empty. */
  Optional<OffencePeriod> propose(String pupilUpn, LocalDate asOf);

  /**
   * Checks a period the officer gave (perhaps narrowed from the proposal) against the marks: for a
   * pupil with marks it must still hold the threshold's unauthorised sessions within its school
   * weeks, otherwise an {@code InvalidInputException} names {@code offenceFrom} or
   * {@code offenceTo}. Without a register, or for a pupil without marks, there is nothing to check.
   */
  default void check(String pupilUpn, LocalDate from, LocalDate to) {}

  /**
   * Whether the register holds marks for this pupil: then the marks, and only they, establish the
   * national threshold for a penalty notice ({@link #check}); without marks the officer records the
   * school's evidence. Without a register, never.
   */
  default boolean hasMarks(String pupilUpn) {
    return false;
  }

  /**
   * The penalty notice's reason the register's marks give the period: {@code holiday} when every
   * unauthorised session in it is a term-time holiday code (G), {@code late} when every one is a
   * late-arrival code (U), otherwise {@code other} (the codes are configuration); empty without marks.
   */
  default Optional<String> noticeReason(String pupilUpn, LocalDate from, LocalDate to) {
    return Optional.empty();
  }

  /**
   * The national threshold as configured ({@code attendance.register.threshold}), in words for a
   * refusal or a form: "10 unauthorised sessions (G, N, O, U) within 10 school weeks".
   */
  String thresholdShown();

  /**
   * Checks an offence period whose evidence is the school's register printout (a pupil without
   * marks) on the school's calendar: it must lie within the threshold's window of school weeks
   * (refused naming {@code offenceTo}), and the printout's {@code unauthorisedSessions} cannot be
   * more than the period's possible sessions, two a school day (refused naming {@code
   * thresholdEvidenceSessions}).
   */
  void checkPrintout(String schoolUrn, LocalDate from, LocalDate to, int unauthorisedSessions);

  /** The threshold in words. */
  static String thresholdShown(int sessions, int schoolWeeks) {
    return sessions + " unauthorised sessions (G, N, O, U) within " + schoolWeeks + " school weeks";
  }

  /** The refusals of {@link #checkPrintout}, given the period's school weeks and possible sessions on the school's calendar. */
  static void requireWithinThreshold(
      LocalDate from, LocalDate to, int spanned, int window, int possible, int unauthorisedSessions, String thresholdShown) {
    if (spanned > window) {
      throw new InvalidInputException(AttendanceCase.OFFENCE_TO.name(), "the offence period " + Days.shown(from, to) + " spans "
          + spanned + " school weeks; the national threshold is " + thresholdShown
          + ": narrow the period to the school weeks of the printout that hold the sessions");
    }
    if (unauthorisedSessions > possible) {
      throw new InvalidInputException(AttendanceCase.THRESHOLD_EVIDENCE_SESSIONS.name(), unauthorisedSessions
          + " unauthorised sessions cannot lie in the offence period " + Days.shown(from, to) + ", which has "
          + possible + " school sessions (two a school day)");
    }
  }
}
