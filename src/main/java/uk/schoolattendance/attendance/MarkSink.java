package uk.schoolattendance.attendance;

/** Receives what a file reader finds: marks to check, and groups of marks it could not read. */
interface MarkSink {

  void accept(SentMark mark);

  /** Marks kept out before any check (e.g. a CTF year of attendance naming no school). */
  void reject(Rejection rejection);

  /** A CSV file's header row, as one CSV line, before its first row. */
  default void header(String line) {}

  /** A CSV row's cells as the file sent them, just before its mark is given to {@link #accept}. */
  default void sent(int row, java.util.List<String> cells) {}
}
