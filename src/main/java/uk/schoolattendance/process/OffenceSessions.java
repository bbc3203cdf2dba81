package uk.schoolattendance.process;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The unauthorised sessions (the register's unauthorised codes: G, N, O, U) a pupil missed within
 * an offence period, counted from the register of attendance marks: the figure a penalty notice
 * states for its offence period (the Education (Penalty Notices) (England) Regulations 2007 reg 3,
 * particulars of the offence). It is not the case's {@code unauthorisedSessions}, which counts the
 * last 10 school weeks. Without the register, or for a pupil the register holds no marks for,
 * nothing is known ({@link NoOffenceSessions}) and the notice states no number; the register's
 * implementation replaces it as the primary bean.
 */
public interface OffenceSessions {

  /** The unauthorised sessions from {@code from} to {@code to} (both included), or empty when the pupil has no marks. */
  Optional<Integer> unauthorisedSessions(String pupilUpn, LocalDate from, LocalDate to);
}
