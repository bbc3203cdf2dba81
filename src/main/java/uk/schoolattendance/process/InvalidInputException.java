package uk.schoolattendance.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad input from a person or a client: names the field and the rule it broke. Thrown from a
 * start or task listener it rolls the whole command back (nothing is created, the task stays
 * open) and the engine REST API answers 400 with this message; the project's API answers 400
 * with the field and rule (see {@link ApiErrors}).
 *
 * <p>A refusal of a task's completion also leads with the field's label as the task's form shows
 * it ({@code Attendance target (%) (attendanceTarget): must be …}), so a person in Tasklist knows
 * which box it means ({@link FormLabels}); the variable stays in the message for the contract.
 */
public class InvalidInputException extends BadUserRequestException {

  private final String field;
  private final String rule;
  private final String label;

  public InvalidInputException(String field, String rule) {
    this(field, null, rule);
  }

  /** The refusal {@code Label (field): rule} or {@code field: rule}; for a kind of refusal ({@link ForbiddenInputException}). */
  protected InvalidInputException(String field, String label, String rule) {
    super(message(field, label, rule));
    this.field = field;
    this.rule = rule;
    this.label = label;
  }

  /** {@code Label (field): rule}, or {@code field: rule} without a label. */
  static String message(String field, String label, String rule) {
    return (label == null ? field : label + " (" + field + ")") + ": " + rule;
  }

  /**
   * The same refusal, led by the field's label on the form, caused by {@code thrown} (the refusal as
   * the engine threw it, so its chain of causes is kept); itself when there is no label or it has one.
   */
  public InvalidInputException labelled(String formLabel, Throwable thrown) {
    if (formLabel == null || formLabel.isBlank() || label != null) {
      return this;
    }
    InvalidInputException labelled = withLabel(formLabel.strip());
    labelled.initCause(thrown);
    labelled.setStackTrace(getStackTrace());
    return labelled;
  }

  /** The same refusal, of the same kind, led by this label. */
  protected InvalidInputException withLabel(String formLabel) {
    return new InvalidInputException(field, formLabel, rule);
  }

  /**
   * What else the API's 400 names besides the field and the rule (e.g. the import a refused file
   * left behind); none by default.
   */
  public java.util.Map<String, Object> details() {
    return java.util.Map.of();
  }

  public String getField() {
    return field;
  }

  public String getRule() {
    return rule;
  }

  /** The field's label on the task's form, or null (no form, or the variable is not on it). */
  public String getLabel() {
    return label;
  }
}
