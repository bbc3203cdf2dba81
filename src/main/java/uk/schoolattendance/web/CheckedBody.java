package uk.schoolattendance.web;

/** A request body that checks itself with the input normaliser (see {@link Checked}). */
public interface CheckedBody {

  /** Throws {@code InvalidInputException} naming the first field that breaks its rule. */
  void check();
}
