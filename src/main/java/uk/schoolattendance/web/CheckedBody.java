package uk.schoolattendance.web;

/**
 * A request body that checks itself with the input normaliser (see {@link Checked}). Every one is
 * annotated {@link Checked} ({@code CheckedBodiesTest}). It is bound with {@code @Valid}, so a
 * refused field is a 400 before the handler runs, except where the caller's role must be refused
 * first (403 whatever the body holds): there the handler binds it without {@code @Valid} and calls
 * {@link #check()} itself right after the role check ({@code CaseCorrectionsController.addParent}).
 * A service that is also reached from a page calls {@link #check()} itself as well.
 */
public interface CheckedBody {

  /** Throws {@code InvalidInputException} naming the first field that breaks its rule. */
  void check();
}
