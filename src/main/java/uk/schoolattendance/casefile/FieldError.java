package uk.schoolattendance.casefile;

/**
 * A refused field of a form, as the GOV.UK error summary and the field's error message show it.
 *
 * @param field the field's id in the page
 * @param message what to do, in the Design System's words ("Enter the date of the call")
 * @param anchor what the error summary links to: the field, or the day of a date input
 */
public record FieldError(String field, String message, String anchor) {

  public FieldError(String field, String message) {
    this(field, message, field);
  }

  /** An error of a date input: the summary links to its day. */
  public static FieldError ofDate(String field, String message) {
    return new FieldError(field, message, field + "-day");
  }
}
