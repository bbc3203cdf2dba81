package uk.schoolattendance.attendance;

import java.util.Locale;

/** Where an import's time went, for its log line: reading and checking, pupils, enrolments, marks, bookkeeping. */
final class ImportTimings {

  static final int READING = 0;
  static final int PUPILS = 1;
  static final int ENROLMENTS = 2;
  static final int MARKS = 3;
  static final int BOOKKEEPING = 4;
  private static final String[] NAMES = {"reading and checking", "pupils", "enrolments", "marks", "bookkeeping"};

  private final long[] nanos = new long[NAMES.length];

  /** Adds the time since {@code start} to a phase; returns now, the next phase's start. */
  long add(int phase, long start) {
    long now = System.nanoTime();
    nanos[phase] += now - start;
    return now;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < NAMES.length; i++) {
      out.append(i == 0 ? "" : ", ").append(NAMES[i]).append(' ')
          .append(String.format(Locale.ROOT, "%.1f s", nanos[i] / 1e9));
    }
    return out.toString();
  }
}
