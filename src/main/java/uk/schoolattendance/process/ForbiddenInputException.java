package uk.schoolattendance.process;

/**
 * Input that is well formed but that this user may not give: a school naming another school's
 * pupil ({@code schoolUrn}). Thrown where the input is checked, it refuses and rolls back as any
 * {@link InvalidInputException} (nothing is created), is led by the field's label on the form as
 * one is, and is answered 403, not 400, by the engine REST API and the project's API alike (as the
 * project's API answers a school naming another school's URN).
 */
public class ForbiddenInputException extends InvalidInputException {

  public ForbiddenInputException(String field, String rule) {
    this(field, null, rule);
  }

  private ForbiddenInputException(String field, String label, String rule) {
    super(field, label, rule);
  }

  @Override
  protected InvalidInputException withLabel(String formLabel) {
    return new ForbiddenInputException(getField(), formLabel, getRule());
  }
}
