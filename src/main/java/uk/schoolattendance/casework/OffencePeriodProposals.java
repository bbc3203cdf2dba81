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

  /** A proposed offence period, both ends included (calendar days). */
  record OffencePeriod(LocalDate from, LocalDate to) {}

  /** The period the marks support for this pupil as of {@code asOf}, or empty. */
  Optional<OffencePeriod> propose(String pupilUpn, LocalDate asOf);
}
