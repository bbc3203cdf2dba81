package uk.schoolattendance.attendance;

/**
 * A row (or, in a CTF, a group of {@code rows} marks, e.g. every mark of a pupil whose UPN is
 * wrong) kept out of the register: the field at fault and why.
 */
public record Rejection(int row, int rows, String field, String reason) {

  public Rejection(int row, String field, String reason) {
    this(row, 1, field, reason);
  }
}
