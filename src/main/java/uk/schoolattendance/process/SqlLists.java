package uk.schoolattendance.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameter lists of SQL built from a number of values: {@code IN (?, ?, ?)} lists, rows of a
 * multi-row {@code VALUES}, and the chunks a long list of ids is queried in. An empty list is
 * refused: {@code IN ()} is invalid SQL, so a caller with nothing to look up returns before it
 * builds a statement.
 */
public final class SqlLists {

  private SqlLists() {}

  /** {@code ?, ?, ?}: {@code n} parameters, for inside {@code IN (...)} or one {@code VALUES} row. */
  public static String placeholders(int n) {
    atLeastOne(n, "parameters");
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** {@code (?, ?, ?)}: one row of {@code width} parameters. */
  public static String row(int width) {
    return "(" + placeholders(width) + ")";
  }

  /** {@code (?, ?), (?, ?)}: {@code count} rows of {@code width} parameters, for a multi-row {@code VALUES}. */
  public static String rows(int count, int width) {
    atLeastOne(count, "rows");
    return String.join(", ", Collections.nCopies(count, row(width)));
  }

  /**
   * The list cut into consecutive chunks of {@code size} (the last one shorter), in order; none for
   * an empty list. The chunks are views of {@code list} ({@link List#subList}), not copies: the
   * list must not change while they are used.
   */
  public static <T> List<List<T>> chunks(List<T> list, int size) {
    atLeastOne(size, "chunk size");
    List<List<T>> chunks = new ArrayList<>((list.size() + size - 1) / size);
    for (int from = 0; from < list.size(); from += size) {
      chunks.add(list.subList(from, Math.min(list.size(), from + size)));
    }
    return chunks;
  }

  private static void atLeastOne(int n, String what) {
    if (n < 1) {
      throw new IllegalArgumentException("SQL lists need at least one: " + what + " = " + n);
    }
  }
}
