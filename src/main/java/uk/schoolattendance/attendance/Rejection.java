package uk.schoolattendance.attendance;

/**
 * A row (or, in a CTF, a group of {@code rows} marks, e.g. every mark of a pupil whose UPN is
 * wrong) kept out of the register: the field at fault and why.
 *
 * @param sent a CSV row as the file sent it (its cells as one CSV line), so the rejected rows can
 *     be downloaded, corrected and imported again; null for a CTF's marks and older imports
 */
public record Rejection(int row, int rows, String field, String reason, String sent) {

  public Rejection(int row, int rows, String field, String reason) {
    this(row, rows, field, reason, null);
  }

  public Rejection(int row, String field, String reason) {
    this(row, 1, field, reason, null);
  }

  /** The same rejection carrying the row as the file sent it. */
  public Rejection sentAs(String line) {
    return new Rejection(row, rows, field, reason, line);
  }
}
