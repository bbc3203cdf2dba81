package uk.schoolattendance.casework;

import java.time.LocalDate;
import java.util.Optional;

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
}
