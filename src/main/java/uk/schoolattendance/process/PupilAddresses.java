package uk.schoolattendance.process;

import java.util.Optional;

/**
 * The child's address as the register of attendance marks holds it (the school's census and CTF
 * data, {@code att_pupil.address}): printed on a penalty notice (the Education (Penalty Notices)
 * (England) Regulations 2007 reg 3, form and content). Without the register nothing is known
 * ({@link NoPupilAddresses}) and the case's own {@code pupilAddress} is used; the register's
 * implementation replaces it as the primary bean.
 */
public interface PupilAddresses {

  /** The pupil's address the register holds, or empty. */
  Optional<String> of(String pupilUpn);
}
