package uk.schoolattendance.attendance;

import uk.schoolattendance.process.InvalidInputException;

/**
 * A file refused part-way, after rows were kept: the same field and rule as the refusal, and the
 * import that lists the kept rows, so a school's system can match the list's failed import to its
 * call. (A file refused before its first row keeps nothing and leaves no import.)
 */
public final class ImportStopped extends InvalidInputException {

  private final int importId;

  ImportStopped(int importId, int rowsRead, InvalidInputException cause) {
    super(cause.getField(), cause.getRule() + " (import " + importId + " keeps the " + rowsRead
        + (rowsRead == 1 ? " row" : " rows") + " read before it: correct the file and send it again, nothing is doubled)");
    initCause(cause);
    this.importId = importId;
  }

  public int importId() {
    return importId;
  }

  /** The API's 400 names the import ({@code importId}). */
  @Override
  public java.util.Map<String, Object> details() {
    return java.util.Map.of("importId", importId);
  }
}
